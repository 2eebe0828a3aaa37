import { alarmRuleToStore } from '../alarms/alarm-rule.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/repositories.js';

/**
 * The demo company's alarm rules: a monthly budget per department, a single very expensive call,
 * premium numbers, costly calls out of hours, a night-time burst of international calls (the
 * planted toll fraud) and a silent site during business hours. The marathon call and the toll
 * fraud of DEMO_ANOMALIES fire them.
 */
export const DEMO_ALARM_RULES = [
  {
    name: 'Department monthly budget',
    kind: 'budget',
    definition: {
      subject: 'department',
      period: 'month',
      budget: '1500',
      thresholds: [80, 100],
      timeZone: 'Europe/Rome',
    },
    recipients: { channels: ['teams', 'email'], toSupervisors: true, toAdmins: true },
  },
  {
    name: 'A very expensive call',
    kind: 'single_call',
    definition: { maxCost: '25', maxDurationSec: 2 * 3600 + 30 * 60, severity: 'critical' },
    recipients: { channels: ['teams'], toUser: true, toSupervisors: true },
  },
  {
    name: 'Calls to premium numbers',
    kind: 'destination',
    definition: { destClasses: ['premium'] },
    recipients: { channels: ['teams'], toSupervisors: true },
  },
  {
    name: 'Costly calls out of hours',
    kind: 'out_of_hours',
    definition: { minCostMicro: 2_000_000 },
    recipients: { channels: ['teams'], toSupervisors: true, toAdmins: true },
  },
  {
    name: 'International calls at night (toll fraud?)',
    kind: 'anomaly',
    definition: {
      subject: 'user',
      measure: 'calls',
      destClasses: ['international'],
      hours: { from: 0, to: 6 },
      minimum: 10,
      factor: 3,
      baselineDays: 14,
      checkDays: 3,
    },
    recipients: { channels: ['teams', 'email'], toSupervisors: true, toAdmins: true },
  },
  {
    name: 'No calls during business hours',
    kind: 'health',
    definition: { check: 'no_calls', minutes: 30 },
    recipients: { channels: ['teams', 'email'], toAdmins: true },
  },
] as const;

/**
 * Installs the demo rules the database does not have yet (by name), so running the demo again
 * keeps an administrator's changes; returns how many were added. `adminGroupId` is the demo's
 * admin group, where rules that alert admins send.
 */
export function installDemoAlarmRules(database: Database, adminGroupId: string | null): Promise<number> {
  return inTransaction(database, async (repos) => {
    let added = 0;
    for (const rule of DEMO_ALARM_RULES) {
      if (await repos.alarmRules.findByName(rule.name)) continue;
      const stored = alarmRuleToStore(rule);
      await repos.alarmRules.create({ ...stored, recipients: { ...stored.recipients, adminGroupId } });
      added++;
    }
    return added;
  });
}
