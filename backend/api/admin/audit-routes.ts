import { z } from 'zod';
import type { AuditTrail } from '../../admin/audit-trail.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf } from './admin-route-input.js';

/** A date (midnight UTC) or an instant, as epoch ms. */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((text) => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text));

const entrySchema = z.object({
  id: z.number(),
  at: z.number().describe('epoch ms'),
  actorObjectId: z.string(),
  actorName: z.string().nullable().describe('UPN, else display name'),
  action: z.enum(['create', 'update', 'delete', 'import', 'rerate']),
  entityType: z.string(),
  entityKey: z.string(),
  before: z.unknown().describe('the entity before the change; null when created'),
  after: z.unknown().describe('the entity after the change; null when deleted'),
  requestId: z.string().nullable(),
});

/** The audit log of administrative changes. */
export function auditRoutes(audit: AuditTrail): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/audit',
      summary: 'Changes made through administration, newest first, a page at a time',
      tag: 'administration: audit',
      access: 'admin',
      query: z.object({
        from: instant.optional().describe('from this date (UTC) or instant, inclusive'),
        to: instant.optional().describe('before this date (UTC) or instant'),
        entity: z
          .string()
          .regex(/^[a-z-]+(:.+)?$/, 'must be an entity type (site) or a type and key (site:12)')
          .optional()
          .describe(
            'site, department, user, user-number, carrier, tariff-plan, rate, routing-rules, calls; or type:key',
          ),
        actor: z
          .string()
          .min(1)
          .max(256)
          .optional()
          .describe('Entra object id or UPN of who made the change'),
        cursor: z.string().max(100).optional().describe('nextCursor of the previous page'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ entries: z.array(entrySchema), nextCursor: z.string().nullable() }),
      handle: async (input) => {
        const { from, to, ...filter } = input.query;
        return json(await audit.page(actorOf(input), { ...filter, fromMs: from, toMs: to }));
      },
    }),
  ];
}
