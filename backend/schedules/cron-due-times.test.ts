import { describe, expect, it } from 'vitest';
import { CronDueTimes, cronProblem } from './cron-due-times.js';

const utc = (text: string) => Date.parse(text);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('cron due times', () => {
  it('fires daily at 07:00 Rome time across both daylight-saving changes of 2026', () => {
    const daily = new CronDueTimes('0 7 * * *', 'Europe/Rome');
    // Summer time starts on Sunday 29 March and ends on Sunday 25 October 2026.
    expect(daily.between(utc('2026-03-27T12:00:00Z'), utc('2026-03-31T12:00:00Z')).map(iso)).toEqual([
      '2026-03-28T06:00:00.000Z',
      '2026-03-29T05:00:00.000Z',
      '2026-03-30T05:00:00.000Z',
      '2026-03-31T05:00:00.000Z',
    ]);
    expect(daily.between(utc('2026-10-23T12:00:00Z'), utc('2026-10-27T12:00:00Z')).map(iso)).toEqual([
      '2026-10-24T05:00:00.000Z',
      '2026-10-25T06:00:00.000Z',
      '2026-10-26T06:00:00.000Z',
      '2026-10-27T06:00:00.000Z',
    ]);
  });

  it('skips a time the clocks jump over and fires once at a time that happens twice', () => {
    const night = new CronDueTimes('30 2 * * *', 'Europe/Rome');
    expect(night.between(utc('2026-03-28T00:00:00Z'), utc('2026-03-30T12:00:00Z')).map(iso)).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    expect(night.between(utc('2026-10-24T12:00:00Z'), utc('2026-10-26T12:00:00Z')).map(iso)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
  });

  it('finds the latest missed due time, and none before the lower bound', () => {
    const monday = new CronDueTimes('0 8 * * 1', 'Europe/London');
    expect(iso(monday.latest(0, utc('2026-12-02T23:00:00Z')))).toBe('2026-11-30T08:00:00.000Z');
    expect(monday.latest(utc('2026-11-30T08:00:00Z'), utc('2026-12-02T23:00:00Z'))).toBeNull();
    expect(iso(monday.latest(0, utc('2026-11-30T08:00:00Z')))).toBe('2026-11-30T08:00:00.000Z');
    const monthly = new CronDueTimes('0 6 1 * *', 'Europe/Rome');
    expect(iso(monthly.latest(0, utc('2026-12-20T00:00:00Z')))).toBe('2026-12-01T05:00:00.000Z');
    expect(iso(monthly.next(utc('2026-12-01T05:00:00Z')))).toBe('2027-01-01T05:00:00.000Z');
    expect(iso(new CronDueTimes('0 7 L * *', 'UTC').next(utc('2026-02-01T00:00:00Z')))).toBe(
      '2026-02-28T07:00:00.000Z',
    );
  });

  it('agrees with node-cron on when the next run is', () => {
    const expression = '15 */6 * * 1-5';
    const times = new CronDueTimes(expression, 'America/New_York');
    const now = Date.now();
    // node-cron looks ahead of the real clock only; from the real clock both must agree.
    return import('node-cron').then(({ default: cron }) => {
      const task = cron.schedule(expression, () => undefined, { timezone: 'America/New_York' });
      const expected = task.getNextRun()?.getTime() ?? null;
      void task.destroy();
      expect(times.next(now)).toBe(expected);
    });
  });

  it('says what is wrong with an expression or a time zone', () => {
    expect(cronProblem('0 7 * * 1', 'Europe/Rome')).toBeNull();
    expect(cronProblem('0 7 * * 1', 'Mars/Olympus')).toMatch(/not a time zone/);
    expect(cronProblem('0 0 7 * * 1', 'UTC')).toMatch(/has 6 fields; a schedule has 5/);
    expect(cronProblem('0 25 * * *', 'UTC')).toMatch(/hour: 25 is a invalid expression/);
  });
});
