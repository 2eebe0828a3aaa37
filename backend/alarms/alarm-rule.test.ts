import { describe, expect, it } from 'vitest';
import { LedgerlineError } from '../domain/errors.js';
import { alarmRuleToStore, storedAlarmRule, validateAlarmRule } from './alarm-rule.js';

const problems = (input: unknown): readonly string[] => {
  try {
    validateAlarmRule(input);
  } catch (error) {
    if (error instanceof LedgerlineError) return error.details;
    throw error;
  }
  return [];
};

describe('alarm rule definitions', () => {
  it('fills in defaults and turns amounts into micro-units', () => {
    const budget = validateAlarmRule({
      name: 'Budget',
      kind: 'budget',
      definition: { subject: 'user', period: 'week', budget: '12.50', thresholds: [100, 80, 100] },
    });
    expect(budget).toMatchObject({
      enabled: true,
      definition: { budgetMicro: 12_500_000, thresholds: [80, 100], timeZone: 'UTC' },
      recipients: { channels: ['teams'], toUser: false, emails: [] },
    });
    const hours = validateAlarmRule({
      name: 'Night',
      kind: 'out_of_hours',
      definition: { businessHours: { sat: { from: 9, to: 13 }, fri: null } },
    });
    expect(hours.definition).toMatchObject({
      businessHours: [
        { from: 8, to: 18 },
        { from: 8, to: 18 },
        { from: 8, to: 18 },
        { from: 8, to: 18 },
        null,
        { from: 9, to: 13 },
        null,
      ],
    });
    const destination = validateAlarmRule({
      name: 'Cuba',
      kind: 'destination',
      definition: { prefixes: ['+53'], countries: ['cu'] },
    });
    expect(destination.definition).toMatchObject({ prefixes: ['53'], countries: ['CU'] });
  });

  it('names every wrong field', () => {
    expect(problems({ name: ' ', kind: 'budget' })).toEqual([expect.stringMatching(/^name: /)]);
    expect(problems({ name: 'x', kind: 'destination', definition: {} })).toEqual([
      'definition: give at least one of destClasses, prefixes or countries',
    ]);
    expect(
      problems({
        name: 'x',
        kind: 'anomaly',
        definition: { subject: 'user', measure: 'calls', hours: { from: 6, to: 2 } },
      }),
    ).toEqual(['definition.hours: to must be after from', expect.stringMatching(/^definition\.minimum: /)]);
    expect(problems({ name: 'x', kind: 'health', definition: { check: 'coffee' } })).toEqual([
      expect.stringMatching(/^definition\.check: /),
    ]);
  });

  it('reads a stored rule back as it was validated, and names a rule that no longer validates', () => {
    const stored = alarmRuleToStore({
      name: 'Long',
      kind: 'single_call',
      definition: { maxDurationSec: 3600 },
    });
    expect(stored.definition).toEqual({ maxDurationSec: 3600 });
    expect(storedAlarmRule({ id: 4, ...stored }).definition).toEqual({
      maxCostMicro: null,
      maxDurationSec: 3600,
      severity: 'warning',
    });
    expect(() => storedAlarmRule({ id: 5, ...stored, definition: {} })).toThrow(
      'alarm rule 5 (Long): the single_call alarm rule is not valid',
    );
  });
});
