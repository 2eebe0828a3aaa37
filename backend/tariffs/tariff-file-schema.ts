import { z } from 'zod';
import { ZoneClock } from '../domain/zone-clock.js';
import type { Rate, TariffPlan } from '../rating/tariff-plan.js';
import { activeFromMs, readActiveFrom } from './active-from.js';
import { rateDeckSpecSchema, type RateDeckSpec } from './rate-deck-spec.js';
import { rateSchema } from './rate-schema.js';
import { textSchema } from './tariff-field-schema.js';
import { timeBandSchema } from './time-band-schema.js';

/** The carrier a tariff file is for, identified by `code` (as in `ledgerline tariffs export --carrier`). */
export interface TariffCarrier {
  code: string;
  name: string;
}

/** A tariff file read and checked field by field, before its rate deck is merged in. */
export interface TariffFileContent {
  carrier: TariffCarrier;
  /** The plan with its inline rates only. */
  plan: TariffPlan;
  rateDeck: RateDeckSpec | null;
}

/** The one version of the format so far; files may omit it. */
export const TARIFF_FILE_VERSION = 1;

const zoneSchema = z.string().refine(
  (zone) => {
    try {
      new ZoneClock(zone);
      return true;
    } catch {
      return false;
    }
  },
  {
    error: (issue) => `unknown time zone ${JSON.stringify(issue.input)} (an IANA name such as "Europe/Rome")`,
  },
);

const activeFromSchema = z.string().transform((text, ctx) => {
  const reading = readActiveFrom(text);
  if (reading === null) {
    ctx.issues.push({
      code: 'custom',
      message: `not a date or instant: ${JSON.stringify(text)} (e.g. 2026-01-01, or 2026-01-01T06:00:00Z)`,
      input: text,
    });
    return z.NEVER;
  }
  return reading;
});

/** The whole tariff file (YAML or JSON), validated into carrier, plan and deck reference. */
export const tariffFileSchema = z
  .strictObject({
    version: z
      .literal(TARIFF_FILE_VERSION, { error: 'must be 1, the only version of this format' })
      .optional(),
    carrier: z.strictObject({
      code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, {
        error: (issue) =>
          issue.input === undefined
            ? 'required'
            : `not a carrier code: ${JSON.stringify(issue.input)} (letters, digits, ".", "_", "-"; at most 40)`,
      }),
      name: textSchema.optional(),
    }),
    name: textSchema,
    currency: z.string().regex(/^[A-Z]{3}$/, {
      error: (issue) =>
        issue.input === undefined
          ? 'required'
          : `not an ISO 4217 currency code: ${JSON.stringify(issue.input)}`,
    }),
    timeZone: zoneSchema.optional(),
    activeFrom: activeFromSchema,
    rounding: z
      .strictObject({
        decimals: z
          .number()
          .int()
          .min(0, { error: 'must be 0 to 6' })
          .max(6, { error: 'must be 0 to 6' })
          .optional(),
        method: z.enum(['up', 'down', 'half-up']).optional(),
      })
      .optional(),
    timeBands: z.array(timeBandSchema).optional(),
    rates: z.array(rateSchema).optional(),
    rateDeck: rateDeckSpecSchema.optional(),
  })
  .transform((raw, ctx): TariffFileContent => {
    const timeBands = raw.timeBands ?? [];
    timeBands.forEach((band, index) => {
      if (timeBands.findIndex((other) => other.name === band.name) < index) {
        ctx.issues.push({
          code: 'custom',
          message: `another time band is already named ${JSON.stringify(band.name)}`,
          input: band.name,
          path: ['timeBands', index, 'name'],
        });
      }
    });
    const rates: Rate[] = raw.rates ?? [];
    if (rates.length === 0 && raw.rateDeck === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'the plan has no rates: give rates, a rateDeck, or both',
        input: raw,
        path: ['rates'],
      });
    }
    return {
      carrier: { code: raw.carrier.code, name: raw.carrier.name ?? raw.carrier.code },
      plan: {
        name: raw.name,
        currency: raw.currency,
        activeFrom: activeFromMs(raw.activeFrom, new ZoneClock(raw.timeZone ?? 'UTC')),
        timeBands,
        rounding: { decimals: raw.rounding?.decimals ?? 6, method: raw.rounding?.method ?? 'half-up' },
        rates,
      },
      rateDeck: raw.rateDeck ?? null,
    };
  });
