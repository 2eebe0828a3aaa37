import { z } from 'zod';
import type { RatingPreviewer } from '../../admin/rating-preview.js';
import type { TariffPlanAdmin } from '../../admin/tariff-plan-admin.js';
import { DESTINATION_CLASSES } from '../../domain/destination-class.js';
import { tariffFileSchema } from '../../tariffs/tariff-file-schema.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf, idParams, idSchema, queryFlag } from './admin-route-input.js';
import { readTextBody } from './text-body.js';

/** The largest rate deck an upload may carry. */
export const MAX_RATE_DECK_BYTES = 20 * 1024 * 1024;

const intervalSchema = z.object({
  fromSec: z.number(),
  incrementSec: z.number(),
  pricePerMinute: z.number().describe('micro-units (1e-6 of the currency) per minute'),
});

const rateSchema = z.object({
  id: z.number(),
  prefix: z.string().nullable(),
  destClass: z.enum(DESTINATION_CLASSES).nullable(),
  country: z.string().nullable(),
  label: z.string(),
  connectFee: z.number().describe('micro-units'),
  intervals: z.array(intervalSchema),
  bandIntervals: z.record(z.string(), z.array(intervalSchema)),
  minCharge: z.number(),
  maxCost: z.number().nullable(),
  unansweredCharge: z.number(),
});

const micro = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const changedIntervalSchema = z.strictObject({
  fromSec: z.number().int().min(0),
  incrementSec: z.number().int().min(1),
  pricePerMinute: micro.describe('micro-units (1e-6 of the currency) per minute'),
});

const rateChangesSchema = z
  .strictObject({
    label: z.string().trim().max(200),
    connectFee: micro.describe('micro-units'),
    intervals: z.array(changedIntervalSchema).min(1).max(20),
    bandIntervals: z
      .record(z.string(), z.array(changedIntervalSchema).min(1).max(20))
      .describe('prices per time band of the plan; a band left out has the rate’s own intervals'),
    minCharge: micro.describe('micro-units'),
    maxCost: micro.nullable().describe('micro-units; null: no maximum'),
    unansweredCharge: micro.describe('micro-units'),
  })
  .partial();

const summarySchema = z.object({
  id: z.number(),
  carrierId: z.number(),
  name: z.string(),
  currency: z.string(),
  activeFrom: z.number().describe('epoch ms the plan is in force from, until the carrier’s next plan'),
  rates: z.number().describe('how many rates it has'),
});

const affectedSchema = z
  .object({ calls: z.number(), firstDay: z.number().nullable(), lastDay: z.number().nullable() })
  .describe('stored calls of the carrier in the plan’s time (local days YYYYMMDD): re-rate them to apply it');

const planSchema = z.object({
  id: z.number(),
  carrierId: z.number(),
  carrier: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  name: z.string(),
  currency: z.string(),
  activeFrom: z.number(),
  timeBands: z.array(
    z.object({ name: z.string(), weekdays: z.array(z.number()), from: z.string(), to: z.string() }),
  ),
  rounding: z.object({ decimals: z.number(), method: z.enum(['up', 'down', 'half-up']) }),
  rates: z.array(rateSchema),
});

const deckQuerySchema = z.object({
  fileName: z
    .string()
    .max(200)
    .optional()
    .describe('the deck’s file name, for problems (“listino.csv line 12: …”)'),
  separator: z
    .enum([';', ',', 'tab', '|'])
    .optional()
    .describe('default: the one the header line has most of'),
  decimal: z.enum(['.', ',']).optional().describe('default "," unless the separator is ","'),
  header: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true')),
  skipLines: z.coerce.number().int().min(0).max(100).optional().describe('title lines before the header'),
  columns: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.issues.push({ code: 'custom', message: 'must be a JSON object', input: text });
        return z.NEVER;
      }
    })
    .describe(
      'JSON: which column holds which field, as `rateDeck.columns` of a tariff file; default: the header names them (prefix, label, destClass, country, pricePerMinute, connectFee, increments, minCharge, maxCost, and a column per time band named like the band)',
    ),
  increments: z.string().optional().describe('billing increments of rows without any, e.g. 60/60'),
  priceScale: z.string().optional().describe('unit of the amounts: 1 (default), 0.01 (cents), …'),
  pricePer: z.enum(['minute', 'second']).optional(),
});

const previewSchema = z.strictObject({
  siteId: z.number().int().positive().describe('the site the call is made from'),
  number: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe('the number as dialled and recorded, e.g. 0039021234567 or 0212345678'),
  startedAt: z.iso.datetime({ offset: true }).describe('when the call starts: picks the plan and time band'),
  durationSec: z.number().int().min(0).max(86_400).describe('talk time in seconds'),
  trunk: z
    .string()
    .max(256)
    .nullable()
    .default(null)
    .describe('trunk or gateway, for routing rules by trunk'),
  answered: z.boolean().default(true),
});

