import { z } from 'zod';
import type { ReportCriteria, ReportKey } from '../db/report-criteria.js';
import type { ReportRepository } from '../db/report.repository.js';
import type { Scope } from '../domain/role.js';
import {
  addDays,
  formatLocalDay,
  monthStart,
  nextMonthStart,
  weekStart,
  type LocalDay,
} from './local-day.js';
import { labelsFor } from './report-labels.js';
import {
  byCostThenCalls,
  mainCurrencies,
  reportTotalsSchema,
  totalsOf,
  TotalsAccumulator,
} from './report-totals.js';
import { reportPeriodSchema, reportSourceSchema } from './summary-report.js';

/** A trend's interval: a day, an ISO week (Monday to Sunday) or a calendar month. */
export type TrendInterval = 'day' | 'week' | 'month';

/** One interval of a series; the first and last are cut to the period. */
export const trendPointSchema = reportTotalsSchema.extend({
  start: z.string().describe('first day of the interval within the period, YYYY-MM-DD'),
  end: z.string().describe('last day of the interval within the period, YYYY-MM-DD'),
});

/** One series: all calls, or one group (destination class or department), every interval present. */
export const trendSeriesSchema = z.object({
  key: z.union([z.string(), z.number(), z.null()]),
  label: z.string(),
  total: reportTotalsSchema,
  points: z.array(trendPointSchema),
});

/** A trend: one series (ungrouped) or one per group with calls, ordered by cost then calls. */
export const trendReportSchema = z.object({
  interval: z.enum(['day', 'week', 'month']),
  groupBy: z.enum(['destClass', 'department']).nullable(),
  period: reportPeriodSchema,
  source: reportSourceSchema,
  series: z.array(trendSeriesSchema),
});
/** A trend. */
export type TrendReport = z.infer<typeof trendReportSchema>;

/** The intervals that cover a period, each cut to it: [start, end] local days. */
export function trendIntervals(
  fromDay: LocalDay,
  toDay: LocalDay,
  interval: TrendInterval,
): [LocalDay, LocalDay][] {
  const result: [LocalDay, LocalDay][] = [];
  let start = fromDay;
  while (start <= toDay) {
    const next =
      interval === 'day'
        ? addDays(start, 1)
        : interval === 'week'
          ? addDays(weekStart(start), 7)
          : nextMonthStart(start);
    const end = Math.min(addDays(next, -1), toDay);
    result.push([start, end]);
    start = next;
  }
  return result;
}

/** The start of the interval (cut to the period) a day belongs to. */
function intervalOf(day: LocalDay, fromDay: LocalDay, interval: TrendInterval): LocalDay {
  const start = interval === 'day' ? day : interval === 'week' ? weekStart(day) : monthStart(day);
  return Math.max(start, fromDay);
}

/** Calls, talk time and cost per day, week or month, optionally per destination class or department. */
export async function trendReport(
  reports: ReportRepository,
  scope: Scope,
  criteria: ReportCriteria,
  request: { interval: TrendInterval; groupBy?: 'destClass' | 'department' | undefined },
): Promise<TrendReport> {
  const { interval, groupBy } = request;
  const keys: ReportKey[] = groupBy ? ['day', groupBy] : ['day'];
  const { source, groups } = await reports.groups(scope, criteria, keys);
  const series = new Map<string, { key: string | number | null; points: Map<LocalDay, TotalsAccumulator> }>();
  for (const group of groups) {
    const key = groupBy ? (group.key[groupBy] ?? null) : null;
    const id = JSON.stringify(key);
    const entry = series.get(id) ?? { key, points: new Map() };
    const start = intervalOf(Number(group.key.day), criteria.fromDay, interval);
    const point = entry.points.get(start) ?? new TotalsAccumulator();
    point.add(group);
    entry.points.set(start, point);
    series.set(id, entry);
  }
  if (!groupBy && series.size === 0) series.set('null', { key: null, points: new Map() });

  const intervals = trendIntervals(criteria.fromDay, criteria.toDay, interval);
  const label = groupBy
    ? await labelsFor(
        reports,
        groupBy,
        [...series.values()].map((entry) => entry.key),
      )
    : () => 'All calls';
  const result = [...series.values()].map((entry) => {
    const points = intervals.map(([start, end]) => ({
      start: formatLocalDay(start),
      end: formatLocalDay(end),
      ...(entry.points.get(start) ?? new TotalsAccumulator()).totals(),
    }));
    const total = new TotalsAccumulator();
    for (const point of points) total.addTotals(point);
    return { key: entry.key, label: label(entry.key), total: total.totals(), points };
  });
  const order = byCostThenCalls(mainCurrencies(totalsOf(groups)));
  result.sort((a, b) => order(a.total, b.total) || a.label.localeCompare(b.label));
  return {
    interval,
    groupBy: groupBy ?? null,
    period: { from: formatLocalDay(criteria.fromDay), to: formatLocalDay(criteria.toDay) },
    source,
    series: result,
  };
}
