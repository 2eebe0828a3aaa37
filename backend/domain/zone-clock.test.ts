import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from './zone-clock.js';

const zones = ['Europe/Rome', 'Europe/London', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'UTC'];
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

describe('ZoneClock', () => {
  it.each(zones)('agrees with luxon on local fields in %s', (zone) => {
    const clock = new ZoneClock(zone);
    fc.assert(
      fc.property(instant, (ms) => {
        const expected = DateTime.fromMillis(ms, { zone });
        const local = clock.localTime(ms);
        expect(local.day).toBe(expected.year * 10_000 + expected.month * 100 + expected.day);
        expect(local.hour).toBe(expected.hour);
        expect(local.minuteOfDay).toBe(expected.hour * 60 + expected.minute);
        expect(local.weekday).toBe(expected.weekday);
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the spring-forward and fall-back changes in Rome', () => {
    const clock = new ZoneClock('Europe/Rome');
    const spring = clock.transitionsBetween(Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30));
    expect(spring).toEqual([Date.UTC(2026, 2, 29, 1)]);
    const autumn = clock.transitionsBetween(Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26));
    expect(autumn).toEqual([Date.UTC(2026, 9, 25, 1)]);
  });

  it('maps wall times back to instants, including skipped and repeated ones', () => {
    const clock = new ZoneClock('Europe/Rome');
    // Ordinary winter time: 09:00 CET is 08:00 UTC.
    expect(clock.toUtcMs(Date.UTC(2026, 0, 15, 9))).toBe(Date.UTC(2026, 0, 15, 8));
    // 02:30 on 29 March 2026 does not exist in Rome; it maps to the change at 01:00 UTC.
    expect(clock.toUtcMs(Date.UTC(2026, 2, 29, 2, 30))).toBe(Date.UTC(2026, 2, 29, 1));
    // 02:30 on 25 October 2026 happens twice; the first is 00:30 UTC.
    expect(clock.toUtcMs(Date.UTC(2026, 9, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });

  it('round-trips every instant through wall time when the wall time is unambiguous', () => {
    const clock = new ZoneClock('America/New_York');
    fc.assert(
      fc.property(instant, (ms) => {
        const local = clock.toLocalMs(ms);
        const back = clock.toUtcMs(local);
        expect(clock.toLocalMs(back)).toBe(local);
      }),
      { numRuns: 2_000 },
    );
  });

  it('rejects an unknown zone', () => {
    expect(() => new ZoneClock('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('ZoneClock changes off the quarter hour', () => {
  it("finds St. John's 2003 change at 00:01 local", () => {
    const clock = new ZoneClock('America/St_Johns');
    const change = Date.UTC(2003, 3, 6, 3, 31);
    expect(clock.transitionsBetween(change - 3_600_000, change + 3_600_000)).toEqual([change]);
    expect(clock.offsetAt(change - 60_000)).toBe(-3.5 * 3_600_000);
    expect(clock.offsetAt(change)).toBe(-2.5 * 3_600_000);
  });
});
