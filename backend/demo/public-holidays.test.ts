import { describe, expect, it } from 'vitest';
import { easterSunday, isPublicHoliday, publicHolidays } from './public-holidays.js';

describe('public holidays', () => {
  it('finds Easter', () => {
    expect(easterSunday(2024)).toEqual([3, 31]);
    expect(easterSunday(2025)).toEqual([4, 20]);
    expect(easterSunday(2026)).toEqual([4, 5]);
    expect(easterSunday(2027)).toEqual([3, 28]);
  });

  it("lists Italy's national holidays", () => {
    expect([...publicHolidays('IT', 2026)].sort()).toEqual([
      20260101, 20260106, 20260406, 20260425, 20260501, 20260602, 20260815, 20261101, 20261208, 20261225,
      20261226,
    ]);
  });

  it("lists England's bank holidays with weekend substitutes", () => {
    // 2026: Boxing Day is a Saturday, so Monday 28 December is the holiday.
    expect([...publicHolidays('GB-ENG', 2026)].sort()).toEqual([
      20260101, 20260403, 20260406, 20260504, 20260525, 20260831, 20261225, 20261228,
    ]);
    // 2027: Christmas on Saturday, Boxing Day on Sunday: Monday 27 and Tuesday 28.
    expect(publicHolidays('GB-ENG', 2027).has(20271227)).toBe(true);
    expect(publicHolidays('GB-ENG', 2027).has(20271228)).toBe(true);
    // 2028: New Year's Day is a Saturday: Monday 3 January.
    expect(publicHolidays('GB-ENG', 2028).has(20280103)).toBe(true);
    expect(isPublicHoliday('GB-ENG', 20260403)).toBe(true);
    expect(isPublicHoliday('IT', 20260403)).toBe(false);
  });
});
