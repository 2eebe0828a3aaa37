import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Micro } from '../domain/money.js';
import type { Scope } from '../domain/role.js';
import { chunks } from './batch-insert.js';
import type { BillingSchema } from './billing-schema.js';
import { rowsPerStatement, type EngineAdapter } from './engine-adapter.js';
import { callConditions, rollupConditions } from './report-conditions.js';
import {
  rollupsCanServe,
  siteRollupsCanServe,
  type ReportCriteria,
  type ReportKey,
} from './report-criteria.js';

/**
 * Where a report's sums come from: the daily rollups summed over departments and users (fastest,
 * for company-wide reports), the per-user daily rollups, or the calls themselves.
 */
export type ReportSource = 'site-rollups' | 'rollups' | 'calls';

type RollupTableName = 'daily_rollups' | 'daily_site_rollups';

/** A group's key values: ids and days as numbers, codes and labels as text, null for "none". */
export type ReportKeyValues = Partial<Record<ReportKey, string | number | null>>;

/**
 * Sums over one group of calls and one currency. A group's calls priced in two currencies come
 * as two rows; `currency` is null for calls priced in none (free and unrated ones: no cost, no
 * charged calls). Read from the rollups, a carrier's unrated calls come with its priced ones,
 * uncharged; summed per key, both sources give the same figures.
 */
export interface ReportGroup {
  key: ReportKeyValues;
  currency: string | null;
  calls: number;
  answered: number;
  talkSec: number;
  billedSec: number;
  cost: Micro;
  /** Calls priced in `currency` (rated calls). */
  chargedCalls: number;
}

/** The things reports name by id. */
export type NamedKind = 'site' | 'department' | 'user' | 'carrier';

const NUMERIC_KEYS: ReadonlySet<ReportKey> = new Set([
  'day',
  'site',
  'department',
  'user',
  'carrier',
  'hour',
  'weekday',
]);

/** Each key as a calls column (or expression); the rollups name the same columns for their keys. */
const CALL_KEY_SQL: Record<ReportKey, () => RawBuilder<unknown>> = {
  day: () => sql.ref('local_day'),
  site: () => sql.ref('site_id'),
  department: () => sql.ref('department_id'),
  user: () => sql.ref('user_id'),
  carrier: () => sql.ref('carrier_id'),
  destClass: () => sql.ref('dest_class'),
  country: () => sql.ref('dest_country'),
  direction: () => sql.ref('direction'),
  hour: () => sql.ref('local_hour'),
  weekday: () => sql.ref('local_weekday'),
  label: () => sql.ref('label'),
  // A call without a rate label is told by its number (masked later, for the viewer).
  number: () => sql`case when ${sql.ref('label')} is null then ${sql.ref('dest_number')} end`,
};

const alias = (key: ReportKey) => `k_${key}`;

/**
 * The report engine's sums: groups of calls by report keys with their counts, talk time and cost
 * per currency, read from the daily rollups whenever they can answer and from calls otherwise.
 */
