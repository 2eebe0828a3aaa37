import { z } from 'zod';
import { alarmJson } from '../alarms/alarm-view.js';
import type { AlarmService } from '../alarms/alarm.service.js';
import type { Principal } from '../domain/principal.js';
import { idParams } from './admin/admin-route-input.js';
import { defineRoute, json, type ApiRoute } from './api-route.js';

const alarmSchema = z.object({
  id: z.number(),
  ruleId: z.number(),
  rule: z.string(),
  kind: z.string(),
  severity: z.enum(['info', 'warning', 'critical']),
  subject: z.string(),
  detail: z.string(),
  raisedAt: z.string().describe('ISO-8601'),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  callId: z.number().nullable(),
});

/**
 * Alarms for everyone signed in, within their scope: an employee their own, a supervisor their
 * departments', an admin all of them, health alarms included.
 */
export function alarmRoutes(alarms: AlarmService): ApiRoute[] {
  const tag = 'alarms';
  const who = (principal: Principal | null) => principal as Principal;
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/alarms',
      summary: 'Alarms the caller may see, newest first',
      tag,
      access: 'signed-in',
      query: z.object({
        status: z.enum(['open', 'acknowledged', 'resolved', 'all']).default('open'),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: z.object({ alarms: z.array(alarmSchema) }),
      handle: async ({ principal, query }) =>
        json({ alarms: (await alarms.list(who(principal), query)).map(alarmJson) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/alarms/:id/acknowledge',
      summary: 'Acknowledge an alarm (404 when the caller may not see it; the first acknowledgement stays)',
      tag,
      access: 'signed-in',
      params: idParams,
      response: z.object({ alarm: alarmSchema }),
      handle: async ({ principal, params }) =>
        json({ alarm: alarmJson(await alarms.acknowledge(who(principal), params.id)) }),
    }),
  ];
}
