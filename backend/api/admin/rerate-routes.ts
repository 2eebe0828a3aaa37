import { z } from 'zod';
import type { RerateAdmin } from '../../admin/rerate-admin.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf } from './admin-route-input.js';

const localDay = z.iso.date().transform((date) => Number(date.replaceAll('-', '')));

/** Re-rating stored calls after a tariff or routing change. */
export function rerateRoutes(rerate: RerateAdmin): ApiRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/rerate',
      summary:
        'Price the stored calls of some local days again with today’s tariffs and routing (each with the plan in force when it started), and fix the rollups. Answers when done',
      tag: 'administration: tariffs',
      access: 'admin',
      body: z.strictObject({
        from: localDay.describe('first local day, YYYY-MM-DD'),
        to: localDay.describe('last local day, YYYY-MM-DD (inclusive)'),
        carrier: z
          .string()
          .min(1)
          .optional()
          .describe('only calls of this carrier (by code), and unrated calls no route took anywhere'),
      }),
      response: z.object({
        days: z.number(),
        calls: z.number().describe('calls priced again'),
        changed: z.number().describe('calls whose carrier, plan, rate or cost changed'),
        skipped: z.number().describe('calls left as they were: their site is no longer known'),
      }),
      handle: async (input) =>
        json(
          await rerate.rerate(actorOf(input), {
            fromDay: input.body.from,
            toDay: input.body.to,
            carrier: input.body.carrier,
          }),
        ),
    }),
  ];
}
