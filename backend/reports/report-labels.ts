import type { NamedKind, ReportRepository } from '../db/report.repository.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** What a group key is: a directory thing named by id, or a value that names itself. */
export type LabelKind = NamedKind | 'destClass' | 'country' | 'hour' | 'weekday';

const NONE: Record<LabelKind, string> = {
  site: 'No site',
  department: 'No department',
  user: 'No user',
  carrier: 'No carrier',
  destClass: 'Unknown',
  country: 'Unknown country',
  hour: 'Unknown hour',
  weekday: 'Unknown day',
};

/**
 * The labels of group keys of one kind, read in one go: names of sites, departments, users and
 * carriers (an id no longer in the directory reads `#id`), destination classes and country codes
 * as they are, hours as `09:00`, ISO weekdays by name.
 */
export async function labelsFor(
  reports: ReportRepository,
  kind: LabelKind,
  keys: readonly (string | number | null)[],
): Promise<(key: string | number | null) => string> {
  const names =
    kind === 'site' || kind === 'department' || kind === 'user' || kind === 'carrier'
      ? await reports.names(
          kind,
          keys.filter((key): key is number => typeof key === 'number'),
        )
      : new Map<number, string>();
  return (key) => {
    if (key === null) return NONE[kind];
    switch (kind) {
      case 'hour':
        return `${String(key).padStart(2, '0')}:00`;
      case 'weekday':
        return WEEKDAYS[Number(key) - 1] ?? String(key);
      case 'destClass':
      case 'country':
        return String(key);
      default:
        return names.get(Number(key)) ?? `#${key}`;
    }
  };
}
