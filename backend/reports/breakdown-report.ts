import { z } from 'zod';
import type { ReportCriteria, ReportKey } from '../db/report-criteria.js';
import type { ReportGroup, ReportRepository } from '../db/report.repository.js';
import type { Scope } from '../domain/role.js';
import { formatLocalDay } from './local-day.js';
import type { NumberMask } from './number-mask.js';
import { labelsFor, type LabelKind } from './report-labels.js';
import { BREAKDOWN_DIMENSIONS, type BreakdownDimension } from './report-query.js';
import {
  byCostThenCalls,
  mainCurrencies,
  reportTotalsSchema,
  totalsOf,
  TotalsAccumulator,
  type ReportTotals,
} from './report-totals.js';
import { reportPeriodSchema, reportSourceSchema } from './summary-report.js';

/** One row of a breakdown: what it is (key: an id, a code, an hour …; null for none), its name and figures. */
export const breakdownRowSchema = reportTotalsSchema.extend({
  key: z.union([z.string(), z.number(), z.null()]),
  label: z.string(),
});
/** One row of a breakdown. */
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;

/**
 * A breakdown: the `limit` largest rows by cost then calls, the rest summed in `other` (with how
 * many rows it holds), and the total of all rows (equal to the summary's totals). Hours of the day
 * and weekdays are a histogram instead: every hour or day in its natural order, no `other`.
 */
export const breakdownReportSchema = z.object({
  dimension: z.enum(BREAKDOWN_DIMENSIONS),
  period: reportPeriodSchema,
  source: reportSourceSchema,
  rows: z.array(breakdownRowSchema),
  other: reportTotalsSchema.extend({ rows: z.number().int() }).nullable(),
  total: reportTotalsSchema,
});
/** A breakdown. */
export type BreakdownReport = z.infer<typeof breakdownReportSchema>;

/** The report keys each dimension groups by, and how its keys are named. */
const DIMENSIONS: Record<BreakdownDimension, { keys: ReportKey[]; labels: LabelKind | null }> = {
  department: { keys: ['department'], labels: 'department' },
  user: { keys: ['user'], labels: 'user' },
  site: { keys: ['site'], labels: 'site' },
  carrier: { keys: ['carrier'], labels: 'carrier' },
  destClass: { keys: ['destClass'], labels: 'destClass' },
  country: { keys: ['country'], labels: 'country' },
  // The rate's label, or for calls without one the number, masked per call (hence the user).
  destination: { keys: ['label', 'number', 'user'], labels: null },
  hourOfDay: { keys: ['hour'], labels: 'hour' },
  weekday: { keys: ['weekday'], labels: 'weekday' },
};

const HISTOGRAMS: Partial<Record<BreakdownDimension, number[]>> = {
  hourOfDay: Array.from({ length: 24 }, (_, hour) => hour),
  weekday: [1, 2, 3, 4, 5, 6, 7],
};

/** Calls, talk time and cost per department, user, site, carrier, class, country, destination, hour or weekday. */
export async function breakdownReport(
  reports: ReportRepository,
  scope: Scope,
  criteria: ReportCriteria,
  request: { dimension: BreakdownDimension; limit: number },
  mask: NumberMask,
): Promise<BreakdownReport> {
  const { dimension, limit } = request;
  const spec = DIMENSIONS[dimension];
  const { source, groups } = await reports.groups(scope, criteria, spec.keys);
  const byKey = new Map<string, { key: string | number | null; sum: TotalsAccumulator }>();
  for (const group of groups) {
    const key =
      dimension === 'destination'
        ? destinationOf(group, mask)
        : (group.key[spec.keys[0] as ReportKey] ?? null);
    const id = JSON.stringify(key);
    const entry = byKey.get(id) ?? { key, sum: new TotalsAccumulator() };
    entry.sum.add(group);
    byKey.set(id, entry);
  }
  const histogram = HISTOGRAMS[dimension];
  if (histogram)
    for (const key of histogram)
      if (!byKey.has(JSON.stringify(key)))
        byKey.set(JSON.stringify(key), { key, sum: new TotalsAccumulator() });

  const label = spec.labels
    ? await labelsFor(
        reports,
        spec.labels,
        [...byKey.values()].map((entry) => entry.key),
      )
    : (key: string | number | null) => (key === null ? 'No number' : String(key));
  const total = totalsOf(groups);
  const all = [...byKey.values()].map((entry): BreakdownRow => ({
    key: entry.key,
    label: label(entry.key),
    ...entry.sum.totals(),
  }));
  const base = {
    dimension,
    period: { from: formatLocalDay(criteria.fromDay), to: formatLocalDay(criteria.toDay) },
    source,
    total,
  };
  if (histogram) {
    all.sort((a, b) => (a.key === null ? 1 : b.key === null ? -1 : Number(a.key) - Number(b.key)));
    return { ...base, rows: all, other: null };
  }
  const order = byCostThenCalls(mainCurrencies(total));
  all.sort((a, b) => order(a, b) || String(a.label).localeCompare(String(b.label)));
  const rest = all.slice(limit);
  return { ...base, rows: all.slice(0, limit), other: rest.length === 0 ? null : otherOf(rest) };
}

/** A destination: the rate's label, else the number as this viewer may see it on that user's calls. */
function destinationOf(group: ReportGroup, mask: NumberMask): string | null {
  if (group.key.label !== null && group.key.label !== undefined) return String(group.key.label);
  const number = group.key.number;
  if (number === null || number === undefined) return null;
  const user = group.key.user;
  return mask.show(String(number), typeof user === 'number' ? user : null);
}

function otherOf(rows: readonly BreakdownRow[]): ReportTotals & { rows: number } {
  const sum = new TotalsAccumulator();
  for (const row of rows) sum.addTotals(row);
  return { ...sum.totals(), rows: rows.length };
}
