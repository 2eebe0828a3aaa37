import type { PriceInterval, TariffPlan } from './tariff-plan.js';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since midnight of an "HH:MM" band edge. */
export function minutesOf(time: string): number {
  if (!TIME.test(time)) throw new RangeError(`not a time of day (HH:MM): "${time}"`);
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * The problems that would make a plan rate calls wrongly, each naming where it is.
 * Importers refuse a plan with any; the engine assumes a plan without.
 */
export function planProblems(plan: TariffPlan): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]{3}$/.test(plan.currency)) problems.push(`currency "${plan.currency}" is not an ISO 4217 code`);
  if (!Number.isInteger(plan.rounding.decimals) || plan.rounding.decimals < 0 || plan.rounding.decimals > 6) {
    problems.push(`rounding decimals must be 0 to 6, not ${plan.rounding.decimals}`);
  }
  const bandNames = new Set<string>();
  for (const band of plan.timeBands) {
    if (bandNames.has(band.name)) problems.push(`time band "${band.name}" is defined twice`);
    bandNames.add(band.name);
    for (const edge of [band.from, band.to]) {
      if (!TIME.test(edge)) problems.push(`time band "${band.name}": "${edge}" is not HH:MM`);
    }
    if (band.weekdays.length === 0) problems.push(`time band "${band.name}" has no weekdays`);
  }
  const seen = new Set<string>();
  plan.rates.forEach((rate, index) => {
    const where = `rate ${index + 1} (${rate.label || rate.prefix || rate.destClass})`;
    if (rate.prefix !== null && !/^\d{1,15}$/.test(rate.prefix)) {
      problems.push(`${where}: prefix "${rate.prefix}" must be 1 to 15 digits (E.164 without +)`);
    }
    if ((rate.prefix === null) === (rate.destClass === null)) {
      problems.push(`${where}: give either a prefix or a destination class`);
    }
    const key = rate.prefix !== null ? `p:${rate.prefix}` : `c:${rate.destClass}:${rate.country ?? '*'}`;
    if (seen.has(key)) problems.push(`${where}: another rate already matches ${key.slice(2)}`);
    seen.add(key);
    for (const [name, amount] of [
      ['connect fee', rate.connectFee],
      ['minimum charge', rate.minCharge],
      ['unanswered charge', rate.unansweredCharge],
      ['maximum cost', rate.maxCost ?? 0],
    ] as const) {
      if (!Number.isSafeInteger(amount) || amount < 0)
        problems.push(`${where}: ${name} must not be negative`);
    }
    if (rate.maxCost !== null && rate.maxCost < rate.minCharge) {
      problems.push(`${where}: maximum cost is below the minimum charge`);
    }
    problems.push(...intervalProblems(rate.intervals).map((p) => `${where}: ${p}`));
    for (const [band, intervals] of Object.entries(rate.bandIntervals)) {
      if (!bandNames.has(band)) problems.push(`${where}: prices for unknown time band "${band}"`);
      problems.push(...intervalProblems(intervals).map((p) => `${where}, band ${band}: ${p}`));
    }
  });
  return problems;
}

function intervalProblems(intervals: readonly PriceInterval[]): string[] {
  if (intervals.length === 0) return ['no price intervals'];
  const problems: string[] = [];
  if (intervals[0]?.fromSec !== 0) problems.push('the first interval must start at second 0');
  intervals.forEach((interval, i) => {
    if (!Number.isInteger(interval.incrementSec) || interval.incrementSec < 1) {
      problems.push(`interval ${i + 1}: increment must be a whole number of seconds >= 1`);
    }
    if (!Number.isSafeInteger(interval.pricePerMinute) || interval.pricePerMinute < 0) {
      problems.push(`interval ${i + 1}: price must not be negative`);
    }
    const next = intervals[i + 1];
    if (next) {
      const span = next.fromSec - interval.fromSec;
      if (span <= 0) problems.push(`interval ${i + 2}: must start after interval ${i + 1}`);
      else if (span % interval.incrementSec !== 0) {
        problems.push(
          `interval ${i + 1}: its length ${span}s is not a multiple of its ${interval.incrementSec}s increment`,
        );
      }
    }
  });
  return problems;
}
