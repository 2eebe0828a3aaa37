import { z } from 'zod';
import type { PriceInterval, Rate } from '../rating/tariff-plan.js';
import { intervalsOf, type Increments } from './price-increments.js';
import {
  amountSchema,
  countrySchema,
  destClassSchema,
  incrementsSchema,
  prefixSchema,
  secondsSchema,
} from './tariff-field-schema.js';

const intervalSchema = z.strictObject({
  fromSec: secondsSchema(0),
  incrementSec: secondsSchema(1),
  pricePerMinute: amountSchema,
});

/** The ways a price is written: `pricePerMinute` + `increments`, or explicit `intervals`. */
const pricingFields = {
  pricePerMinute: amountSchema.optional(),
  increments: incrementsSchema.optional(),
  intervals: z.array(intervalSchema).optional(),
};

interface Pricing {
  pricePerMinute?: number | undefined;
  increments?: Increments | undefined;
  intervals?: PriceInterval[] | undefined;
}

type Issues = z.core.ParsePayload['issues'];

/**
 * The intervals a price stands for, or null after reporting why there are none. `inherited`
 * increments (the rate's) apply to a band price that gives only `pricePerMinute`.
 */
function intervalsFrom(
  pricing: Pricing,
  path: PropertyKey[],
  issues: Issues,
  inherited: Increments | undefined,
): PriceInterval[] | null {
  const report = (message: string, at: PropertyKey[] = []) =>
    issues.push({ code: 'custom', message, input: pricing, path: [...path, ...at] });
  if (pricing.intervals !== undefined) {
    if (pricing.pricePerMinute !== undefined || pricing.increments !== undefined) {
      report('give either pricePerMinute with increments, or intervals, not both');
      return null;
    }
    if (pricing.intervals.length === 0) report('must not be empty', ['intervals']);
    return pricing.intervals;
  }
  if (pricing.pricePerMinute === undefined) {
    report(
      'give pricePerMinute with increments (e.g. pricePerMinute: 0.02, increments: "60/60"), or intervals',
    );
    return null;
  }
  const increments = pricing.increments ?? inherited;
  if (increments === undefined) {
    report('required with pricePerMinute (e.g. "60/60", "30/6" or "60/1")', ['increments']);
    return null;
  }
  return intervalsOf(increments, pricing.pricePerMinute);
}

/** One entry of `rates:` in a tariff file, read into a rate of the rating model. */
export const rateSchema = z
  .strictObject({
    prefix: prefixSchema.optional(),
    destClass: destClassSchema.optional(),
    country: countrySchema.nullable().optional(),
    label: z.union([z.string(), z.number()]).transform(String).optional(),
    connectFee: amountSchema.optional(),
    ...pricingFields,
    bands: z.record(z.string(), z.strictObject(pricingFields)).optional(),
    minCharge: amountSchema.optional(),
    maxCost: amountSchema.nullable().optional(),
    unansweredCharge: amountSchema.optional(),
  })
  .transform((raw, ctx): Rate => {
    const report = (message: string, path: PropertyKey[]) =>
      ctx.issues.push({ code: 'custom', message, input: raw, path });
    if (raw.prefix !== undefined && raw.destClass !== undefined) {
      report('give either a prefix or a destClass, not both', ['destClass']);
    } else if (raw.prefix === undefined && raw.destClass === undefined) {
      report('give a prefix, or a destClass with an optional country', []);
    }
    if (raw.prefix !== undefined && raw.country != null) {
      report('goes only with destClass (a prefix already says where the call goes)', ['country']);
    }
    const intervals = intervalsFrom(raw, [], ctx.issues, undefined);
    const bandIntervals: Record<string, PriceInterval[]> = {};
    for (const [band, pricing] of Object.entries(raw.bands ?? {})) {
      const found = intervalsFrom(pricing, ['bands', band], ctx.issues, raw.increments);
      if (found) bandIntervals[band] = found;
    }
    return {
      prefix: raw.prefix ?? null,
      destClass: raw.prefix === undefined ? (raw.destClass ?? null) : null,
      country: raw.prefix === undefined ? (raw.country ?? null) : null,
      label: raw.label ?? '',
      connectFee: raw.connectFee ?? 0,
      intervals: intervals ?? [],
      bandIntervals,
      minCharge: raw.minCharge ?? 0,
      maxCost: raw.maxCost ?? null,
      unansweredCharge: raw.unansweredCharge ?? 0,
    };
  });
