import type { Kysely, Selectable } from 'kysely';
import type { Scope } from '../domain/role.js';
import type { RatedCall, StoredCall } from '../domain/rated-call.js';
import type { BillingSchema, CallTable } from './billing-schema.js';
import type { BulkInserter } from './bulk-inserter.js';
import { encodeCalls, fillRow, type CallBatch } from './call-batch.js';
import { CALL_COLUMNS } from './call-row.js';
import { toCallTotals, type CallTotals } from './call-totals.js';
import type { EngineAdapter } from './engine-adapter.js';
import { limitRows } from './row-limit.js';
import { scopeCondition } from './scope-filter.js';

/** What `insertNew` did with each call: stored, or skipped because `(source, sourceId)` was there. */
export interface InsertOutcome {
  inserted: RatedCall[];
  duplicates: RatedCall[];
}

/** Rated calls. */
export class CallRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly bulk: BulkInserter,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Stores the calls not stored before and reports which were duplicates, so the caller updates
   * rollups for new calls only. `(source, source_id)` is also unique in the schema, as a backstop.
   */
  async insertNew(calls: readonly RatedCall[], spoolFileId: number | null): Promise<InsertOutcome> {
    const minedAt = this.now();
    const stored = await this.insertNewBatch(encodeCalls(calls, spoolFileId, minedAt));
    const outcome: InsertOutcome = { inserted: [], duplicates: [] };
    calls.forEach((call, index) => (stored[index] ? outcome.inserted : outcome.duplicates).push(call));
    return outcome;
  }

  /**
   * insertNew for calls already laid out as a CallBatch (as the mining worker sends them): says
   * for each row whether it was stored (false: its `(source, source_id)` was there already).
   */
  insertNewBatch(batch: CallBatch): Promise<boolean[]> {
    const rows = {
      count: batch.count,
      fill: (row: number, values: unknown[]) => fillRow(batch, row, values),
    };
    return this.bulk.insertNewRows(this.db, 'calls', CALL_COLUMNS, rows, ['source', 'source_id']);
  }

  /** The stored call with this source id, if any. */
  async findBySource(source: string, sourceId: string): Promise<StoredCall | undefined> {
    const row = await this.db
      .selectFrom('calls')
      .selectAll()
      .where('source', '=', source)
      .where('source_id', '=', sourceId)
      .executeTakeFirst();
    return row && toStoredCall(row);
  }

  /** Counts by rating status and the newest call, for the pipeline's status. */
  async pipelineCounts(): Promise<{
    rated: number;
    unrated: number;
    free: number;
    firstStartedAt: number | null;
    lastStartedAt: number | null;
    lastMinedAt: number | null;
  }> {
    const rows = await this.db
      .selectFrom('calls')
      .select((eb) => [
        'rating_status',
        eb.fn.countAll<number>().as('count'),
        eb.fn.min('started_at').as('firstStartedAt'),
        eb.fn.max('started_at').as('lastStartedAt'),
        eb.fn.max('mined_at').as('lastMinedAt'),
      ])
      .groupBy('rating_status')
      .execute();
    const result = {
      rated: 0,
      unrated: 0,
      free: 0,
      firstStartedAt: null as number | null,
      lastStartedAt: null as number | null,
      lastMinedAt: null as number | null,
    };
    for (const row of rows) {
      result[row.rating_status] = Number(row.count);
      const first = Number(row.firstStartedAt);
      if (result.firstStartedAt === null || first < result.firstStartedAt) result.firstStartedAt = first;
      const started = Number(row.lastStartedAt);
      const mined = Number(row.lastMinedAt);
      if (result.lastStartedAt === null || started > result.lastStartedAt) result.lastStartedAt = started;
      if (result.lastMinedAt === null || mined > result.lastMinedAt) result.lastMinedAt = mined;
    }
    return result;
  }

  /** How many of a carrier's calls started in [fromMs, toMs), and on which local days: re-rating hints. */
  async carrierCallsBetween(
    carrierId: number,
    fromMs: number,
    toMs: number,
  ): Promise<{ calls: number; firstDay: number | null; lastDay: number | null }> {
    const row = await this.db
      .selectFrom('calls')
      .where('carrier_id', '=', carrierId)
      .where('started_at', '>=', fromMs)
      .where('started_at', '<', toMs)
      .select((eb) => [
        eb.fn.countAll<number>().as('calls'),
        eb.fn.min('local_day').as('firstDay'),
        eb.fn.max('local_day').as('lastDay'),
      ])
      .executeTakeFirst();
    const day = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return { calls: Number(row?.calls ?? 0), firstDay: day(row?.firstDay), lastDay: day(row?.lastDay) };
  }

  /** Calls, outbound calls and cost per currency between two local days (inclusive): for summaries. */
  async costByCurrency(
    fromDay: number,
    toDay: number,
  ): Promise<{ currency: string | null; calls: number; cost: number }[]> {
    const rows = await this.db
      .selectFrom('calls')
      .where('local_day', '>=', fromDay)
      .where('local_day', '<=', toDay)
      .select((eb) => [
        'currency',
        eb.fn.countAll<number>().as('calls'),
        eb.fn.sum<number>('cost_micro').as('cost'),
      ])
      .groupBy('currency')
      .orderBy('currency')
      .execute();
    return rows.map((row) => ({
      currency: row.currency,
      calls: Number(row.calls),
      cost: Number(row.cost ?? 0),
    }));
  }

  /**
   * The local days between two (inclusive) with calls to re-rate: priced or unrated calls (free
   * ones stay free), with a carrier those of that carrier and the unrated calls of none.
   */
  async daysToRerate(fromDay: number, toDay: number, carrierId?: number): Promise<number[]> {
    const rows = await this.toRerate(carrierId)
      .select('local_day')
      .distinct()
      .where('local_day', '>=', fromDay)
      .where('local_day', '<=', toDay)
      .orderBy('local_day')
      .execute();
    return rows.map((row) => Number(row.local_day));
  }

  /** The calls of one local day to re-rate (as `daysToRerate` chooses them), in id order. */
  async listDayToRerate(day: number, carrierId?: number): Promise<StoredCall[]> {
    const rows = await this.toRerate(carrierId)
      .selectAll()
      .where('local_day', '=', day)
      .orderBy('id')
      .execute();
    return rows.map(toStoredCall);
  }

  private toRerate(carrierId: number | undefined) {
    const query = this.db.selectFrom('calls').where('rating_status', '<>', 'free');
    if (carrierId === undefined) return query;
    return query.where((eb) =>
      eb.or([
        eb('carrier_id', '=', carrierId),
        eb.and([eb('carrier_id', 'is', null), eb('rating_status', '=', 'unrated')]),
      ]),
    );
  }

  /** Writes a call's rating (carrier, plan, rate, cost, status) after re-rating it. */
  async updateRating(call: StoredCall): Promise<void> {
    await this.db
      .updateTable('calls')
      .set({
        carrier_id: call.carrierId,
        plan_id: call.planId,
        rate_id: call.rateId,
        label: call.label,
        cost_micro: call.cost,
        currency: call.currency,
        billed_sec: call.billedSec,
        rating_status: call.ratingStatus,
        rating_reason: call.ratingReason,
      })
      .where('id', '=', call.id)
      .execute();
  }

  /** Calls of a scope between two local days (inclusive), oldest first, a page at a time. */
  async list(
    scope: Scope,
    fromDay: number,
    toDay: number,
    page: { offset: number; limit: number },
  ): Promise<StoredCall[]> {
    return (await this.listQuery(scope, fromDay, toDay, page).execute()).map(toStoredCall);
  }

  /** The statement `list` runs, compiled (to check the SQL an engine gets). */
  compileList(scope: Scope, fromDay: number, toDay: number, page: { offset: number; limit: number }) {
    return this.listQuery(scope, fromDay, toDay, page).compile();
  }

  private listQuery(scope: Scope, fromDay: number, toDay: number, page: { offset: number; limit: number }) {
    const query = this.db
      .selectFrom('calls')
      .selectAll()
      .where((eb) => scopeCondition(eb, scope))
      .where('local_day', '>=', fromDay)
      .where('local_day', '<=', toDay)
      .orderBy('started_at')
      .orderBy('id');
    return limitRows(query, this.adapter.capabilities, page.limit, page.offset);
  }

  /**
   * Whether any stored call points at this site, user, department, carrier or tariff plan: what
   * may not be deleted. Stops at the first such call.
   */
  async anyReferring(
    column: 'site_id' | 'user_id' | 'department_id' | 'carrier_id' | 'plan_id',
    id: number,
  ): Promise<boolean> {
    const query = this.db.selectFrom('calls').select('id').where(column, '=', id);
    return (await limitRows(query, this.adapter.capabilities, 1).executeTakeFirst()) !== undefined;
  }

  /** Sums over the calls of a scope between two local days (inclusive). */
  async totals(scope: Scope, fromDay: number, toDay: number): Promise<CallTotals> {
    const row = await this.db
      .selectFrom('calls')
      .where((eb) => scopeCondition(eb, scope))
      .where('local_day', '>=', fromDay)
      .where('local_day', '<=', toDay)
      .select((eb) => [
        eb.fn.countAll<number>().as('calls'),
        eb.fn.sum<number>('answered').as('answered'),
        eb.fn.sum<number>('duration_sec').as('durationSec'),
        eb.fn.sum<number>('billed_sec').as('billedSec'),
        eb.fn.sum<number>('cost_micro').as('cost'),
        eb.fn
          .sum<number>(eb.case().when('rating_status', '=', 'unrated').then(1).else(0).end())
          .as('unrated'),
      ])
      .executeTakeFirst();
    return toCallTotals(row);
  }
}