const previewResponseSchema = z.object({
  site: z.object({ id: z.number(), code: z.string() }),
  normalized: z.string().nullable(),
  destClass: z.enum(DESTINATION_CLASSES),
  destCountry: z.string().nullable(),
  status: z.enum(['rated', 'unrated', 'free']),
  reason: z.string().nullable(),
  carrier: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  plan: z.object({ id: z.number().nullable(), name: z.string(), activeFrom: z.number() }).nullable(),
  rate: z
    .object({
      id: z.number().nullable(),
      label: z.string(),
      matchedBy: z.enum(['prefix', 'class']),
      prefix: z.string().nullable(),
      destClass: z.string().nullable(),
      country: z.string().nullable(),
    })
    .nullable(),
  cost: z.number().describe('micro-units'),
  costText: z.string(),
  currency: z.string().nullable(),
  billedSec: z.number(),
  bands: z.array(z.object({ band: z.string().nullable(), billedSec: z.number(), amount: z.number() })),
});

/**
 * Tariff plans: list (per carrier), get with rates, create from a tariff file, replace the rates
 * from a CSV deck, change one rate, delete; and the rating preview of a sample call.
 */
export function tariffPlanRoutes(plans: TariffPlanAdmin, previewer: RatingPreviewer): ApiRoute[] {
  const tag = 'administration: tariffs';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/tariff-plans',
      summary: 'Tariff plans with their rate counts, of one carrier or all',
      tag,
      access: 'admin',
      query: z.object({ carrierId: idSchema.optional().describe('only this carrier’s plans') }),
      response: z.array(summarySchema),
      handle: async (input) => json(await plans.list(actorOf(input), input.query.carrierId)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/tariff-plans/:id',
      summary: 'A tariff plan with its rates and carrier',
      tag,
      access: 'admin',
      params: idParams,
      response: planSchema,
      handle: async (input) => json(await plans.get(actorOf(input), input.params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/tariff-plans',
      summary:
        'Add a plan from a tariff file in JSON (docs/tariffs.md; inline rates, no rateDeck); the carrier must exist. 409 if the carrier has a plan from the same time, unless replace=true',
      tag,
      access: 'admin',
      query: z.object({
        replace: queryFlag.describe('replace the carrier’s plan with the same activeFrom, keeping its id'),
      }),
      body: tariffFileSchema,
      response: z.object({
        plan: summarySchema,
        affected: affectedSchema,
        replaced: z
          .boolean()
          .describe('true: it replaced the plan from the same time (200), else it is new (201)'),
      }),
      // The server checked the document against the schema; the service reads the document as
      // sent, as a file, so its problems come with the same paths and plan rules as an import.
      handle: async (input) => {
        const stored = await plans.create(actorOf(input), input.request.body, {
          replace: input.query.replace,
        });
        return json(stored, stored.replaced ? 200 : 201);
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/admin/tariff-plans/:id/rates',
      summary:
        'Replace a plan’s rates with a carrier’s CSV rate deck: send it as the text/csv body (up to 20 MiB), and how to read it in the query',
      tag,
      access: 'admin',
      params: idParams,
      query: deckQuerySchema,
      maxBodyBytes: MAX_RATE_DECK_BYTES,
      response: z.object({
        plan: summarySchema,
        affected: affectedSchema,
        added: z.number(),
        changed: z.number().describe('rates still there with another price: they keep their ids'),
        removed: z.number(),
        unchanged: z.number(),
      }),
      handle: async (input) => {
        const text = await readTextBody(input.request, {
          types: ['text/csv', 'text/plain', 'application/csv'],
          maxBytes: MAX_RATE_DECK_BYTES,
        });
        return json(await plans.importRates(actorOf(input), input.params.id, { ...input.query, text }));
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/admin/tariff-plans/:id/rates/:rateId',
      summary:
        'Change one rate’s label and prices (amounts in micro-units); what it matches stays. Stored calls keep their cost until re-rated',
      tag,
      access: 'admin',
      params: z.object({ id: idSchema.describe('the plan'), rateId: idSchema.describe('the rate’s id') }),
      body: rateChangesSchema,
      response: z.object({ rate: rateSchema, affected: affectedSchema }),
      handle: async (input) =>
        json(await plans.updateRate(actorOf(input), input.params.id, input.params.rateId, input.body)),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/tariff-plans/:id',
      summary: 'Delete a tariff plan (409 while it prices stored calls, unless force=true)',
      tag,
      access: 'admin',
      params: idParams,
      query: z.object({ force: queryFlag.describe('delete it even though stored calls are priced with it') }),
      response: z.object({ affected: affectedSchema }),
      handle: async (input) =>
        json(await plans.remove(actorOf(input), input.params.id, { force: input.query.force })),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/tariffs/preview',
      summary: 'Price a sample call as the miner would (class, carrier, plan, rate, cost); writes nothing',
      tag,
      access: 'admin',
      body: previewSchema,
      response: previewResponseSchema,
      handle: async (input) =>
        json(
          await previewer.preview(actorOf(input), {
            ...input.body,
            startedAt: Date.parse(input.body.startedAt),
          }),
        ),
    }),
  ];
}
