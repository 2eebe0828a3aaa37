import { compileBands, type BandSchedule } from './time-bands.js';
import type { Rate, TariffPlan } from './tariff-plan.js';

/** A tariff plan indexed for rating many calls: built once per plan, then only read. */
export interface CompiledTariff {
  plan: TariffPlan;
  byPrefix: Map<string, Rate>;
  /** Distinct prefix lengths, longest first. */
  prefixLengths: number[];
  /** Keys `class|country` and `class|*`. */
  byClass: Map<string, Rate>;
  bands: BandSchedule;
}

/** Indexes a plan's rates by prefix and by destination class, and compiles its time bands. */
export function compileTariff(plan: TariffPlan): CompiledTariff {
  const byPrefix = new Map<string, Rate>();
  const byClass = new Map<string, Rate>();
  for (const rate of plan.rates) {
    if (rate.prefix !== null) byPrefix.set(rate.prefix, rate);
    else if (rate.destClass !== null) byClass.set(classKey(rate.destClass, rate.country), rate);
  }
  const prefixLengths = [...new Set([...byPrefix.keys()].map((prefix) => prefix.length))].sort(
    (a, b) => b - a,
  );
  return { plan, byPrefix, prefixLengths, byClass, bands: compileBands(plan.timeBands) };
}

/** The key under which a class rate is indexed; a null country matches any. */
export function classKey(destClass: string, country: string | null): string {
  return `${destClass}|${country ?? '*'}`;
}

/** The plan in force at `atMs`: the one with the latest activation at or before it. */
export function tariffInForce(tariffs: readonly CompiledTariff[], atMs: number): CompiledTariff | null {
  let best: CompiledTariff | null = null;
  for (const tariff of tariffs) {
    if (tariff.plan.activeFrom <= atMs && (best === null || tariff.plan.activeFrom > best.plan.activeFrom)) {
      best = tariff;
    }
  }
  return best;
}
