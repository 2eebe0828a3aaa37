import type { QueryValues } from '../../api/api-client';

/** The directions a call list can be narrowed to. */
export const CALL_DIRECTIONS = ['outbound', 'inbound', 'internal'] as const;
/** One of CALL_DIRECTIONS. */
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/** The destination classes the API knows (backend/domain/destination-class.ts). */
export const DESTINATION_CLASSES = [
  'internal',
  'local',
  'national',
  'mobile',
  'international',
  'tollfree',
  'premium',
  'shared_cost',
  'emergency',
  'special',
  'unknown',
] as const;
/** One of DESTINATION_CLASSES. */
export type DestinationClass = (typeof DESTINATION_CLASSES)[number];

/** What the call list can be ordered by (the API's `sort`). */
export const CALL_SORTS = ['startedAt', 'cost', 'duration'] as const;
/** One of CALL_SORTS. */
export type CallSort = (typeof CALL_SORTS)[number];

/** Calls one page of the list shows. */
export const CALL_PAGE_SIZE = 50;

/** The filters of the calls page beyond the period, site and department every report shares. */
export interface CallFilters {
  direction: CallDirection | null;
  destClass: DestinationClass | null;
  /** true: answered only, false: unanswered only, null: both. */
  answered: boolean | null;
  /** An amount such as `0.50`, in whatever currency the call was priced in; '' for none. */
  minCost: string;
  /** Searched in numbers (their visible digits) and user names; '' for none. */
  q: string;
  sort: CallSort;
  order: 'asc' | 'desc';
}

/** The calls page's filters before anything is chosen: every call, newest first. */
export const NO_CALL_FILTERS: CallFilters = {
  direction: null,
  destClass: null,
  answered: null,
  minCost: '',
  q: '',
  sort: 'startedAt',
  order: 'desc',
};

const CALL_PARAMS = ['direction', 'destClass', 'answered', 'minCost', 'q', 'sort', 'order'] as const;

/** An amount as the API writes it: `0,50` (a decimal comma, as Italians write it) is `0.50`. */
export function amountOf(text: string): string {
  return text.trim().replace(',', '.');
}

/** Whether a text is an amount the API takes as `minCost` (at most 6 decimals). */
export function isAmount(text: string): boolean {
  return /^\d{1,12}(\.\d{1,6})?$/.test(amountOf(text));
}

/** The call filters kept in the page's URL; anything unknown there is ignored. */
export function callFiltersFromSearch(params: URLSearchParams): CallFilters {
  const pick = <T extends string>(name: string, values: readonly T[]): T | null => {
    const value = params.get(name);
    return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
  };
  const answered = params.get('answered');
  const minCost = params.get('minCost') ?? '';
  return {
    direction: pick('direction', CALL_DIRECTIONS),
    destClass: pick('destClass', DESTINATION_CLASSES),
    answered: answered === 'true' ? true : answered === 'false' ? false : null,
    minCost: isAmount(minCost) ? amountOf(minCost) : '',
    q: (params.get('q') ?? '').trim().slice(0, 100),
    sort: pick('sort', CALL_SORTS) ?? NO_CALL_FILTERS.sort,
    order: pick('order', ['asc', 'desc'] as const) ?? NO_CALL_FILTERS.order,
  };
}

/** The URL parameters of the call filters, other parameters (the period, the site…) kept. */
export function searchOfCallFilters(filters: CallFilters, keep: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(keep);
  for (const name of CALL_PARAMS) params.delete(name);
  if (filters.direction) params.set('direction', filters.direction);
  if (filters.destClass) params.set('destClass', filters.destClass);
  if (filters.answered !== null) params.set('answered', String(filters.answered));
  if (isAmount(filters.minCost)) params.set('minCost', amountOf(filters.minCost));
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== NO_CALL_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.order !== NO_CALL_FILTERS.order) params.set('order', filters.order);
  return params;
}

/**
 * The query that selects the calls: the report filters (period, site, department) and the
 * calls page's own. The list and both exports are built from it, so they always agree.
 */
export function callSelection(report: QueryValues, filters: CallFilters): QueryValues {
  return {
    ...report,
    direction: filters.direction,
    destClass: filters.destClass,
    answered: filters.answered,
    minCost: isAmount(filters.minCost) ? amountOf(filters.minCost) : null,
    q: filters.q.trim() || null,
  };
}

/** `GET /api/v1/calls`: one page of the selection in the chosen order, after `cursor`. */
export function callListQuery(report: QueryValues, filters: CallFilters, cursor: string | null): QueryValues {
  return {
    ...callSelection(report, filters),
    sort: filters.sort,
    order: filters.order,
    limit: CALL_PAGE_SIZE,
    cursor,
  };
}

/** `GET /api/v1/calls/export`: the same selection as the list, as a file. */
export function callExportQuery(
  report: QueryValues,
  filters: CallFilters,
  format: ExportFormat,
): QueryValues {
  return { ...callSelection(report, filters), format };
}

/** The formats calls are exported in. */
export type ExportFormat = 'csv' | 'xlsx';
