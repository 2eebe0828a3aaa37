const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A local calendar day as the calls table keeps it: the integer YYYYMMDD in the call's site time
 * zone. Report periods are ranges of these; the arithmetic below is on calendar dates, so a
 * zone's clock changes do not matter.
 */
export type LocalDay = number;

/** `2026-11-01` as 20261101, or null when the text is not a real calendar date. */
export function parseLocalDay(text: string): LocalDay | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return year * 10_000 + month * 100 + day;
}

/** 20261101 as `2026-11-01`. */
export function formatLocalDay(day: LocalDay): string {
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

function toEpochDay(day: LocalDay): number {
  return Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100) / MS_PER_DAY;
}

function fromEpochDay(epochDay: number): LocalDay {
  const date = new Date(epochDay * MS_PER_DAY);
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** The day `count` days after (or before, when negative) `day`. */
export function addDays(day: LocalDay, count: number): LocalDay {
  return fromEpochDay(toEpochDay(day) + count);
}

/** Days from `from` to `to`, both counted: 1 for the same day. */
export function daysInRange(from: LocalDay, to: LocalDay): number {
  return toEpochDay(to) - toEpochDay(from) + 1;
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday (as calls.local_weekday). */
export function isoWeekday(day: LocalDay): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(day) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the ISO week `day` is in. */
export function weekStart(day: LocalDay): LocalDay {
  return addDays(day, 1 - isoWeekday(day));
}

/** The first day of the month `day` is in. */
export function monthStart(day: LocalDay): LocalDay {
  return Math.floor(day / 100) * 100 + 1;
}

/** The first day of the month after the one `day` is in. */
export function nextMonthStart(day: LocalDay): LocalDay {
  const year = Math.floor(day / 10_000);
  const month = Math.floor(day / 100) % 100;
  return month === 12 ? (year + 1) * 10_000 + 101 : year * 10_000 + (month + 1) * 100 + 1;
}
