import { z } from 'zod';
import { DESTINATION_CLASSES } from '../domain/destination-class.js';
import { LedgerlineError } from '../domain/errors.js';
import { parseMoney } from '../domain/money.js';
import { daysInRange, parseLocalDay, type LocalDay } from './local-day.js';

/** The longest period a report or list may cover, in days: two years, a leap day included. */
export const MAX_PERIOD_DAYS = 731;

const localDay = z
  .string()
  .refine((text) => parseLocalDay(text) !== null, { message: 'must be a date written YYYY-MM-DD' });

const id = z.coerce.number().int().positive().max(2_147_483_647);

/** true/false as JSON, or as the text of a query string. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]);

const amount = z.union([z.number(), z.string()]).transform((value, ctx) => {
  try {
    return parseMoney(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an amount such as 0.50 (at most 6 decimals)' });
    return z.NEVER;
  }
});

/** The filters every report, list and export takes. */
const filterShape = {
  from: localDay.describe('first local day of the period, YYYY-MM-DD'),
  to: localDay.describe('last local day of the period (inclusive), YYYY-MM-DD'),
  site: id.optional().describe('site id'),
  department: id.optional().describe('department id; its sub-departments are included'),
  user: id.optional().describe('user id'),
  carrier: id.optional().describe('carrier id'),
  destClass: z.enum(DESTINATION_CLASSES).optional().describe('destination class'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((code) => code.toUpperCase())
    .optional()
    .describe('destination country, ISO 3166 alpha-2'),
  direction: z.enum(['outbound', 'inbound', 'internal']).optional(),
  answered: flag.optional().describe('only answered (true) or unanswered (false) calls'),
  minCost: amount.optional().describe('calls costing at least this amount (any currency), e.g. 0.50'),
  q: z.string().trim().min(1).max(100).optional().describe('search in numbers and user names'),
};

/**
 * Why a period is not acceptable (to before from, or longer than MAX_PERIOD_DAYS), or null.
 * Shared by the schemas (a 400 naming the field) and the services (for callers without them).
 */
export function periodProblem(from: string, to: string): string | null {
  const [first, last] = [parseLocalDay(from), parseLocalDay(to)];
  if (first === null) return `from: "${from}" is not a date written YYYY-MM-DD`;
  if (last === null) return `to: "${to}" is not a date written YYYY-MM-DD`;
  if (last < first) return `to (${to}) is before from (${from})`;
  if (daysInRange(first, last) > MAX_PERIOD_DAYS)
    return `the period ${from}..${to} is longer than ${MAX_PERIOD_DAYS} days (two years)`;
  return null;
}

/** The period of a query as local days, or an invalid-input error saying what is wrong. */
export function periodOf(query: { from: string; to: string }): { fromDay: LocalDay; toDay: LocalDay } {
  const problem = periodProblem(query.from, query.to);
  if (problem !== null) throw new LedgerlineError('invalid-input', problem, [problem]);
  return { fromDay: parseLocalDay(query.from) as LocalDay, toDay: parseLocalDay(query.to) as LocalDay };
}

function checkPeriod(query: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (parseLocalDay(query.from) === null || parseLocalDay(query.to) === null) return;
  const problem = periodProblem(query.from, query.to);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, path: ['to'] });
}

/** Filters shared by all reports: a period (required) and optional narrowing. */
export const reportFiltersSchema = z.object(filterShape).superRefine(checkPeriod);
/** Filters as validated. */
export type ReportFilters = z.output<typeof reportFiltersSchema>;

/** The summary: totals of the period and of the period of equal length before it. */
export const summaryQuerySchema = reportFiltersSchema;
/** A summary query as validated. */
export type SummaryQuery = z.output<typeof summaryQuerySchema>;

/** What a breakdown groups calls by. */
export const BREAKDOWN_DIMENSIONS = [
  'department',
  'user',
  'site',
  'carrier',
  'destClass',
  'country',
  'destination',
  'hourOfDay',
  'weekday',
] as const;
/** One of BREAKDOWN_DIMENSIONS. */
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

/** A breakdown: totals per department, user, site … with the largest `limit` rows. */
export const breakdownQuerySchema = z
  .object({
    ...filterShape,
    dimension: z.enum(BREAKDOWN_DIMENSIONS),
    limit: z.coerce.number().int().min(1).max(1000).default(10).describe('rows before "other"'),
  })
  .superRefine(checkPeriod);
/** A breakdown query as validated. */
export type BreakdownQuery = z.output<typeof breakdownQuerySchema>;

/** A trend: one point per day, ISO week (from Monday) or month, optionally one series per group. */
export const trendQuerySchema = z
  .object({
    ...filterShape,
    interval: z.enum(['day', 'week', 'month']).default('day'),
    groupBy: z.enum(['destClass', 'department']).optional(),
  })
  .superRefine(checkPeriod);
/** A trend query as validated. */
export type TrendQuery = z.output<typeof trendQuerySchema>;

/** What calls can be listed in order of. */
export const CALL_SORTS = ['startedAt', 'cost', 'duration'] as const;
/** One of CALL_SORTS. */
export type CallSort = (typeof CALL_SORTS)[number];

/** The most calls one page holds. */
export const MAX_PAGE_SIZE = 500;

/** A page of the call list, after `cursor` (the previous page's `nextCursor`). */
export const callListQuerySchema = z
  .object({
    ...filterShape,
    sort: z.enum(CALL_SORTS).default('startedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    cursor: z.string().max(512).optional().describe("the previous page's nextCursor"),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  })
  .superRefine(checkPeriod);
/** A call list query as validated. */
export type CallListQuery = z.output<typeof callListQuerySchema>;

/** An export of the calls the filters select, oldest first, with a totals row. */
export const callExportQuerySchema = z
  .object({ ...filterShape, format: z.enum(['csv', 'xlsx']) })
  .superRefine(checkPeriod);
/** An export query as validated. */
export type CallExportQuery = z.output<typeof callExportQuerySchema>;