export class ReportRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /**
   * Sums of the calls of a scope that meet the criteria, grouped by `keys` and currency. With
   * `source` 'auto' the rollups answer when their key columns hold every filter and key and each
   * carrier prices in one currency (the rollups keep cost per carrier, not per currency): the site
   * rollups when the report covers everyone without naming a department or user, else the
   * per-user rollups. Tests pass a source to compare them.
   */
  async groups(
    scope: Scope,
    criteria: ReportCriteria,
    keys: readonly ReportKey[],
    source: ReportSource | 'auto' = 'auto',
  ): Promise<{ source: ReportSource; groups: ReportGroup[] }> {
    if (source !== 'calls' && rollupsCanServe(criteria, keys)) {
      const bySite =
        source === 'site-rollups' || (source === 'auto' && siteRollupsCanServe(scope, criteria, keys));
      if (bySite && !siteRollupsCanServe(scope, criteria, keys))
        throw new Error('the site rollups cannot answer this report');
      const currencies = await this.carrierCurrencies();
      const table = bySite ? 'daily_site_rollups' : 'daily_rollups';
      const groups = currencies && (await this.rollupGroups(table, scope, criteria, keys, currencies));
      if (groups) return { source: bySite ? 'site-rollups' : 'rollups', groups };
    }
    if (source !== 'auto' && source !== 'calls')
      throw new Error('the daily rollups cannot answer this report');
    return { source: 'calls', groups: await this.callGroups(scope, criteria, keys) };
  }

  /** The statement `groups` runs on calls, compiled (to check the SQL an engine gets). */
  compileCallGroups(scope: Scope, criteria: ReportCriteria, keys: readonly ReportKey[]) {
    return this.callGroupsQuery(scope, criteria, keys).compile();
  }

  /** The statement `groups` runs on the rollups, compiled. */
  compileRollupGroups(
    scope: Scope,
    criteria: ReportCriteria,
    keys: readonly ReportKey[],
    table: RollupTableName = 'daily_rollups',
  ) {
    return this.rollupGroupsQuery(table, scope, criteria, keys).compile();
  }

  /** Names of sites, departments, users or carriers by id (ids not found are left out). */
  async names(kind: NamedKind, ids: readonly number[]): Promise<Map<number, string>> {
    const result = new Map<number, string>();
    const perStatement = rowsPerStatement(this.adapter.capabilities, 1);
    for (const batch of chunks([...new Set(ids)], perStatement)) {
      const rows =
        kind === 'user'
          ? await this.db
              .selectFrom('users')
              .select(['id', 'display_name as name'])
              .where('id', 'in', batch)
              .execute()
          : await this.db
              .selectFrom(kind === 'site' ? 'sites' : kind === 'department' ? 'departments' : 'carriers')
              .select(['id', 'name'])
              .where('id', 'in', batch)
              .execute();
      for (const row of rows) result.set(Number(row.id), row.name);
    }
    return result;
  }

  /**
   * The currency each carrier's tariff plans price in, or null when a carrier has plans in more
   * than one: then the rollups cannot split its cost by currency.
   */
  async carrierCurrencies(): Promise<Map<number, string> | null> {
    const rows = await this.db
      .selectFrom('tariff_plans')
      .select(['carrier_id', 'currency'])
      .distinct()
      .execute();
    const result = new Map<number, string>();
    for (const row of rows) {
      const carrierId = Number(row.carrier_id);
      if (result.has(carrierId)) return null;
      result.set(carrierId, row.currency);
    }
    return result;
  }

  private callGroupsQuery(scope: Scope, criteria: ReportCriteria, keys: readonly ReportKey[]) {
    const keyColumns = keys.map((key) => CALL_KEY_SQL[key]());
    return (
      this.db
        .selectFrom('calls')
        .where((eb) => callConditions(eb, scope, criteria))
        .select((eb) => [
          ...keys.map((key) => CALL_KEY_SQL[key]().as(alias(key))),
          'currency',
          eb.fn.countAll<number>().as('calls'),
          eb.fn.sum<number>('answered').as('answered'),
          // SQL Server sums an int column into an int, which millions of calls overflow.
          eb.fn.sum<number>(eb.cast('duration_sec', 'bigint')).as('talk_sec'),
          eb.fn.sum<number>(eb.cast('billed_sec', 'bigint')).as('billed_sec'),
          eb.fn.sum<number>('cost_micro').as('cost'),
        ])
        // Currency first: no index gives that order, so an engine does not read the calls through
        // an index only for its order (SQLite did, taking seconds where a scan takes one).
        .groupBy(['currency', ...keyColumns])
    );
  }

  private async callGroups(scope: Scope, criteria: ReportCriteria, keys: readonly ReportKey[]) {
    const rows = await this.callGroupsQuery(scope, criteria, keys).execute();
    return rows.map((row): ReportGroup => {
      const calls = Number(row.calls);
      return {
        key: keyValues(row, keys),
        currency: row.currency,
        calls,
        answered: Number(row.answered ?? 0),
        talkSec: Number(row.talk_sec ?? 0),
        billedSec: Number(row.billed_sec ?? 0),
        cost: Number(row.cost ?? 0),
        chargedCalls: row.currency === null ? 0 : calls,
      };
    });
  }

  private rollupGroupsQuery(
    table: RollupTableName,
    scope: Scope,
    criteria: ReportCriteria,
    keys: readonly ReportKey[],
  ) {
    const keyColumns = keys.map((key) => CALL_KEY_SQL[key]());
    return this.db
      .selectFrom(table as 'daily_rollups')
      .where((eb) => rollupConditions(eb, scope, criteria))
      .select((eb) => [
        ...keys.map((key) => CALL_KEY_SQL[key]().as(alias(key))),
        'carrier_id',
        eb.fn.sum<number>('calls').as('calls'),
        eb.fn.sum<number>('answered').as('answered'),
        eb.fn.sum<number>('duration_sec').as('talk_sec'),
        eb.fn.sum<number>('billed_sec').as('billed_sec'),
        eb.fn.sum<number>('cost_micro').as('cost'),
        eb.fn.sum<number>('unrated').as('unrated'),
      ])
      .groupBy(['carrier_id', ...keyColumns]);
  }

  /**
   * Rollup sums by key and carrier, turned into sums by key and currency: a carrier's calls are
   * priced in its plans' currency, except its unrated ones (no cost). Free calls have no carrier.
   * Null when a carrier without plans shows a cost, which no currency can be given to.
   */
  private async rollupGroups(
    table: RollupTableName,
    scope: Scope,
    criteria: ReportCriteria,
    keys: readonly ReportKey[],
    currencies: ReadonlyMap<number, string>,
  ): Promise<ReportGroup[] | null> {
    const rows = await this.rollupGroupsQuery(table, scope, criteria, keys).execute();
    const merged = new Map<string, ReportGroup>();
    for (const row of rows) {
      const carrierId = Number(row.carrier_id);
      const calls = Number(row.calls ?? 0);
      const unrated = Number(row.unrated ?? 0);
      const cost = Number(row.cost ?? 0);
      const currency = carrierId === 0 ? null : (currencies.get(carrierId) ?? null);
      if (currency === null && cost !== 0) return null;
      const key = keyValues(row, keys);
      const id = JSON.stringify([keys.map((k) => key[k]), currency]);
      const group = merged.get(id) ?? {
        key,
        currency,
        calls: 0,
        answered: 0,
        talkSec: 0,
        billedSec: 0,
        cost: 0,
        chargedCalls: 0,
      };
      group.calls += calls;
      group.answered += Number(row.answered ?? 0);
      group.talkSec += Number(row.talk_sec ?? 0);
      group.billedSec += Number(row.billed_sec ?? 0);
      group.cost += cost;
      if (currency !== null) group.chargedCalls += calls - unrated;
      merged.set(id, group);
    }
    return [...merged.values()];
  }
}

/** A row's key columns as values; the rollups' 0 and '' (no owner, no country) read as null. */
function keyValues(row: Record<string, unknown>, keys: readonly ReportKey[]): ReportKeyValues {
  const result: ReportKeyValues = {};
  for (const key of keys) {
    const value = row[alias(key)];
    if (value === null || value === undefined || value === '') result[key] = null;
    else if (NUMERIC_KEYS.has(key))
      result[key] = Number(value) === 0 && key !== 'hour' ? null : Number(value);
    else result[key] = String(value);
  }
  return result;
}
