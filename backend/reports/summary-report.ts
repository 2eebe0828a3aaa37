import { z } from 'zod';
import type { ReportCriteria } from '../db/report-criteria.js';
import type { ReportRepository } from '../db/report.repository.js';
import type { Scope } from '../domain/role.js';
import { addDays, daysInRange, formatLocalDay } from './local-day.js';
import { reportTotalsSchema, totalsOf } from './report-totals.js';

/** A report's period as the query gave it: local days, both included. */
export const reportPeriodSchema = z.object({
  from: z.string().describe('YYYY-MM-DD'),
  to: z.string().describe('YYYY-MM-DD, inclusive'),
});

/**
 * Where the figures were read: the daily rollups summed by site (company-wide reports), the
 * per-user daily rollups, or the calls (for filters and keys the rollups lack).
 */
export const reportSourceSchema = z.enum(['site-rollups', 'rollups', 'calls']);

/** The summary: the period's totals and those of the period of equal length just before it. */
export const summaryReportSchema = z.object({
  period: reportPeriodSchema,
  source: reportSourceSchema,
  totals: reportTotalsSchema,
  previous: z.object({ period: reportPeriodSchema, totals: reportTotalsSchema }),
});
/** The summary. */
export type SummaryReport = z.infer<typeof summaryReportSchema>;

/** The period of equal length ending the day before `fromDay` (Nov 1–30 → Oct 2–31). */
export function previousPeriod(fromDay: number, toDay: number): { fromDay: number; toDay: number } {
  const length = daysInRange(fromDay, toDay);
  return { fromDay: addDays(fromDay, -length), toDay: addDays(fromDay, -1) };
}

/** Totals of calls, answered calls, talk time and cost per currency, now and in the period before. */
export async function summaryReport(
  reports: ReportRepository,
  scope: Scope,
  criteria: ReportCriteria,
): Promise<SummaryReport> {
  const before = { ...criteria, ...previousPeriod(criteria.fromDay, criteria.toDay) };
  const [current, previous] = await Promise.all([
    reports.groups(scope, criteria, []),
    reports.groups(scope, before, []),
  ]);
  return {
    period: { from: formatLocalDay(criteria.fromDay), to: formatLocalDay(criteria.toDay) },
    source: current.source,
    totals: totalsOf(current.groups),
    previous: {
      period: { from: formatLocalDay(before.fromDay), to: formatLocalDay(before.toDay) },
      totals: totalsOf(previous.groups),
    },
  };
}
