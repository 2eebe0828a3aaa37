import type { Kysely, Selectable } from 'kysely';
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
   * Stores a carrier's plan, replacing the plan of that carrier with the same activation time
   * (and its rates). Returns the plan id. Run it in a transaction so a failure leaves the old plan.
   */
  async save(carrierId: number, plan: TariffPlan): Promise<number> {
    const previous = await this.db
      .selectFrom('tariff_plans')
      .select('id')
      .where('carrier_id', '=', carrierId)
      .where('active_from', '=', plan.activeFrom)
      .executeTakeFirst();
    if (previous) {
      await this.db.deleteFrom('rates').where('plan_id', '=', previous.id).execute();
      await this.db.deleteFrom('tariff_plans').where('id', '=', previous.id).execute();
    }
    const planId = await insertReturningId(
      this.adapter.capabilities,
      this.db.insertInto('tariff_plans').values({
        carrier_id: carrierId,
        name: plan.name,
        currency: plan.currency,
        active_from: plan.activeFrom,
        rounding_decimals: plan.rounding.decimals,
        rounding_method: plan.rounding.method,
        time_bands: JSON.stringify(plan.timeBands),
        imported_at: this.now(),
      }),
    );
    await this.bulk.insert(
      this.db,
      'rates',
      plan.rates.map((rate) => ({
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
      })),
    );
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
