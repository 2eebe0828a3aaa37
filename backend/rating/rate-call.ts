import type { DestinationClass } from '../domain/destination-class.js';
import type { Micro } from '../domain/money.js';
import type { ZoneClock } from '../domain/zone-clock.js';
import { classKey, tariffInForce, type CompiledTariff } from './compiled-tariff.js';
import { roundSixtieths } from './rounding.js';
import type { Rate } from './tariff-plan.js';
import { bandTimeline } from './time-bands.js';
import { usageCharge } from './usage-charge.js';

/** What the engine needs to know of a call; the miner derives it from a CallRecord. */
export interface RatingCall {
  /** Epoch ms; chooses the plan in force. */
  startedAt: number;
  /** Epoch ms of answer; talk time and time bands count from here. */
  answeredAt: number | null;
  answered: boolean;
  /** Talk time in seconds. */
  durationSec: number;
  /** The billed party in E.164 ("+39…"), or null when there is none (extension, unknown). */
  number: string | null;
  destClass: DestinationClass;
  /** ISO 3166-1 alpha-2 of the destination, when known. */
  country: string | null;
}

/** A band's part of a rated call, in whole micro-units (rounded half-up, for display). */
export interface RatedBand {
  band: string | null;
  billedSec: number;
  amount: Micro;
}

/** A call priced by a rate of a plan. */
export interface RatedResult {
  status: 'rated';
  cost: Micro;
  currency: string;
  billedSec: number;
  planId: number | null;
  planName: string;
  rateId: number | null;
  rateLabel: string;
  matchedBy: 'prefix' | 'class';
  bands: RatedBand[];
}

/** A call no rate could price, with why. It is stored with cost 0, never dropped. */
export interface UnratedResult {
  status: 'unrated';
  reason: 'no-plan' | 'no-rate';
  detail: string;
}

/** The outcome of rating one call. */
export type RatingResult = RatedResult | UnratedResult;

/**
 * Prices one call with a carrier's tariff plans (any order; the one in force at the call's start
 * is used, also when re-rating later). Pure: no clock, no I/O; `clock` is the site's time zone.
 */
export function rateCall(
  call: RatingCall,
  tariffs: readonly CompiledTariff[],
  clock: ZoneClock,
): RatingResult {
  const tariff = tariffInForce(tariffs, call.startedAt);
  if (!tariff) {
    return {
      status: 'unrated',
      reason: 'no-plan',
      detail: `no tariff plan in force on ${new Date(call.startedAt).toISOString()}`,
    };
  }
  const found = findRate(tariff, call);
  if (!found) {
    return {
      status: 'unrated',
      reason: 'no-rate',
      detail: `plan "${tariff.plan.name}" has no rate for ${call.number ?? call.destClass}${call.country ? ` (${call.country})` : ''}`,
    };
  }
  const { rate, matchedBy } = found;
  let cost = rate.unansweredCharge;
  let billedSec = 0;
  let bands: RatedBand[] = [];
  if (call.answered && call.answeredAt !== null) {
    const start = call.answeredAt;
    const timeline = bandTimeline(tariff.bands, clock, start, start + call.durationSec * 1000);
    const usage = usageCharge(rate, start, call.durationSec, timeline);
    cost = roundSixtieths(rate.connectFee * 60 + usage.sixtieths, tariff.plan.rounding);
    cost = Math.max(cost, rate.minCharge);
    if (rate.maxCost !== null) cost = Math.min(cost, rate.maxCost);
    billedSec = usage.billedSec;
    bands = usage.bands.map((part) => ({
      band: part.band,
      billedSec: part.billedSec,
      amount: roundSixtieths(part.sixtieths, EXACT),
    }));
  }
  return {
    status: 'rated',
    cost,
    currency: tariff.plan.currency,
    billedSec,
    planId: tariff.plan.id ?? null,
    planName: tariff.plan.name,
    rateId: rate.id ?? null,
    rateLabel: rate.label,
    matchedBy,
    bands,
  };
}

const EXACT = { decimals: 6, method: 'half-up' } as const;

/** Longest prefix first, then destination class with the country, then the class for any country. */
function findRate(
  tariff: CompiledTariff,
  call: RatingCall,
): { rate: Rate; matchedBy: 'prefix' | 'class' } | null {
  if (call.number !== null && tariff.prefixLengths.length > 0) {
    const digits = call.number.startsWith('+') ? call.number.slice(1) : call.number;
    for (const length of tariff.prefixLengths) {
      if (length > digits.length) continue;
      const rate = tariff.byPrefix.get(digits.slice(0, length));
      if (rate) return { rate, matchedBy: 'prefix' };
    }
  }
  const rate =
    (call.country !== null ? tariff.byClass.get(classKey(call.destClass, call.country)) : undefined) ??
    tariff.byClass.get(classKey(call.destClass, null));
  return rate ? { rate, matchedBy: 'class' } : null;
}
