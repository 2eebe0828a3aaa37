import { z } from 'zod';
import type { SiteAdmin } from '../../admin/site-admin.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf, codeSchema, idParams, nameSchema } from './admin-route-input.js';

const digits = (max: number) => z.string().regex(new RegExp(`^\\d{1,${max}}$`), `must be 1 to ${max} digits`);

const timeZoneSchema = z
  .string()
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not an IANA time zone (e.g. Europe/Rome)')
  .describe('IANA time zone: local days, hours and tariff bands of the site’s calls');

const extensionRangeSchema = z
  .strictObject({ from: digits(8), to: digits(8) })
  .refine((range) => range.from.length === range.to.length && Number(range.from) <= Number(range.to), {
    message: 'from and to must have the same number of digits, from low to high (2000-2999)',
  });

const dialPlanFields = {
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .transform((code) => code.toUpperCase())
    .describe('ISO 3166-1 alpha-2 country of the site, e.g. IT'),
  outsideLineCode: digits(8)
    .nullable()
    .describe('digit(s) dialled for an outside line, e.g. "0"; null if none'),
  internationalPrefix: digits(8).describe('international call prefix, e.g. "00" or "011"'),
  nationalPrefix: digits(8)
    .nullable()
    .describe('trunk prefix of national numbers, e.g. "0"; null where none (IT)'),
  extensionRanges: z.array(extensionRangeSchema).describe('internal extensions of the site'),
  localAreaCodes: z
    .array(digits(6))
    .describe('national number prefixes that count as local calls, e.g. ["02"] for Milan'),
};

const siteFields = {
  code: codeSchema.describe('short code calls and files name the site by, e.g. MIL'),
  name: nameSchema(),
  timeZone: timeZoneSchema,
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code')
    .transform((code) => code.toUpperCase())
    .describe('ISO 4217 currency reports of the site are in'),
};

const createSiteSchema = z.strictObject({
  ...siteFields,
  dialPlan: z.strictObject({
    ...dialPlanFields,
    outsideLineCode: dialPlanFields.outsideLineCode.default(null),
    internationalPrefix: dialPlanFields.internationalPrefix.default('00'),
    nationalPrefix: dialPlanFields.nationalPrefix.default(null),
    extensionRanges: dialPlanFields.extensionRanges.default([]),
    localAreaCodes: dialPlanFields.localAreaCodes.default([]),
  }),
});

const updateSiteSchema = z
  .strictObject({
    ...siteFields,
    dialPlan: z.strictObject(dialPlanFields).partial().describe('only the dial plan fields given change'),
  })
  .partial();

const siteSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  dialPlan: z.object({
    country: z.string(),
    outsideLineCode: z.string().nullable(),
    internationalPrefix: z.string(),
    nationalPrefix: z.string().nullable(),
    extensionRanges: z.array(z.object({ from: z.string(), to: z.string() })),
    localAreaCodes: z.array(z.string()),
  }),
});

/** Sites and their dial plans: list, get, create, change, delete. */
export function siteRoutes(sites: SiteAdmin): ApiRoute[] {
  const tag = 'administration: sites';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/sites',
      summary: 'Every site with its dial plan',
      tag,
      access: 'admin',
      response: z.array(siteSchema),
      handle: async (input) => json(await sites.list(actorOf(input))),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/sites/:id',
      summary: 'A site with its dial plan',
      tag,
      access: 'admin',
      params: idParams,
      response: siteSchema,
      handle: async (input) => json(await sites.get(actorOf(input), input.params.id)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/sites',
      summary: 'Add a site (409 if its code is taken)',
      tag,
      access: 'admin',
      body: createSiteSchema,
      response: siteSchema,
      handle: async (input) => json(await sites.create(actorOf(input), input.body), 201),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/v1/admin/sites/:id',
      summary: 'Change the given fields of a site and its dial plan',
      tag,
      access: 'admin',
      params: idParams,
      body: updateSiteSchema,
      response: siteSchema,
      handle: async (input) => json(await sites.update(actorOf(input), input.params.id, input.body)),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/sites/:id',
      summary: 'Delete a site (409 naming what still uses it: users, numbers, routing rules, calls)',
      tag,
      access: 'admin',
      params: idParams,
      handle: async (input) => {
        await sites.remove(actorOf(input), input.params.id);
        return json(null, 204);
      },
    }),
  ];
}
