import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerlineError } from '../../domain/errors.js';
import { parsePosition, sessionPosition } from '../drivers/lcscdr-position.js';
import { fromLcsCdrDatetime, toLcsCdrDatetime } from './lcscdr-datetime.js';

describe('toLcsCdrDatetime', () => {
  it('writes UTC text with exactly three fraction digits', () => {
    expect(toLcsCdrDatetime(Date.UTC(2025, 2, 14, 9, 30, 12, 347))).toBe('2025-03-14 09:30:12.347');
    expect(toLcsCdrDatetime(Date.UTC(2025, 0, 1, 0, 0, 0, 0))).toBe('2025-01-01 00:00:00.000');
  });

  it('keeps text order equal to time order', () => {
    const times = [
      Date.UTC(2024, 11, 31, 23, 59, 59, 999),
      Date.UTC(2025, 0, 1),
      Date.UTC(2025, 0, 1, 0, 0, 0, 3),
    ];
    const texts = times.map(toLcsCdrDatetime);
    expect([...texts].sort()).toEqual(texts);
  });

  it('accepts the datetime range of SQL Server and nothing else', () => {
    expect(toLcsCdrDatetime(Date.UTC(1753, 0, 1))).toBe('1753-01-01 00:00:00.000');
    expect(toLcsCdrDatetime(Date.UTC(9999, 11, 31, 23, 59, 59, 997))).toBe('9999-12-31 23:59:59.997');
    expect(() => toLcsCdrDatetime(Date.UTC(1752, 11, 31))).toThrow(LedgerlineError);
    expect(() => toLcsCdrDatetime(1.5)).toThrow(LedgerlineError);
    expect(() => toLcsCdrDatetime(Number.NaN)).toThrow(LedgerlineError);
  });
});

describe('fromLcsCdrDatetime', () => {
  it('reads replica text as UTC', () => {
    expect(fromLcsCdrDatetime('2025-03-14 09:30:12.347')).toBe(Date.UTC(2025, 2, 14, 9, 30, 12, 347));
    expect(fromLcsCdrDatetime('2025-03-14 09:30:12')).toBe(Date.UTC(2025, 2, 14, 9, 30, 12));
    expect(fromLcsCdrDatetime('2025-03-14 09:30:12.5')).toBe(Date.UTC(2025, 2, 14, 9, 30, 12, 500));
    expect(fromLcsCdrDatetime('2025-03-14T09:30:12.347Z')).toBe(Date.UTC(2025, 2, 14, 9, 30, 12, 347));
  });

  it('reads a Date as tedious returns it', () => {
    const ms = Date.UTC(2025, 2, 14, 9, 30, 12, 347);
    expect(fromLcsCdrDatetime(new Date(ms))).toBe(ms);
  });

  it('round-trips every millisecond of a second', () => {
    const base = Date.UTC(2025, 5, 30, 23, 59, 59);
    for (let ms = base; ms < base + 1000; ms++) expect(fromLcsCdrDatetime(toLcsCdrDatetime(ms))).toBe(ms);
  });

  it('rejects what is not a datetime, naming the value', () => {
    for (const bad of [
      '',
      '2025-02-30 10:00:00.000',
      '2025-03-14',
      '14/03/2025 09:30',
      '2025-03-14 25:00:00',
    ]) {
      expect(() => fromLcsCdrDatetime(bad)).toThrow(LedgerlineError);
    }
    expect(() => fromLcsCdrDatetime('2025-03-14 09:30:12.3475')).toThrow(/2025-03-14 09:30:12.3475/);
    expect(() => fromLcsCdrDatetime(new Date(Number.NaN))).toThrow(LedgerlineError);
  });
});

// Node applies a TZ set at run time to every Date after it; the offsets below prove it did.
describe.each(['America/New_York', 'Europe/Rome'])(
  'replica times and session keys in the %s zone',
  (zone) => {
    const before = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    });

    it('are read and written as UTC, also across a daylight-saving change', () => {
      expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).not.toBe(0);
      // 2026-03-08 in New York and 2026-03-29 in Rome: the local clock jumps from 02:00 to 03:00.
      for (const ms of [Date.UTC(2026, 2, 8, 7, 30, 0, 7), Date.UTC(2026, 2, 29, 1, 30, 0, 3)]) {
        const text = toLcsCdrDatetime(ms);
        expect(text).toBe(new Date(ms).toISOString().replace('T', ' ').replace('Z', ''));
        expect(fromLcsCdrDatetime(text)).toBe(ms);
        expect(parsePosition(sessionPosition(ms, 4))).toEqual({ timeMs: ms, seq: 4 });
      }
      expect(fromLcsCdrDatetime('2026-03-29 02:30:00.000')).toBe(Date.UTC(2026, 2, 29, 2, 30));
      // A key without its zone would be read in local time: it is refused instead.
      expect(() => parsePosition('2026-03-29T02:30:00.000#4')).toThrow('not an LcsCDR position');
    });
  },
);
