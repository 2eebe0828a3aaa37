import { useCallback, useMemo } from 'react';
import type { QueryValues } from '../../api/api-client';
import { DATE_PRESETS, isDay, localToday, presetRange, type DatePreset } from './date-presets';
import { useUrlWriter } from './use-url-writer';

/** The filters every report page shares: a date range and, for who may use them, a site and a department. */
export interface ReportFilters {
  preset: DatePreset;
  from: string;
  to: string;
  site: number | null;
  department: number | null;
}

/** The filters as they are kept in the page's URL (so a link, e.g. from the bot, opens the same view). */
export function filtersFromSearch(params: URLSearchParams, today: string): ReportFilters {
  const asked = params.get('period') as DatePreset | null;
  const custom =
    isDay(params.get('from')) &&
    isDay(params.get('to')) &&
    (params.get('from') as string) <= (params.get('to') as string);
  const preset: DatePreset = asked && DATE_PRESETS.includes(asked) ? asked : custom ? 'custom' : 'this-month';
  const range =
    preset === 'custom'
      ? custom
        ? { from: params.get('from') as string, to: params.get('to') as string }
        : presetRange('this-month', today)
      : presetRange(preset, today);
  return {
    preset,
    ...range,
    site: positive(params.get('site')),
    department: positive(params.get('department')),
  };
}

/** The URL parameters of a set of filters (presets without days, so a saved link stays current). */
export function searchOfFilters(
  filters: ReportFilters,
  keep: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(keep);
  for (const name of ['period', 'from', 'to', 'site', 'department']) params.delete(name);
  if (filters.preset === 'custom') {
    params.set('from', filters.from);
    params.set('to', filters.to);
  } else if (filters.preset !== 'this-month') params.set('period', filters.preset);
  if (filters.site !== null) params.set('site', String(filters.site));
  if (filters.department !== null) params.set('department', String(filters.department));
  return params;
}

/** The API query parameters of a set of filters. */
export function queryOfFilters(filters: ReportFilters): QueryValues {
  return { from: filters.from, to: filters.to, site: filters.site, department: filters.department };
}

/**
 * The page's report filters, read from and written to its URL. `fixed` pins some (a channel
 * tab's department) whatever the URL says.
 */
export function useReportFilters(fixed: Partial<Pick<ReportFilters, 'department'>> = {}): {
  filters: ReportFilters;
  setFilters(next: Partial<ReportFilters>): void;
  query: QueryValues;
} {
  const [params, write] = useUrlWriter();
  const fixedDepartment = fixed.department;
  const filters = useMemo(() => {
    const read = filtersFromSearch(params, localToday());
    return fixedDepartment === undefined ? read : { ...read, department: fixedDepartment };
  }, [params, fixedDepartment]);
  const setFilters = useCallback(
    (next: Partial<ReportFilters>) =>
      write((latest) => {
        const now = filtersFromSearch(latest, localToday());
        const pinned = fixedDepartment === undefined ? now : { ...now, department: fixedDepartment };
        return searchOfFilters({ ...pinned, ...next }, latest);
      }),
    [fixedDepartment, write],
  );
  const query = useMemo(() => queryOfFilters(filters), [filters]);
  return { filters, setFilters, query };
}

function positive(text: string | null): number | null {
  const value = Number(text);
  return text && Number.isInteger(value) && value > 0 ? value : null;
}
