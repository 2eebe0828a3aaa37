import type { Direction } from '../domain/call-record.js';
import type { Micro } from '../domain/money.js';
import type { Scope } from '../domain/role.js';

/**
 * What a report reads, as the report services resolved it from a query: local days (YYYYMMDD,
 * inclusive), owners (a department already expanded to its sub-departments) and the filters only
 * calls can answer. The principal's Scope is passed beside it and applied as well.
 */
export interface ReportCriteria {
  fromDay: number;
  toDay: number;
  siteId?: number;
  departmentIds?: readonly number[];
  userId?: number;
  carrierId?: number;
  destClass?: string;
  country?: string;
  direction?: Direction;
  /** Only answered (true) or only unanswered (false) calls. */
  answered?: boolean;
  /** Calls that cost at least this much, whatever their currency. */
  minCost?: Micro;
  search?: CallSearch;
}

/**
 * A search in numbers and user names. Numbers shown masked to the viewer are matched only by their
 * visible part (`hiddenDigits` trailing digits are not searchable), except on the calls of
 * `ownUserId`, so a search cannot reveal what masking hides.
 */
export interface CallSearch {
  /** Matched case-insensitively anywhere in the user's display name. */
  text: string;
  /** Digits (and a leading +) matched anywhere in the numbers, or null to search names only. */
  digits: string | null;
  hiddenDigits: number;
  ownUserId: number | null;
}

/** What reports group calls by; `label` and `number` make up a call's destination. */
export type ReportKey =
  | 'day'
  | 'site'
  | 'department'
  | 'user'
  | 'carrier'
  | 'destClass'
  | 'country'
  | 'direction'
  | 'hour'
  | 'weekday'
  | 'label'
  | 'number';

/** The keys the daily rollups have as columns. */
export const ROLLUP_REPORT_KEYS: ReadonlySet<ReportKey> = new Set<ReportKey>([
  'day',
  'site',
  'department',
  'user',
  'carrier',
  'destClass',
  'country',
  'direction',
]);

/** True when the daily rollups hold everything a grouping over these criteria needs. */
export function rollupsCanServe(criteria: ReportCriteria, keys: readonly ReportKey[]): boolean {
  return (
    criteria.answered === undefined &&
    criteria.minCost === undefined &&
    criteria.search === undefined &&
    keys.every((key) => ROLLUP_REPORT_KEYS.has(key))
  );
}

/**
 * True when the site rollups (the daily rollups summed over departments and users) hold what a
 * grouping needs: a report over everyone's calls that names no department or user.
 */
export function siteRollupsCanServe(
  scope: Scope,
  criteria: ReportCriteria,
  keys: readonly ReportKey[],
): boolean {
  return (
    scope.kind === 'all' &&
    criteria.departmentIds === undefined &&
    criteria.userId === undefined &&
    rollupsCanServe(criteria, keys) &&
    !keys.includes('department') &&
    !keys.includes('user')
  );
}
