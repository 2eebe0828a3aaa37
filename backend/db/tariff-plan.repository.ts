import type { Insertable, Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { DESTINATION_CLASSES } from '../domain/destination-class.js';
import type { Rate, TariffPlan, TimeBand } from '../rating/tariff-plan.js';
import type { BillingSchema, RateTable, TariffPlanTable } from './billing-schema.js';
import type { BulkInserter } from './bulk-inserter.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

const interval = z.object({ fromSec: z.number(), incrementSec: z.number(), pricePerMinute: z.number() });
const intervals = z.array(interval);
const bandIntervals = z.record(z.string(), intervals);
const timeBands = z.array(
  z.object({
    name: z.string(),
    weekdays: z.array(z.number().int().min(1).max(7)),
    from: z.string(),
    to: z.string(),
  }),
);
const destClass = z.enum(DESTINATION_CLASSES).nullable();

/** A plan's headline, for lists. */
export interface TariffPlanSummary {
  id: number;
  carrierId: number;
  name: string;
  currency: string;
  activeFrom: number;
  rates: number;
}

/** Tariff plans and their rates. */
export class TariffPlanRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly bulk: BulkInserter,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Stores a carrier's plan. A plan of that carrier with the same activation time is updated in
   * place: it keeps its id, and its rates are matched by prefix (or class and country), so a rate
   * that is still there keeps its id too and calls priced with it keep pointing at it. Returns the
   * plan id. Run it in a transaction so a failure leaves the old plan.
   */
  async save(carrierId: number, plan: TariffPlan): Promise<number> {
    const header = {
      carrier_id: carrierId,
      name: plan.name,
      currency: plan.currency,
      active_from: plan.activeFrom,
      rounding_decimals: plan.rounding.decimals,
      rounding_method: plan.rounding.method,
      time_bands: JSON.stringify(plan.timeBands),
      imported_at: this.now(),
    };
    const previous = await this.db
      .selectFrom('tariff_plans')
      .select('id')
      .where('carrier_id', '=', carrierId)
      .where('active_from', '=', plan.activeFrom)
      .executeTakeFirst();
    const planId = previous
      ? Number(previous.id)
      : await insertReturningId(this.adapter.capabilities, this.db.insertInto('tariff_plans').values(header));
    if (previous) await this.db.updateTable('tariff_plans').set(header).where('id', '=', planId).execute();

    const stored = previous
      ? await this.db.selectFrom('rates').selectAll().where('plan_id', '=', planId).execute()
      : [];
    const byMatch = new Map(stored.map((row) => [matchKey(row.prefix, row.dest_class, row.country), row]));
    const fresh: Insertable<RateTable>[] = [];
    for (const rate of plan.rates) {
      const row = rateRow(planId, rate);
      const key = matchKey(rate.prefix, rate.destClass, rate.country);
      const old = byMatch.get(key);
      byMatch.delete(key);
      if (!old) fresh.push(row);
      else if (!sameRate(old, row))
        await this.db.updateTable('rates').set(row).where('id', '=', old.id).execute();
    }
    await this.bulk.insert(this.db, 'rates', fresh);
    const gone = [...byMatch.values()].map((row) => row.id);
    for (let start = 0; start < gone.length; start += 1_000) {
      await this.db
        .deleteFrom('rates')
        .where('id', 'in', gone.slice(start, start + 1_000))
        .execute();
    }
    return planId;
  }

  /** Every plan of a carrier with its rates, oldest first: what the rating engine needs. */
  async plansOf(carrierId: number): Promise<TariffPlan[]> {
    const plans = await this.db
      .selectFrom('tariff_plans')
      .selectAll()
      .where('carrier_id', '=', carrierId)
      .orderBy('active_from')
      .execute();
    return Promise.all(plans.map((plan) => this.withRates(plan)));
  }

  /** The carrier's plan in force at `atMs`, if any. */
  async inForce(carrierId: number, atMs: number): Promise<TariffPlan | undefined> {
    const plan = await this.db
      .selectFrom('tariff_plans')
      .selectAll()
      .where('carrier_id', '=', carrierId)
      .where('active_from', '<=', atMs)
      .orderBy('active_from', 'desc')
      .executeTakeFirst();
    return plan && this.withRates(plan);
  }

  /** All plans with their rate counts, by carrier and activation. */
  async list(): Promise<TariffPlanSummary[]> {
    const rows = await this.db
      .selectFrom('tariff_plans')
      .leftJoin('rates', 'rates.plan_id', 'tariff_plans.id')
      .select((eb) => [
        'tariff_plans.id',
        'tariff_plans.carrier_id',
        'tariff_plans.name',
        'tariff_plans.currency',
        'tariff_plans.active_from',
        eb.fn.count<number>('rates.id').as('rates'),
      ])
      .groupBy([
        'tariff_plans.id',
        'tariff_plans.carrier_id',
        'tariff_plans.name',
        'tariff_plans.currency',
        'tariff_plans.active_from',
      ])
      .orderBy('tariff_plans.carrier_id')
      .orderBy('tariff_plans.active_from')
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      carrierId: Number(row.carrier_id),
      name: row.name,
      currency: row.currency,
      activeFrom: Number(row.active_from),
      rates: Number(row.rates),
    }));
  }

  /** The plan with this id and its rates, if any. */
  async get(id: number): Promise<TariffPlan | undefined> {
    const plan = await this.db.selectFrom('tariff_plans').selectAll().where('id', '=', id).executeTakeFirst();
    return plan && this.withRates(plan);
  }

  /**
   * Changes the prices and label of one rate of a plan in place: it keeps its id and what it
   * matches, so calls priced with it keep pointing at it. False if the plan has no such rate.
   */
  async updateRate(planId: number, rateId: number, rate: Rate): Promise<boolean> {
    const {
      plan_id: _plan,
      prefix: _prefix,
      dest_class: _class,
      country: _country,
      ...prices
    } = rateRow(planId, rate);
    const result = await this.db
      .updateTable('rates')
      .set(prices)
      .where('id', '=', rateId)
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Removes the plan with this id and its rates (run it in a transaction). */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('rates').where('plan_id', '=', id).execute();
    await this.db.deleteFrom('tariff_plans').where('id', '=', id).execute();
  }

  private async withRates(plan: Selectable<TariffPlanTable>): Promise<TariffPlan> {
    const rates = await this.db
      .selectFrom('rates')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .orderBy('id')
      .execute();
    return {
      id: Number(plan.id),
      carrierId: Number(plan.carrier_id),
      name: plan.name,
      currency: plan.currency,
      activeFrom: Number(plan.active_from),
      timeBands: timeBands.parse(JSON.parse(plan.time_bands)) as TimeBand[],
      rounding: { decimals: Number(plan.rounding_decimals), method: plan.rounding_method },
      rates: rates.map(toRate),
    };
  }
}

