import type {
  BreakdownReport,
  BreakdownRow,
  FilterOptions,
  ReportTotals,
  SummaryReport,
  TrendReport,
} from '../../api/api-types';

// Answers of the report API for the dashboard's tests, shaped as backend/reports returns them.

/** Totals with the given figures, zero elsewhere. */
export function totals(over: Partial<ReportTotals> = {}): ReportTotals {
  return { calls: 0, answered: 0, talkSec: 0, minutes: 0, billedSec: 0, cost: [], ...over };
}

const euros = (micro: number, chargedCalls: number) => ({
  currency: 'EUR',
  micro,
  chargedCalls,
  averageMicro: Math.round(micro / chargedCalls),
});
const pounds = (micro: number, chargedCalls: number) => ({
  currency: 'GBP',
  micro,
  chargedCalls,
  averageMicro: Math.round(micro / chargedCalls),
});

/** November against October: euros up 25%, pounds new, calls up, answered the same. */
export const SUMMARY: SummaryReport = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  source: 'site-rollups',
  totals: totals({
    calls: 1234,
    answered: 987,
    talkSec: 223_590,
    minutes: 3726.5,
    billedSec: 230_000,
    cost: [euros(456_780_000, 600), pounds(12_340_000, 40)],
  }),
  previous: {
    period: { from: '2026-10-02', to: '2026-10-31' },
    totals: totals({ calls: 1000, answered: 987, minutes: 4000, cost: [euros(365_424_000, 600)] }),
  },
};

const row = (key: BreakdownRow['key'], label: string, over: Partial<ReportTotals>): BreakdownRow => ({
  key,
  label,
  ...totals(over),
});

/** Cost by department: two departments, the calls of no department, and an other row. */
export const BY_DEPARTMENT: BreakdownReport = {
  dimension: 'department',
  period: SUMMARY.period,
  source: 'site-rollups',
  rows: [
    row(2, 'Sales', { calls: 700, answered: 600, minutes: 2000, cost: [euros(300_000_000, 400)] }),
    row(3, 'Support', {
      calls: 400,
      answered: 300,
      minutes: 1500,
      cost: [euros(150_000_000, 190), pounds(12_340_000, 40)],
    }),
    row(null, 'No department', { calls: 30, answered: 20, minutes: 26.5, cost: [euros(1_000_000, 5)] }),
  ],
  other: { ...totals({ calls: 104, answered: 67, minutes: 200, cost: [euros(5_780_000, 5)] }), rows: 3 },
  total: SUMMARY.totals,
};

/** Cost by destination class. */
export const BY_DEST_CLASS: BreakdownReport = {
  ...BY_DEPARTMENT,
  dimension: 'destClass',
  rows: [
    row('international', 'international', {
      calls: 200,
      answered: 180,
      minutes: 900,
      cost: [euros(400_000_000, 200)],
    }),
    row('mobile', 'mobile', {
      calls: 1034,
      answered: 807,
      minutes: 2826.5,
      cost: [euros(56_780_000, 400), pounds(12_340_000, 40)],
    }),
  ],
  other: null,
};

/** Top users. */
export const BY_USER: BreakdownReport = {
  ...BY_DEPARTMENT,
  dimension: 'user',
  rows: [row(11, 'Giulia Bianchi', { calls: 90, answered: 80, minutes: 400, cost: [euros(90_000_000, 80)] })],
  other: null,
};

/** Top destinations. */
export const BY_DESTINATION: BreakdownReport = {
  ...BY_DEPARTMENT,
  dimension: 'destination',
  rows: [
    row('Germany mobile', 'Germany mobile', {
      calls: 50,
      answered: 45,
      minutes: 300,
      cost: [euros(70_000_000, 45)],
    }),
  ],
  other: null,
};

/** Calls per hour: every hour, calls at 09:00 and 14:00 only. */
export const BY_HOUR: BreakdownReport = {
  ...BY_DEPARTMENT,
  dimension: 'hourOfDay',
  rows: Array.from({ length: 24 }, (_, hour) =>
    row(hour, `${String(hour).padStart(2, '0')}:00`, {
      calls: hour === 9 ? 1000 : hour === 14 ? 234 : 0,
      answered: hour === 9 ? 800 : hour === 14 ? 187 : 0,
    }),
  ),
  other: null,
};

/** The cost per day of the first three days. */
export const TREND: TrendReport = {
  interval: 'day',
  groupBy: null,
  period: { from: '2026-11-01', to: '2026-11-03' },
  source: 'site-rollups',
  series: [
    {
      key: null,
      label: 'All calls',
      total: totals({
        calls: 30,
        answered: 20,
        minutes: 60,
        cost: [euros(9_000_000, 20), pounds(1_000_000, 2)],
      }),
      points: [
        { start: '2026-11-01', end: '2026-11-01', ...totals({ calls: 10, cost: [euros(2_000_000, 5)] }) },
        { start: '2026-11-02', end: '2026-11-02', ...totals({ calls: 0 }) },
        {
          start: '2026-11-03',
          end: '2026-11-03',
          ...totals({ calls: 20, cost: [euros(7_000_000, 15), pounds(1_000_000, 2)] }),
        },
      ],
    },
  ],
};

/** Two sites, a department with one below it. */
export const FILTERS: FilterOptions = {
  sites: [
    { id: 1, code: 'MIL', name: 'Milano', currency: 'EUR' },
    { id: 2, code: 'LON', name: 'London', currency: 'GBP' },
  ],
  departments: [
    { id: 2, code: 'SALES', name: 'Sales', parentId: null },
    { id: 4, code: 'EXPORT', name: 'Export sales', parentId: 2 },
    { id: 3, code: 'SUPPORT', name: 'Support', parentId: null },
  ],
};

/** The fake API of a full dashboard: each breakdown answered by its dimension. */
export function dashboardRoutes(over: Record<string, unknown> = {}): Record<string, unknown> {
  const breakdowns: Record<string, BreakdownReport> = {
    department: BY_DEPARTMENT,
    destClass: BY_DEST_CLASS,
    user: BY_USER,
    destination: BY_DESTINATION,
    hourOfDay: BY_HOUR,
  };
  return {
    '/api/v1/reports/summary': SUMMARY,
    '/api/v1/reports/trend': TREND,
    '/api/v1/reports/filters': FILTERS,
    '/api/v1/reports/breakdown': (url: URL) => breakdowns[url.searchParams.get('dimension') ?? ''],
    ...over,
  };
}
