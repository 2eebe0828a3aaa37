import { describe, expect, it } from 'vitest';
import { LedgerlineError } from '../../domain/errors.js';
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
