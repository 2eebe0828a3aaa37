import { DAY_MS, type ZoneClock } from '../domain/zone-clock.js';

/** An `activeFrom` as written: a wall-clock time in the plan's zone, or an exact instant. */
export type ActiveFromReading = { localMs: number } | { utcMs: number };

const ACTIVE_FROM =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Reads `2026-01-01` (midnight), `2026-01-01T06:00` (wall-clock time in the plan's zone) or an
 * instant with `Z` or an offset (`2026-01-01T00:00:00+01:00`); null when it is none of these or not
 * a real date.
 */
export function readActiveFrom(text: string): ActiveFromReading | null {
  const match = ACTIVE_FROM.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', millis = '0', offset] = match;
  const fields = [year, month, day].map(Number) as [number, number, number];
  const ms = Date.UTC(fields[0], fields[1] - 1, fields[2], Number(hour), Number(minute), Number(second));
  const date = new Date(ms);
  const real =
    date.getUTCFullYear() === fields[0] &&
    date.getUTCMonth() === fields[1] - 1 &&
    date.getUTCDate() === fields[2] &&
    Number(hour) < 24 &&
    Number(minute) < 60 &&
    Number(second) < 60;
  if (!real) return null;
  const local = ms + Number(millis.padEnd(3, '0'));
  if (offset === undefined) return { localMs: local };
  if (offset === 'Z') return { utcMs: local };
  const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(offset) as RegExpExecArray;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  const offsetMs = (Number(hours) * 60 + Number(minutes)) * 60_000 * (sign === '-' ? -1 : 1);
  return { utcMs: local - offsetMs };
}

/** The instant an `activeFrom` reading stands for, reading wall-clock times in `clock`'s zone. */
export function activeFromMs(reading: ActiveFromReading, clock: ZoneClock): number {
  return 'utcMs' in reading ? reading.utcMs : clock.toUtcMs(reading.localMs);
}

/**
 * Writes an activation instant the way an administrator would: a plain date when it is midnight in
 * `clock`'s zone, else a UTC instant (`2026-03-29T01:00:00Z`). `readActiveFrom` reads both back exactly.
 */
export function formatActiveFrom(utcMs: number, clock: ZoneClock): string {
  const localMs = clock.toLocalMs(utcMs);
  if (localMs % DAY_MS === 0 && clock.toUtcMs(localMs) === utcMs) {
    return new Date(localMs).toISOString().slice(0, 10);
  }
  return new Date(utcMs).toISOString().replace('.000Z', 'Z');
}