/** How a rate is recognized across imports of the same plan. */
function matchKey(prefix: string | null, destClass: string | null, country: string | null): string {
  return prefix !== null ? `p:${prefix}` : `c:${destClass}:${country ?? '*'}`;
}

function rateRow(planId: number, rate: Rate): Insertable<RateTable> {
  return {
    plan_id: planId,
    prefix: rate.prefix,
    dest_class: rate.destClass,
    country: rate.country,
    label: rate.label,
    connect_fee_micro: rate.connectFee,
    intervals: JSON.stringify(rate.intervals),
    band_intervals: JSON.stringify(rate.bandIntervals),
    min_charge_micro: rate.minCharge,
    max_cost_micro: rate.maxCost,
    unanswered_charge_micro: rate.unansweredCharge,
  };
}

function sameRate(stored: Selectable<RateTable>, row: Insertable<RateTable>): boolean {
  return (
    stored.label === row.label &&
    Number(stored.connect_fee_micro) === row.connect_fee_micro &&
    stored.intervals === row.intervals &&
    stored.band_intervals === row.band_intervals &&
    Number(stored.min_charge_micro) === row.min_charge_micro &&
    (stored.max_cost_micro === null ? null : Number(stored.max_cost_micro)) === row.max_cost_micro &&
    Number(stored.unanswered_charge_micro) === row.unanswered_charge_micro
  );
}

function toRate(row: Selectable<RateTable>): Rate {
  return {
    id: Number(row.id),
    prefix: row.prefix,
    destClass: destClass.parse(row.dest_class),
    country: row.country,
    label: row.label,
    connectFee: Number(row.connect_fee_micro),
    intervals: intervals.parse(JSON.parse(row.intervals)),
    bandIntervals: bandIntervals.parse(JSON.parse(row.band_intervals)),
    minCharge: Number(row.min_charge_micro),
    maxCost: row.max_cost_micro === null ? null : Number(row.max_cost_micro),
    unansweredCharge: Number(row.unanswered_charge_micro),
  };
}
