import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInRange,
  formatLocalDay,
  isoWeekday,
  monthStart,
  nextMonthStart,
  parseLocalDay,
  weekStart,
} from './local-day.js';

describe('local days', () => {
  it('parses real calendar dates only', () => {
    expect(parseLocalDay('2026-11-01')).toBe(20261101);
    expect(parseLocalDay('2028-02-29')).toBe(20280229);
    expect(parseLocalDay('2026-02-29')).toBeNull();
    expect(parseLocalDay('2026-13-01')).toBeNull();
    expect(parseLocalDay('2026-1-01')).toBeNull();
    expect(parseLocalDay('20261101')).toBeNull();
    expect(formatLocalDay(20260105)).toBe('2026-01-05');
  });

  it('counts across months, years and leap days', () => {
    expect(addDays(20261101, -1)).toBe(20261031);
    expect(addDays(20261231, 1)).toBe(20270101);
    expect(addDays(20280228, 1)).toBe(20280229);
    expect(daysInRange(20261101, 20261130)).toBe(30);
    expect(daysInRange(20240101, 20251231)).toBe(731);
    expect(daysInRange(20261101, 20261101)).toBe(1);
  });

  it('finds ISO weekdays, the Monday of a week and month boundaries', () => {
    // 2026-01-05 is a Monday, 2026-01-11 a Sunday, 2026-11-01 a Sunday.
    expect(isoWeekday(20260105)).toBe(1);
    expect(isoWeekday(20260111)).toBe(7);
    expect(weekStart(20261101)).toBe(20261026);
    expect(weekStart(20260105)).toBe(20260105);
    expect(weekStart(20260101)).toBe(20251229);
    expect(monthStart(20261117)).toBe(20261101);
    expect(nextMonthStart(20261231)).toBe(20270101);
    expect(nextMonthStart(20260131)).toBe(20260201);
  });
});
