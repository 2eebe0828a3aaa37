import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../domain/zone-clock.js';
import { activeFromMs, formatActiveFrom, readActiveFrom } from './active-from.js';

const rome = new ZoneClock('Europe/Rome');
const utc = new ZoneClock('UTC');

describe('readActiveFrom', () => {
  it('reads a date as midnight in the plan zone', () => {
    expect(activeFromMs(readActiveFrom('2026-01-01')!, utc)).toBe(Date.UTC(2026, 0, 1));
    expect(activeFromMs(readActiveFrom('2026-01-01')!, rome)).toBe(Date.UTC(2025, 11, 31, 23));
    expect(activeFromMs(readActiveFrom('2026-07-01')!, rome)).toBe(Date.UTC(2026, 5, 30, 22));
  });

  it('reads a wall-clock time in the plan zone, and instants with Z or an offset', () => {
    expect(activeFromMs(readActiveFrom('2026-01-01T06:30')!, rome)).toBe(Date.UTC(2026, 0, 1, 5, 30));
    expect(activeFromMs(readActiveFrom('2026-01-01 06:30:15')!, utc)).toBe(Date.UTC(2026, 0, 1, 6, 30, 15));
    expect(activeFromMs(readActiveFrom('2026-01-01T00:00:00Z')!, rome)).toBe(Date.UTC(2026, 0, 1));
    expect(activeFromMs(readActiveFrom('2026-01-01T00:00:00.250Z')!, rome)).toBe(Date.UTC(2026, 0, 1) + 250);
    expect(activeFromMs(readActiveFrom('2026-01-01T00:00:00+01:00')!, utc)).toBe(Date.UTC(2025, 11, 31, 23));
    expect(activeFromMs(readActiveFrom('2026-01-01T00:00-0530')!, utc)).toBe(Date.UTC(2026, 0, 1, 5, 30));
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-1-1',
    '01/01/2026',
    '2026-01-01T24:00',
    '2026-01-01T10:60',
    'now',
    '',
    '2026-01-01T00:00+15:00',
  ])('refuses %j', (text) => {
    expect(readActiveFrom(text)).toBeNull();
  });
});

describe('formatActiveFrom', () => {
  it('writes a date when the instant is midnight in the zone, else a UTC instant', () => {
    expect(formatActiveFrom(Date.UTC(2025, 11, 31, 23), rome)).toBe('2026-01-01');
    expect(formatActiveFrom(Date.UTC(2026, 0, 1), rome)).toBe('2026-01-01T00:00:00Z');
    expect(formatActiveFrom(Date.UTC(2026, 0, 1), utc)).toBe('2026-01-01');
    expect(formatActiveFrom(Date.UTC(2026, 0, 1, 0, 0, 0, 5), utc)).toBe('2026-01-01T00:00:00.005Z');
  });
});