const nullableNumber = (value: number | null) => (value === null ? null : Number(value));

function toStoredCall(row: Selectable<CallTable>): StoredCall {
  return {
    id: Number(row.id),
    source: row.source,
    sourceId: row.source_id,
    startedAt: Number(row.started_at),
    answeredAt: nullableNumber(row.answered_at),
    endedAt: Number(row.ended_at),
    durationSec: Number(row.duration_sec),
    ringSec: Number(row.ring_sec),
    direction: row.direction,
    answered: Number(row.answered) === 1,
    responseCode: nullableNumber(row.response_code),
    caller: { uri: row.caller_uri, number: row.caller_number },
    callee: { uri: row.callee_uri, number: row.callee_number },
    trunk: row.trunk,
    sourceSite: row.source_site,
    callerNormalized: row.caller_normalized,
    calleeNormalized: row.callee_normalized,
    userId: nullableNumber(row.user_id),
    departmentId: nullableNumber(row.department_id),
    siteId: nullableNumber(row.site_id),
    carrierId: nullableNumber(row.carrier_id),
    planId: nullableNumber(row.plan_id),
    rateId: nullableNumber(row.rate_id),
    destNumber: row.dest_number,
    destClass: row.dest_class as StoredCall['destClass'],
    destCountry: row.dest_country,
    label: row.label,
    cost: Number(row.cost_micro),
    currency: row.currency,
    billedSec: Number(row.billed_sec),
    ratingStatus: row.rating_status,
    ratingReason: row.rating_reason,
    localDay: Number(row.local_day),
    localHour: Number(row.local_hour),
    localWeekday: Number(row.local_weekday),
    spoolFileId: nullableNumber(row.spool_file_id),
    minedAt: Number(row.mined_at),
  };
}
