import type { Insertable, Kysely } from 'kysely';
import type { Scope } from '../domain/role.js';
import type { RatedCall } from '../domain/rated-call.js';
import type { BillingSchema, DailyRollupTable } from './billing-schema.js';
import { toCallTotals, type CallTotals } from './call-totals.js';
import { chunks } from './batch-insert.js';
import type { BulkInserter } from './bulk-inserter.js';
import { rowsPerStatement, type EngineAdapter } from './engine-adapter.js';
import { scopeCondition } from './scope-filter.js';

/** One rollup row's worth of change: the key and the amounts to add (negative to take away). */
export type RollupDelta = Insertable<DailyRollupTable> & DailyRollupTable;

/** The columns that key a rollup row. */
export const ROLLUP_KEY = [
  'local_day',
  'site_id',
  'department_id',
  'user_id',
  'carrier_id',
  'dest_class',
  'dest_country',
  'direction',
] as const;
/** The columns that key a site rollup row: a rollup's without department and user. */
export const SITE_ROLLUP_KEY = [
  'local_day',
  'site_id',
  'carrier_id',
  'dest_class',
  'dest_country',
  'direction',
] as const;

/** The columns a rollup row sums. */
export const ROLLUP_SUMS = [
  'calls',
  'answered',
  'duration_sec',
  'billed_sec',
  'cost_micro',
  'unrated',
] as const;

/**
 * Folds calls into rollup deltas, one per key, with `sign` +1 to add them or -1 to take them away
 * (re-rating takes the old figures away and adds the new ones).
 */
export function rollupDeltas(calls: readonly RatedCall[], sign: 1 | -1 = 1): RollupDelta[] {
  const deltas = new RollupAccumulator();
  for (const call of calls) deltas.add(call, sign);
  return deltas.values();
}

/** The fields of a call its rollup row depends on. */
export type RollupFields = Pick<
  RatedCall,
  | 'answered'
  | 'durationSec'
  | 'direction'
  | 'userId'
  | 'departmentId'
  | 'siteId'
  | 'carrierId'
  | 'destClass'
  | 'destCountry'
  | 'cost'
  | 'billedSec'
  | 'ratingStatus'
  | 'localDay'
>;

/**
 * Rollup deltas held by key while calls are added. Mining adds every call of a file, so the
 * lookup avoids building a key string per call: deltas are found by user and day (integers),
 * then among the few that user has that day.
 */
export class RollupAccumulator {
  private readonly byUserDay = new Map<number, Map<number, RollupDelta[]>>();
  private count = 0;

  /** Adds one call (or takes it away, with `sign` -1). */
  add(call: RollupFields, sign: 1 | -1): void {
    const userId = call.userId ?? 0;
    let days = this.byUserDay.get(userId);
    if (days === undefined) {
      days = new Map();
      this.byUserDay.set(userId, days);
    }
    let deltas = days.get(call.localDay);
    if (deltas === undefined) {
      deltas = [];
      days.set(call.localDay, deltas);
    }
    const siteId = call.siteId ?? 0;
    const departmentId = call.departmentId ?? 0;
    const carrierId = call.carrierId ?? 0;
    const country = call.destCountry ?? '';
    let delta: RollupDelta | undefined;
    for (const candidate of deltas) {
      if (
        candidate.dest_class === call.destClass &&
        candidate.dest_country === country &&
        candidate.carrier_id === carrierId &&
        candidate.direction === call.direction &&
        candidate.site_id === siteId &&
        candidate.department_id === departmentId
      ) {
        delta = candidate;
        break;
      }
    }
    if (delta === undefined) {
      delta = {
        local_day: call.localDay,
        site_id: siteId,
        department_id: departmentId,
        user_id: userId,
        carrier_id: carrierId,
        dest_class: call.destClass,
        dest_country: country,
        direction: call.direction,
        calls: 0,
        answered: 0,
        duration_sec: 0,
        billed_sec: 0,
        cost_micro: 0,
        unrated: 0,
      };
      deltas.push(delta);
      this.count++;
    }
    delta.calls += sign;
    if (call.answered) delta.answered += sign;
    delta.duration_sec += sign * call.durationSec;
    delta.billed_sec += sign * call.billedSec;
    delta.cost_micro += sign * call.cost;
    if (call.ratingStatus === 'unrated') delta.unrated += sign;
  }

  /** How many keys are held. */
  get size(): number {
    return this.count;
  }

