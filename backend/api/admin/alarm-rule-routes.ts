import { z } from 'zod';
import type { AlarmRuleAdmin } from '../../alarms/alarm-rule-admin.js';
import { ALARM_RULE_KINDS } from '../../alarms/alarm-rule.js';
import { defineRoute, json, type ApiRoute } from '../api-route.js';
import { actorOf, idParams } from './admin-route-input.js';

const ruleSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(ALARM_RULE_KINDS),
  enabled: z.boolean(),
  definition: z.unknown().describe('the kind’s settings (thresholds, window, subject…)'),
  recipients: z.unknown().describe('{ channels, toUser, toSupervisors, toAdmins, emails, conversations }'),
});

/** The body of a rule; the definition is checked against the kind by the service. */
const ruleBody = z.object({
  name: z.string(),
  kind: z.enum(ALARM_RULE_KINDS),
  enabled: z.boolean().optional(),
  definition: z.record(z.string(), z.unknown()),
  recipients: z.record(z.string(), z.unknown()).optional(),
});

/** Alarm rules: list, create, replace, delete; each change audited. */
export function alarmRuleRoutes(rules: AlarmRuleAdmin): ApiRoute[] {
  const tag = 'administration: alarm rules';
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/admin/alarm-rules',
      summary: 'Every alarm rule',
      tag,
      access: 'admin',
      response: z.array(ruleSchema),
      handle: async (input) => json(await rules.list(actorOf(input))),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/admin/alarm-rules',
      summary: 'Add an alarm rule (400 naming each field of the definition that is wrong)',
      tag,
      access: 'admin',
      body: ruleBody,
      response: ruleSchema,
      handle: async (input) => json(await rules.create(actorOf(input), input.body), 201),
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/admin/alarm-rules/:id',
      summary: 'Replace an alarm rule',
      tag,
      access: 'admin',
      params: idParams,
      body: ruleBody,
      response: ruleSchema,
      handle: async (input) => json(await rules.update(actorOf(input), input.params.id, input.body)),
    }),
    defineRoute({
      method: 'del',
      path: '/api/v1/admin/alarm-rules/:id',
      summary: 'Delete an alarm rule (its alarms stay as history)',
      tag,
      access: 'admin',
      params: idParams,
      handle: async (input) => {
        await rules.remove(actorOf(input), input.params.id);
        return json(null, 204);
      },
    }),
  ];
}
