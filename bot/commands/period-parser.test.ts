import { describe, expect, it } from 'vitest';
import { defaultPeriod, findPeriod } from './period-parser.js';

// Wednesday 13 May 2026, 00:30 in Rome but still the 12th in UTC.
const clock = { today: new Date('2026-05-12T22:30:00Z'), timeZone: 'Europe/Rome' };
const period = (text: string) => findPeriod(text, clock).period;

describe('the period parser', () => {
  it('reads today in the given time zone', () => {
    expect(period('today')).toEqual({ from: '2026-05-13', to: '2026-05-13', label: 'today' });
    expect(findPeriod('today', { ...clock, timeZone: 'UTC' }).period?.from).toBe('2026-05-12');
    expect(period('yesterday')).toMatchObject({ from: '2026-05-12', to: '2026-05-12' });
  });

  it('reads weeks from Monday and months to date', () => {
    expect(period('this week')).toMatchObject({ from: '2026-05-11', to: '2026-05-13' });
    expect(period('last week')).toMatchObject({ from: '2026-05-04', to: '2026-05-10', label: 'last week' });
    expect(period('this month')).toMatchObject({ from: '2026-05-01', to: '2026-05-13' });
    expect(period('in the previous month')).toMatchObject({ from: '2026-04-01', to: '2026-04-30' });
    expect(period('last month')).toMatchObject({ label: 'last month' });
    expect(
      findPeriod('last month', { today: new Date('2026-03-15T12:00:00Z'), timeZone: 'UTC' }).period,
    ).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(
      findPeriod('last month', { today: new Date('2026-01-15T12:00:00Z'), timeZone: 'UTC' }).period,
    ).toMatchObject({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('reads the last N days, this year and last year', () => {
    expect(period('last 30 days')).toMatchObject({
      from: '2026-04-14',
      to: '2026-05-13',
      label: 'last 30 days',
    });
    expect(period('over the past 7 days')).toMatchObject({ from: '2026-05-07', to: '2026-05-13' });
    expect(period('this year')).toMatchObject({ from: '2026-01-01', to: '2026-05-13' });
    expect(period('last year')).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('reads a month name as the latest such month, or with its year', () => {
    expect(period('march')).toEqual({ from: '2026-03-01', to: '2026-03-31', label: 'March 2026' });
    expect(period('in june')).toEqual({ from: '2025-06-01', to: '2025-06-30', label: 'June 2025' });
    expect(period('may')).toMatchObject({ from: '2026-05-01', to: '2026-05-13' });
    expect(period('february 2024')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    expect(period('feb 2025')).toMatchObject({ from: '2025-02-01', to: '2025-02-28' });
    expect(period('cost for jan de vries')).toBeNull();
  });

  it('reads days and ranges of days', () => {
    expect(period('2026-01-05')).toEqual({ from: '2026-01-05', to: '2026-01-05', label: '2026-01-05' });
    expect(period('from 2026-01-05 to 2026-01-09')).toEqual({
      from: '2026-01-05',
      to: '2026-01-09',
      label: '2026-01-05 to 2026-01-09',
    });
    expect(period('2026-01-09..2026-01-05')).toMatchObject({ from: '2026-01-05', to: '2026-01-09' });
    expect(period('between 1 march and 15 march')).toMatchObject({ from: '2026-03-01', to: '2026-03-15' });
    expect(period('on 20 december')).toMatchObject({ from: '2025-12-20', to: '2025-12-20' });
    expect(period('3rd feb 2026')).toMatchObject({ from: '2026-02-03', to: '2026-02-03' });
  });

  it('takes the period out of the sentence and leaves the rest', () => {
    expect(findPeriod('How much did Sales spend last month?', clock)).toMatchObject({
      rest: 'how much did sales spend',
      period: { from: '2026-04-01', to: '2026-04-30' },
    });
    expect(findPeriod('top users this week', clock).rest).toBe('top users');
    expect(findPeriod('cost for sales', clock)).toEqual({
      period: null,
      rest: 'cost for sales',
      problem: null,
    });
  });

  it('says what is wrong with a date that does not exist', () => {
    expect(findPeriod('cost 2026-02-30', clock)).toMatchObject({
      period: null,
      problem: '2026-02-30 is not a date',
    });
    expect(findPeriod('31 april 2026', clock).problem).toMatch(/not a date/);
  });

  it('defaults to this month so far', () => {
    expect(defaultPeriod(clock)).toMatchObject({ from: '2026-05-01', to: '2026-05-13', label: 'this month' });
  });
});
