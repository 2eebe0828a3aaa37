import type { Principal } from '../domain/principal.js';
import type { BreakdownReport, BreakdownRow } from './breakdown-report.js';
import type { CallListRow } from './call-list.js';
import { daysInRange, parseLocalDay, type LocalDay } from './local-day.js';
import type { BreakdownDimension, ReportFilters } from './report-query.js';
import type { ReportTotals } from './report-totals.js';
import type { ReportRepositories, ReportService } from './report.service.js';
import type { TrendInterval, TrendReport } from './trend-report.js';

/** The reports a document (PDF, HTML, Excel, CSV) or a scheduled report can be made of. */
export const DOCUMENT_REPORTS = [
  'summary',
  'departments',
  'users',
  'destinations',
  'sites',
  'carriers',
  'trend',
  'calls',
] as const;
/** One of DOCUMENT_REPORTS. */
export type DocumentReportName = (typeof DOCUMENT_REPORTS)[number];

/** What each report is called, and which breakdown it shows (the summary shows departments). */
export const DOCUMENT_REPORT_INFO: Record<
  DocumentReportName,
  { title: string; dimension: BreakdownDimension | null; description: string }
> = {
  summary: {
    title: 'Call cost summary',
    dimension: 'department',
    description: 'totals, the period before, cost by department and the trend',
  },
  departments: {
    title: 'Cost by department',
    dimension: 'department',
    description: 'departments ranked by cost',
  },
  users: { title: 'Cost by user', dimension: 'user', description: 'users ranked by cost' },
  destinations: {
    title: 'Top destinations',
    dimension: 'destination',
    description: 'destinations ranked by cost',
  },
  sites: { title: 'Cost by site', dimension: 'site', description: 'sites ranked by cost' },
  carriers: { title: 'Cost by carrier', dimension: 'carrier', description: 'carriers ranked by cost' },
  trend: { title: 'Cost trend', dimension: null, description: 'calls and cost per day, week or month' },
  calls: { title: 'Calls', dimension: null, description: 'the calls themselves, oldest first' },
};

/** Rows a breakdown document lists before "Other". */
export const DOCUMENT_BREAKDOWN_ROWS = 20;
/** The most calls a call list document holds (the rest are counted in the totals, not listed). */
export const DOCUMENT_MAX_CALLS = 5_000;

/** A report's period as days and in words ("last month", "2026-03-01 to 2026-03-31"). */
export interface DocumentPeriod {
  from: string;
  to: string;
  label: string;
}

/** Everything a report document shows, read once with one principal's rights; formats only lay it out. */
export interface ReportContent {
  report: DocumentReportName;
  title: string;
  period: DocumentPeriod;
  /** Whose calls the figures cover, in words: "the whole company", "Sales, Sales North", "Anna Rossi". */
  scopeLabel: string;
  generatedAt: number;
  totals: ReportTotals;
  previous: { from: string; to: string; totals: ReportTotals } | null;
  breakdown: {
    dimension: BreakdownDimension;
    rows: BreakdownRow[];
    other: BreakdownReport['other'];
  } | null;
  trend: { interval: TrendInterval; points: TrendReport['series'][number]['points'] } | null;
  calls: { rows: CallListRow[]; truncated: boolean } | null;
}

/** What a report document is made with. */
export interface ReportContentRequest {
  report: DocumentReportName;
  /** The period and filters, validated by reportFiltersSchema. */
  filters: ReportFilters;
  periodLabel: string;
  now: number;
}

/**
 * Reads a report's figures through the report engine with `principal`'s rights (its scope in SQL,
 * filters beyond it refused, numbers masked), so a document never holds more than they may see.
 */
export async function reportContent(
  service: ReportService,
  repos: ReportRepositories,
  principal: Principal,
  request: ReportContentRequest,
): Promise<ReportContent> {
  const { report, filters } = request;
  const info = DOCUMENT_REPORT_INFO[report];
  const summary = await service.summary(principal, filters);
  const breakdown = info.dimension
    ? await service.breakdown(principal, {
        ...filters,
        dimension: info.dimension,
        limit: DOCUMENT_BREAKDOWN_ROWS,
      })
    : null;
  const trend =
    report === 'calls'
      ? null
      : await service.trend(principal, { ...filters, interval: trendIntervalFor(filters.from, filters.to) });
  return {
    report,
    title: info.title,
    period: { from: filters.from, to: filters.to, label: request.periodLabel },
    scopeLabel: await scopeLabel(repos, principal),
    generatedAt: request.now,
    totals: summary.totals,
    previous: report === 'summary' ? { ...summary.previous.period, totals: summary.previous.totals } : null,
    breakdown: breakdown
      ? { dimension: breakdown.dimension, rows: breakdown.rows, other: breakdown.other }
      : null,
    trend: trend ? { interval: trend.interval, points: trend.series[0]?.points ?? [] } : null,
    calls: report === 'calls' ? await callsOf(service, principal, filters) : null,
  };
}

/** Days for a month or less, ISO weeks up to a quarter, months beyond. */
export function trendIntervalFor(from: string, to: string): TrendInterval {
  const days = daysInRange(parseLocalDay(from) as LocalDay, parseLocalDay(to) as LocalDay);
  return days <= 31 ? 'day' : days <= 92 ? 'week' : 'month';
}

/** "the whole company", the departments' names, or the person's own name. */
export async function scopeLabel(repos: ReportRepositories, principal: Principal): Promise<string> {
  const scope = principal.scope;
  switch (scope.kind) {
    case 'all':
      return 'the whole company';
    case 'none':
      return 'no calls (not in the directory)';
    case 'user': {
      const names = await repos.reports.names('user', [scope.userId]);
      return `the calls of ${names.get(scope.userId) ?? `user ${scope.userId}`}`;
    }
    case 'departments': {
      const names = await repos.reports.names('department', scope.departmentIds);
      const listed = scope.departmentIds.map((id) => names.get(id) ?? `department ${id}`);
      return `the departments ${listed.join(', ')}`;
    }
  }
}

async function callsOf(
  service: ReportService,
  principal: Principal,
  filters: ReportFilters,
): Promise<{ rows: CallListRow[]; truncated: boolean }> {
  const rows: CallListRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await service.calls(principal, {
      ...filters,
      sort: 'startedAt',
      order: 'asc',
      limit: 500,
      ...(cursor === undefined ? {} : { cursor }),
    });
    rows.push(...page.calls);
    if (page.nextCursor === null) return { rows, truncated: false };
    if (rows.length >= DOCUMENT_MAX_CALLS)
      return { rows: rows.slice(0, DOCUMENT_MAX_CALLS), truncated: true };
    cursor = page.nextCursor;
  }
}
