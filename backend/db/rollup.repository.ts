import { sql, type Insertable, type Kysely } from 'kysely';
import type { Scope } from '../domain/role.js';
import type { RatedCall } from '../domain/rated-call.js';
import { chunks } from './batch-insert.js';
import type { BillingSchema, DailyRollupTable } from './billing-schema.js';
import { toCallTotals, type CallTotals } from './call-totals.js';
import { rowsPerStatement, type EngineAdapter } from './engine-adapter.js';
import { scopeCondition } from './scope-filter.js';

/** One rollup row's worth of change: the key and the amounts to add (negative to take away). */
export type RollupDelta = Insertable<DailyRollupTable> & DailyRollupTable;

const KEY = [
  'local_day',
  'site_id',
  'department_id',
  'user_id',
  'carrier_id',
  'dest_class',
  'dest_country',
  'direction',
] as const;
const SUMS = ['calls', 'answered', 'duration_sec', 'billed_sec', 'cost_micro', 'unrated'] as const;
const COLUMNS = [...KEY, ...SUMS];

/**
 * Folds calls into rollup deltas, one per key, with `sign` +1 to add them or -1 to take them away
 * (re-rating takes the old figures away and adds the new ones).
 */
export function rollupDeltas(calls: readonly RatedCall[], sign: 1 | -1 = 1): RollupDelta[] {
  return mergeDeltas(calls.map((call) => callDelta(call, sign)));
}

/**
 * Adds up deltas with the same key, so each statement touches a row once (PostgreSQL's ON CONFLICT
 * and SQL Server's MERGE both refuse to change a row twice in one statement).
 */
export function mergeDeltas(deltas: readonly RollupDelta[]): RollupDelta[] {
  const byKey = new Map<string, RollupDelta>();
  for (const delta of deltas) {
    const id = KEY.map((column) => delta[column]).join('\u0000');
    const sum = byKey.get(id);
    if (!sum) {
      byKey.set(id, { ...delta });
      continue;
    }
    for (const column of SUMS) sum[column] += delta[column];
  }
  return [...byKey.values()];
}

function callDelta(call: RatedCall, sign: 1 | -1): RollupDelta {
  return {
    local_day: call.localDay,
    site_id: call.siteId ?? 0,
    department_id: call.departmentId ?? 0,
    user_id: call.userId ?? 0,
    carrier_id: call.carrierId ?? 0,
    dest_class: call.destClass,
    dest_country: call.destCountry ?? '',
    direction: call.direction,
    calls: sign,
    answered: call.answered ? sign : 0,
    duration_sec: sign * call.durationSec,
    billed_sec: sign * call.billedSec,
    cost_micro: sign * call.cost,
    unrated: call.ratingStatus === 'unrated' ? sign : 0,
  };
}

/** The daily rollups the dashboards read instead of scanning calls. */
export class RollupRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /** Adds the deltas to their rows, creating rows that do not exist yet. */
  async apply(deltas: readonly RollupDelta[]): Promise<void> {
    const size = rowsPerStatement(this.adapter.capabilities, COLUMNS.length);
    for (const batch of chunks(mergeDeltas(deltas), size)) {
      if (this.adapter.capabilities.upsert === 'merge') await this.merge(batch);
      else await this.insertOnConflict(batch);
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

  /** Compiles the statement `apply` runs for one batch (for checking the SQL an engine gets). */
  compileApply(batch: readonly RollupDelta[]) {
    return this.adapter.capabilities.upsert === 'merge'
      ? this.mergeStatement(batch).compile(this.db)
      : this.insertOnConflictQuery(batch).compile();
  }

  private async insertOnConflict(batch: readonly RollupDelta[]): Promise<void> {
    await this.insertOnConflictQuery(batch).execute();
  }

  private insertOnConflictQuery(batch: readonly RollupDelta[]) {
    return this.db
      .insertInto('daily_rollups')
      .values([...batch])
      .onConflict((conflict) =>
        conflict.columns([...KEY]).doUpdateSet((eb) => ({
          calls: eb('daily_rollups.calls', '+', eb.ref('excluded.calls')),
          answered: eb('daily_rollups.answered', '+', eb.ref('excluded.answered')),
          duration_sec: eb('daily_rollups.duration_sec', '+', eb.ref('excluded.duration_sec')),
          billed_sec: eb('daily_rollups.billed_sec', '+', eb.ref('excluded.billed_sec')),
          cost_micro: eb('daily_rollups.cost_micro', '+', eb.ref('excluded.cost_micro')),
          unrated: eb('daily_rollups.unrated', '+', eb.ref('excluded.unrated')),
        })),
      );
  }

  private async merge(batch: readonly RollupDelta[]): Promise<void> {
    await this.mergeStatement(batch).execute(this.db);
  }

  /** SQL Server has no ON CONFLICT: MERGE from a VALUES list, holding the key range meanwhile. */
  private mergeStatement(batch: readonly RollupDelta[]) {
    const values = sql.join(batch.map((delta) => sql`(${sql.join(COLUMNS.map((column) => delta[column]))})`));
    const columns = sql.join(COLUMNS.map((column) => sql.ref(column)));
    const on = sql.join(
      KEY.map((column) => sql`t.${sql.ref(column)} = s.${sql.ref(column)}`),
      sql` and `,
    );
    const set = sql.join(
      SUMS.map((column) => sql`${sql.ref(column)} = t.${sql.ref(column)} + s.${sql.ref(column)}`),
    );
    const inserted = sql.join(COLUMNS.map((column) => sql`s.${sql.ref(column)}`));
    return sql`merge into daily_rollups with (holdlock) as t
using (values ${values}) as s (${columns})
on ${on}
when matched then update set ${set}
when not matched then insert (${columns}) values (${inserted});`;
  }
}
