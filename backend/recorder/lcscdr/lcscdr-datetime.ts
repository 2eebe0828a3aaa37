import { LedgerlineError } from '../../domain/errors.js';
import type { LcsCdrDatetime } from './lcscdr-schema.js';

// SQL Server `datetime` covers 1753-01-01 to 9999-12-31 23:59:59.997.
const MIN_MS = Date.UTC(1753, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 997);
const TEXT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/;

/**
 * Writes a UTC instant (epoch milliseconds) the way the SQLite replica stores `datetime`:
 * `YYYY-MM-DD HH:MM:SS.fff`, whose text order is time order.
 */
export function toLcsCdrDatetime(ms: number): string {
  if (!Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw new LedgerlineError('invalid-input', `${ms} is not a time a SQL Server datetime can hold`);
  }
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/**
 * Reads an LcsCDR `datetime` from either engine as UTC epoch milliseconds: a Date from tedious
 * (opened with `useUTC`), or replica text (`YYYY-MM-DD HH:MM:SS[.fff]`, `T` and `Z` tolerated).
 */
export function fromLcsCdrDatetime(value: LcsCdrDatetime): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new LedgerlineError('invalid-input', 'an LcsCDR datetime is an invalid Date');
    return ms;
  }
  const parts = TEXT.exec(value);
  if (parts) {
    const [year, month, day, hour, minute, second] = parts.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const millisecond = Number((parts[7] ?? '').padEnd(3, '0'));
    const ms = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
    // Date.UTC rolls 2025-02-30 over to March; a real datetime never needs that.
    const back = new Date(ms);
    if (
      back.getUTCFullYear() === year &&
      back.getUTCMonth() === month - 1 &&
      back.getUTCDate() === day &&
      back.getUTCHours() === hour &&
      back.getUTCMinutes() === minute &&
      back.getUTCSeconds() === second
    ) {
      return ms;
    }
  }
  throw new LedgerlineError(
    'invalid-input',
    `"${value}" is not an LcsCDR datetime (expected UTC text YYYY-MM-DD HH:MM:SS.fff)`,
  );
}
