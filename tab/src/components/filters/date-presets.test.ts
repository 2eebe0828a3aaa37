import { describe, expect, it } from 'vitest';
import { addDays, isDay, localToday, presetRange } from './date-presets';

describe('date presets', () => {
  it('covers this month from its first day to today', () => {
    expect(presetRange('this-month', '2026-03-17')).toEqual({ from: '2026-03-01', to: '2026-03-17' });
    expect(presetRange('this-month', '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
  });

  it('covers the whole of last month, across a year boundary and in leap years', () => {
    expect(presetRange('last-month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('last-month', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('last-month', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetRange('last-month', '2026-12-01')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('counts the last days with today included, across month and year boundaries', () => {
    expect(presetRange('last-7-days', '2026-01-03')).toEqual({ from: '2025-12-28', to: '2026-01-03' });
    expect(presetRange('last-30-days', '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
    expect(presetRange('last-90-days', '2026-01-01')).toEqual({ from: '2025-10-04', to: '2026-01-01' });
  });

  it('moves days over month ends, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('tells real calendar days from anything else', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-01')).toBe(false);
    expect(isDay('yesterday')).toBe(false);
    expect(isDay(null)).toBe(false);
    expect(isDay('')).toBe(false);
  });

  it("reads today in the browser's own time zone", () => {
    expect(localToday(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
    expect(localToday(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});
