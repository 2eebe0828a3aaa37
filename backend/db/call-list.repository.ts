import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../domain/role.js';
import type { BillingSchema, CallTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { callConditions } from './report-conditions.js';
import type { ReportCriteria } from './report-criteria.js';
import { limitRows } from './row-limit.js';

/** The columns calls can be listed in order of; `id` breaks ties. */
export type CallSortColumn = 'started_at' | 'cost_micro' | 'duration_sec';

/** One page of a call list: where it starts (after the last row of the page before) and its size. */
export interface CallPageRequest {
  scope: Scope;
  criteria: ReportCriteria;
  sort: CallSortColumn;
  descending: boolean;
  /** The sort value and id of the last row already read, or null for the first page. */
  after: { value: number; id: number } | null;
  limit: number;
}

/** A listed call: the columns a list or an export shows. */
export type ListedCall = Pick<
  Selectable<CallTable>,
  | 'id'
  | 'started_at'
  | 'direction'
  | 'answered'
  | 'duration_sec'
  | 'billed_sec'
  | 'caller_number'
  | 'callee_number'
  | 'caller_normalized'
  | 'callee_normalized'
  | 'dest_number'
  | 'dest_class'
  | 'dest_country'
  | 'label'
  | 'cost_micro'
  | 'currency'
  | 'rating_status'
  | 'user_id'
  | 'department_id'
  | 'site_id'
  | 'carrier_id'
  | 'local_day'
>;

const LISTED_COLUMNS = [
  'id',
  'started_at',
  'direction',
  'answered',
  'duration_sec',
  'billed_sec',
  'caller_number',
  'callee_number',
  'caller_normalized',
  'callee_normalized',
  'dest_number',
  'dest_class',
  'dest_country',
  'label',
  'cost_micro',
  'currency',
  'rating_status',
  'user_id',
  'department_id',
  'site_id',
  'carrier_id',
  'local_day',
] as const satisfies readonly (keyof ListedCall)[];

/**
 * Calls one page at a time in a stable order (the sort column, then id) by keyset: a page starts
 * where the last one ended, so a deep page costs what the first one does.
 */
export class CallListRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /** The page's calls, at most `limit`. */
  async page(request: CallPageRequest): Promise<ListedCall[]> {
    const rows = await this.pageQuery(request).execute();
    return rows.map((row): ListedCall => ({
      ...row,
      id: Number(row.id),
      started_at: Number(row.started_at),
      answered: Number(row.answered),
      duration_sec: Number(row.duration_sec),
      billed_sec: Number(row.billed_sec),
      cost_micro: Number(row.cost_micro),
      user_id: nullable(row.user_id),
      department_id: nullable(row.department_id),
      site_id: nullable(row.site_id),
      carrier_id: nullable(row.carrier_id),
      local_day: Number(row.local_day),
    }));
  }

  /** The statement `page` runs, compiled (to check the SQL an engine gets). */
  compilePage(request: CallPageRequest) {
    return this.pageQuery(request).compile();
  }

  private pageQuery(request: CallPageRequest) {
    const departments = departmentsOf(request.scope, request.criteria);
    if (
      request.sort !== 'started_at' ||
      departments === null ||
      departments.length < 2 ||
      departments.length > MERGED_DEPARTMENTS_MAX
    )
      return this.singleQuery(request);
    // Several departments newest first: each department's page walks its own index range in
    // order and the pages are merged, instead of sorting the departments' whole period (an
    // engine cannot read one index in order across the values of an IN list).
    const direction = request.descending ? 'desc' : 'asc';
    const [first, ...rest] = departments.map((departmentId) =>
      this.db
        .selectFrom(
          this.singleQuery({
            ...request,
            criteria: { ...request.criteria, departmentIds: [departmentId] },
          }).as('department_page'),
        )
        .selectAll(),
    );
    const pages = rest.reduce((union, page) => union.unionAll(page), first!);
    return limitRows(
      this.db
        .selectFrom(pages.as('pages'))
        .selectAll()
        .orderBy('started_at', direction)
        .orderBy('id', direction),
      this.adapter.capabilities,
      request.limit,
    );
  }

  private singleQuery(request: CallPageRequest) {
    const { sort, descending, after, criteria } = request;
    const direction = descending ? 'desc' : 'asc';
    let query = this.db
      .selectFrom('calls')
      .select(LISTED_COLUMNS)
      .where((eb) => callConditions(eb, request.scope, criteria));
    if (after !== null) {
      // (sort, id) after the last row, spelled out (SQL Server has no row values); the first
      // condition alone bounds the index range, the second settles ties.
      query = query
        .where(sort, descending ? '<=' : '>=', after.value)
        .where((eb) =>
          eb.or([eb(sort, descending ? '<' : '>', after.value), eb('id', descending ? '<' : '>', after.id)]),
        );
    }
    return limitRows(
      query.orderBy(sort, direction).orderBy('id', direction),
      this.adapter.capabilities,
      request.limit,
    );
  }
}

/**
 * The most departments whose pages are read one by one and merged; more (a large share of all calls,
 * as a rule) are read in one statement.
 */
const MERGED_DEPARTMENTS_MAX = 20;

/** The departments a list keeps to (its scope's and its filter's together), or null for no such limit. */
function departmentsOf(scope: Scope, criteria: ReportCriteria): number[] | null {
  const scoped = scope.kind === 'departments' ? scope.departmentIds : null;
  const filtered = criteria.departmentIds ?? null;
  if (scoped !== null && filtered !== null) return filtered.filter((id) => scoped.includes(id));
  const only = filtered ?? scoped;
  return only === null ? null : [...new Set(only)];
}

const nullable = (value: number | null) => (value === null ? null : Number(value));
