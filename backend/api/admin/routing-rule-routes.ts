import { z } from 'zod';
import type { RoutingAdmin } from '../../admin/routing-admin.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf } from './admin-route-input.js';

const ruleFields = {
  priority: z.number().int().min(0).max(1_000_000).describe('lower is tried first'),
  siteId: z
    .number()
    .int()
    .positive()
    .nullable()
    .default(null)
    .describe('only calls from this site; null: any'),
  trunk: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .nullable()
    .default(null)
    .describe('only calls through this trunk or gateway (any letter case); null: any'),
  prefix: z
    .string()
    .regex(/^\d{1,16}$/, 'must be E.164 digits without "+"')
    .nullable()
    .default(null)
    .describe('only dialled numbers starting with these E.164 digits; null: any'),
  carrierId: z.number().int().positive().describe('the carrier that carries and prices the calls'),
};

const ruleSchema = z.object({
  id: z.number().optional(),
  priority: z.number(),
  siteId: z.number().nullable(),
  trunk: z.string().nullable(),
  prefix: z.string().nullable(),
  carrierId: z.number(),
});

/** Routing rules: the list, and replacing all of it in one request. */
export function routingRuleRoutes(routing: RoutingAdmin): ApiRoute[] {
  const tag = 'administration: routing';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/routing-rules',
      summary: 'Every routing rule, by priority',
      tag,
      access: 'admin',
      response: z.array(ruleSchema),
      handle: async (input) => json(await routing.list(actorOf(input))),
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/admin/routing-rules',
      summary:
        'Replace every routing rule: a call goes to the carrier of the first rule (lowest priority, then most specific) whose criteria all match',
      tag,
      access: 'admin',
      body: z.strictObject({ rules: z.array(z.strictObject(ruleFields)).max(10_000) }),
      response: z.array(ruleSchema),
      handle: async (input) => json(await routing.replaceAll(actorOf(input), input.body.rules)),
    }),
  ];
}
