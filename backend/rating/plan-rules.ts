import type { PriceInterval, Rate, TariffPlan } from './tariff-plan.js';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since midnight of an "HH:MM" band edge. */
export function minutesOf(time: string): number {
  if (!TIME.test(time)) throw new RangeError(`not a time of day (HH:MM): "${time}"`);
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** A problem of a plan: about the plan as a whole, or about the rate at index `rate`. */
export interface PlanProblem {
  rate?: number;
  message: string;
}

/**
 * The problems that would make a plan rate calls wrongly, each naming where it is.
 * Importers refuse a plan with any; the engine assumes a plan without.
 */
export function planProblems(plan: TariffPlan): string[] {
  return locatedPlanProblems(plan).map(({ rate, message }) => {
    if (rate === undefined) return message;
    const { label, prefix, destClass } = plan.rates[rate] as Rate;
    return `rate ${rate + 1} (${label || prefix || destClass})${message.startsWith(',') ? '' : ': '}${message}`;
  });
}

/** planProblems with each rate's problems tied to the rate's index, for importers that know its line. */
export function locatedPlanProblems(plan: TariffPlan): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const add = (message: string) => problems.push({ message });
  if (!/^[A-Z]{3}$/.test(plan.currency)) add(`currency "${plan.currency}" is not an ISO 4217 code`);
  if (!Number.isInteger(plan.rounding.decimals) || plan.rounding.decimals < 0 || plan.rounding.decimals > 6) {
    add(`rounding decimals must be 0 to 6, not ${plan.rounding.decimals}`);
  }
  const bandNames = new Set<string>();
  for (const band of plan.timeBands) {
    if (bandNames.has(band.name)) add(`time band "${band.name}" is defined twice`);
    bandNames.add(band.name);
    for (const edge of [band.from, band.to]) {
      if (!TIME.test(edge)) add(`time band "${band.name}": "${edge}" is not HH:MM`);
    }
    if (band.weekdays.length === 0) add(`time band "${band.name}" has no weekdays`);
  }
  const seen = new Set<string>();
  plan.rates.forEach((rate, index) => {
    const problem = (message: string) => problems.push({ rate: index, message });
    if (rate.prefix !== null && !/^\d{1,15}$/.test(rate.prefix)) {
      problem(`prefix "${rate.prefix}" must be 1 to 15 digits (E.164 without +)`);
    }
    if ((rate.prefix === null) === (rate.destClass === null)) {
      problem(`give either a prefix or a destination class`);
    }
    const key = rate.prefix !== null ? `p:${rate.prefix}` : `c:${rate.destClass}:${rate.country ?? '*'}`;
    if (seen.has(key)) problem(`another rate already matches ${key.slice(2)}`);
    seen.add(key);
    for (const [name, amount] of [
      ['connect fee', rate.connectFee],
      ['minimum charge', rate.minCharge],
      ['unanswered charge', rate.unansweredCharge],
      ['maximum cost', rate.maxCost ?? 0],
    ] as const) {
      if (!Number.isSafeInteger(amount) || amount < 0) problem(`${name} must not be negative`);
    }
    if (rate.maxCost !== null && rate.maxCost < rate.minCharge) {
      problem(`maximum cost is below the minimum charge`);
    }
    intervalProblems(rate.intervals).forEach(problem);
    for (const [band, intervals] of Object.entries(rate.bandIntervals)) {
      if (!bandNames.has(band)) problem(`prices for unknown time band "${band}"`);
      intervalProblems(intervals).forEach((p) => problem(`, band ${band}: ${p}`));
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