  /** Every held delta. */
  values(): RollupDelta[] {
    const result: RollupDelta[] = [];
    for (const days of this.byUserDay.values()) for (const deltas of days.values()) result.push(...deltas);
    return result;
  }

  /** Forgets every held delta. */
  clear(): void {
    this.byUserDay.clear();
    this.count = 0;
  }
}

/**
 * Adds up deltas with the same key, so each statement touches a row once (PostgreSQL's ON CONFLICT
 * and SQL Server's MERGE both refuse to change a row twice in one statement).
 */
export function mergeDeltas(deltas: readonly RollupDelta[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const delta of deltas) {
    const id = ROLLUP_KEY.map((column) => delta[column]).join('|');
    const sum = byKey.get(id);
    if (!sum) {
      byKey.set(id, { ...delta });
      continue;
    }
    for (const column of ROLLUP_SUMS) sum[column] += delta[column];
  }
  return [...byKey.values()];
}

/** Rollup deltas summed over departments and users, by site key; those that add up to nothing left out. */
function siteDeltas(deltas: readonly RollupDelta[]): Record<string, number | string>[] {
  const bySite = new Map<string, Record<string, number | string>>();
  for (const delta of deltas) {
    const id = SITE_ROLLUP_KEY.map((column) => delta[column]).join('|');
    let sum = bySite.get(id);
    if (!sum) {
      sum = Object.fromEntries([
        ...SITE_ROLLUP_KEY.map((column) => [column, delta[column]]),
        ...ROLLUP_SUMS.map((column) => [column, 0]),
      ]) as Record<string, number | string>;
      bySite.set(id, sum);
    }
    for (const column of ROLLUP_SUMS) (sum[column] as number) += delta[column];
  }
  return [...bySite.values()].filter((sum) => ROLLUP_SUMS.some((column) => sum[column] !== 0));
}

/** The daily rollups the dashboards read instead of scanning calls. */
export class RollupRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly bulk: BulkInserter,
  ) {}

  /**
   * Adds the deltas to their rows, and the same summed over departments and users to the site
   * rollups, creating rows that do not exist yet and removing the rows left with no calls: the
   * rollups always hold exactly what grouping the calls would give (a duplicate taken away, or a
   * re-rated call moved to another carrier, leaves no empty row behind).
   */
  async apply(deltas: readonly RollupDelta[]): Promise<void> {
    const changes = mergeDeltas(deltas).filter((delta) => ROLLUP_SUMS.some((column) => delta[column] !== 0));
    if (changes.length === 0) return;
    await this.write('daily_rollups', ROLLUP_KEY, changes);
    await this.write('daily_site_rollups', SITE_ROLLUP_KEY, siteDeltas(changes));
  }

  private async write(
    table: 'daily_rollups' | 'daily_site_rollups',
    key: readonly (keyof RollupDelta & string)[],
    changes: readonly object[],
  ): Promise<void> {
    if (changes.length === 0) return;
    await this.bulk.addSums(this.db, table, key, ROLLUP_SUMS, changes as never);
    const emptied = (changes as readonly Record<string, number | string>[]).filter(
      (delta) => (delta.calls as number) < 0,
    );
    // A few hundred keys a statement: SQLite limits how deep an expression (a chain of ORs) goes.
    const perStatement = Math.min(200, rowsPerStatement(this.adapter.capabilities, key.length));
    for (const batch of chunks(emptied, perStatement)) {
      await this.db
        .deleteFrom(table)
        .where('calls', '=', 0)
        .where((eb) =>
          eb.or(
            batch.map((delta) =>
              eb.and(key.map((column) => eb(column as 'local_day', '=', delta[column] as number))),
            ),
          ),
        )
        .execute();
    }
  }

  /** Sums over the rollups of a scope between two local days (inclusive). */
  async totals(scope: Scope, fromDay: number, toDay: number): Promise<CallTotals> {
    const row = await this.db
      .selectFrom('daily_rollups')
      .where((eb) => scopeCondition(eb, scope))
      .where('local_day', '>=', fromDay)
      .where('local_day', '<=', toDay)
      .select((eb) => [
        eb.fn.sum<number>('calls').as('calls'),
        eb.fn.sum<number>('answered').as('answered'),
        eb.fn.sum<number>('duration_sec').as('durationSec'),
        eb.fn.sum<number>('billed_sec').as('billedSec'),
        eb.fn.sum<number>('cost_micro').as('cost'),
        eb.fn.sum<number>('unrated').as('unrated'),
      ])
      .executeTakeFirst();
    return toCallTotals(row);
  }
}
