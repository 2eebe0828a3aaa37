import { z } from 'zod';
import type { ReportScheduleAdmin } from '../../schedules/report-schedule-admin.js';
import { reportScheduleInputSchema } from '../../schedules/schedule-definition.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf, idParams } from './admin-route-input.js';

const scheduleSchema = z.object({
  id: z.number(),
  name: z.string(),
  report: z.string(),
  filters: z.record(z.string(), z.unknown()),
  period: z.string(),
  format: z.enum(['card', 'pdf', 'xlsx', 'csv', 'html']),
  recipients: z.array(z.string()),
  cron: z.string(),
  timeZone: z.string(),
  enabled: z.boolean(),
  lastRun: z
    .object({
      dueAt: z.string(),
      status: z.enum(['running', 'done', 'failed']),
      finishedAt: z.string().nullable(),
    })
    .nullable(),
  nextRun: z.string().nullable().describe('ISO-8601 UTC; null when disabled'),
});

const runSchema = z.object({
  scheduleId: z.number(),
  dueAt: z.number().describe('epoch ms'),
  status: z.enum(['done', 'failed']),
  messages: z.number().describe('outbox messages written'),
  problems: z.array(z.string()).describe('recipients skipped and why'),
});

/** Scheduled reports: list, create, replace, delete, send now. */
export function reportScheduleRoutes(schedules: ReportScheduleAdmin): ApiRoute[] {
  const tag = 'administration: scheduled reports';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/report-schedules',
      summary: 'Every scheduled report, with its last and next run',
      tag,
      access: 'admin',
      response: z.array(scheduleSchema),
      handle: async (input) => json(await schedules.list(actorOf(input))),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/report-schedules',
      summary:
        'Add a scheduled report (cron expression and time zone checked, recipients checked per format)',
      tag,
      access: 'admin',
      body: reportScheduleInputSchema,
      response: scheduleSchema,
      handle: async (input) => json(await schedules.create(actorOf(input), input.body), 201),
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/admin/report-schedules/:id',
      summary: 'Replace a scheduled report’s settings',
      tag,
      access: 'admin',
      params: idParams,
      body: reportScheduleInputSchema,
      response: scheduleSchema,
      handle: async (input) => json(await schedules.update(actorOf(input), input.params.id, input.body)),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/report-schedules/:id',
      summary: 'Delete a scheduled report and its runs',
      tag,
      access: 'admin',
      params: idParams,
      handle: async (input) => {
        await schedules.remove(actorOf(input), input.params.id);
        return json(null, 204);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/report-schedules/:id/run',
      summary: 'Send a scheduled report now (503 when the scheduler is not running on this server)',
      tag,
      access: 'admin',
      params: idParams,
      response: runSchema,
      handle: async (input) => json(await schedules.runNow(actorOf(input), input.params.id)),
    }),
  ];
}
