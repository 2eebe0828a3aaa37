import { describe, expect, it } from 'vitest';
import type { AlarmRule } from '../../../api/api-types';
import { NEW_ALARM_RULE, alarmRuleBody, alarmRuleDraftOf, type AlarmRuleDraft } from './alarm-rule-form';

const recipients: AlarmRule['recipients'] = {
  channels: ['email'],
  toUser: false,
  toSupervisors: false,
  toAdmins: true,
  emails: [],
  conversations: ['channel:19:abc@thread.tacv2/19:def@thread.tacv2'],
};

const rule = (kind: AlarmRule['kind'], definition: Record<string, unknown>): AlarmRule => ({
  id: 1,
  name: 'Rule',
  kind,
  enabled: true,
  definition,
  recipients,
});

const bodyOf = (draft: AlarmRuleDraft) => {
  const read = alarmRuleBody(draft);
  if (!read.ok) throw new Error(`not sendable: ${read.problems.join(', ')}`);
  return read.body;
};

describe('the alarm rule form', () => {
  it.each([
    ['destination', { destClasses: ['premium'], prefixes: ['53'], countries: ['CU'], severity: 'critical' }],
    [
      'anomaly',
      {
        subject: 'country',
        measure: 'cost',
        factor: 4,
        minimum: 5_000_000,
        baselineDays: 30,
        severity: 'critical',
        hours: { from: 0, to: 6 },
        checkDays: 2,
      },
    ],
    [
      'anomaly',
      { subject: 'user', measure: 'calls', factor: 3, minimum: 20, baselineDays: 14, severity: 'warning' },
    ],
    ['health', { check: 'no_calls', minutes: 45, holidays: true, siteCode: 'MIL' }],
    ['health', { check: 'unrated_calls', maxCount: 10, sinceHours: 24 }],
  ] as const)(
    'sends a stored %s rule back as it was, settings the form does not show included',
    (kind, definition) => {
      const stored = rule(kind, definition);
      expect(bodyOf(alarmRuleDraftOf(stored))).toEqual({
        name: 'Rule',
        kind,
        enabled: true,
        definition,
        recipients,
      });
    },
  );

  it('fills in what a rule written by hand leaves out with the engine’s defaults', () => {
    const written: AlarmRule = {
      ...rule('budget', { subject: 'site', period: 'month', budget: '500' }),
      recipients: { toSupervisors: true },
    };
    const draft = alarmRuleDraftOf(written);
    expect(draft).toMatchObject({ budgetAmount: '500', thresholds: '80, 100' });
    expect(bodyOf(draft)).toEqual({
      name: 'Rule',
      kind: 'budget',
      enabled: true,
      definition: { subject: 'site', period: 'month', budgetMicro: 500_000_000, thresholds: [80, 100] },
      recipients: {
        channels: ['teams'],
        toUser: false,
        toSupervisors: true,
        toAdmins: false,
        emails: [],
        conversations: [],
      },
    });
  });

  it('leaves the settings of another health check out when the check changes', () => {
    const draft = alarmRuleDraftOf(rule('health', { check: 'unrated_calls', maxCount: 10, sinceHours: 24 }));
    expect(bodyOf({ ...draft, healthCheck: 'miner_backlog', healthLimit: '30' }).definition).toEqual({
      check: 'miner_backlog',
      maxFiles: 30,
    });
  });

  it('reads business hours and sends closed days as null', () => {
    const draft = { ...NEW_ALARM_RULE, name: 'After hours', kind: 'out_of_hours' as const };
    draft.hours = { ...draft.hours, fri: { open: true, from: '9', to: '13' } };
    expect(bodyOf(draft).definition).toEqual({
      businessHours: {
        mon: { from: 8, to: 18 },
        tue: { from: 8, to: 18 },
        wed: { from: 8, to: 18 },
        thu: { from: 8, to: 18 },
        fri: { from: 9, to: 13 },
        sat: null,
        sun: null,
      },
      holidays: true,
      severity: 'warning',
    });
    const backwards = { ...draft, hours: { ...draft.hours, mon: { open: true, from: '18', to: '8' } } };
    expect(alarmRuleBody(backwards)).toEqual({ ok: false, problems: ['hours'] });
  });

  it('names what it cannot read', () => {
    const draft: AlarmRuleDraft = {
      ...NEW_ALARM_RULE,
      budgetAmount: 'a lot',
      thresholds: '80, x',
      budgetSubjectId: '0',
      recipients: { ...NEW_ALARM_RULE.recipients, teams: false },
    };
    expect(alarmRuleBody(draft)).toEqual({
      ok: false,
      problems: ['name', 'budgetSubjectId', 'budgetAmount', 'thresholds', 'channels'],
    });
    expect(alarmRuleBody({ ...NEW_ALARM_RULE, name: 'x', kind: 'destination', destClasses: [] })).toEqual({
      ok: false,
      problems: ['destinations'],
    });
  });
});
