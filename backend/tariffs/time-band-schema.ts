import { z } from 'zod';
import type { TimeBand, Weekday } from '../rating/tariff-plan.js';
import { textSchema } from './tariff-field-schema.js';

/** Weekday names as written in tariff files, in ISO order (Monday = 1). */
export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function weekdayOf(name: string): Weekday | null {
  const index = (WEEKDAY_NAMES as readonly string[]).indexOf(name.trim().toLowerCase());
  return index < 0 ? null : ((index + 1) as Weekday);
}

/**
 * `days: [mon, tue, wed]`, with ranges allowed (`[mon-fri]`, or just `mon-fri`), read in the order
 * written into ISO weekday numbers.
 */
const daysSchema = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const weekdays: Weekday[] = [];
  const items = typeof value === 'string' ? [value] : value;
  items.forEach((item, index) => {
    const [from = '', to, ...rest] = item.split('-');
    const first = weekdayOf(from);
    const last = to === undefined ? first : weekdayOf(to);
    if (first === null || last === null || rest.length > 0 || last < first) {
      ctx.issues.push({
        code: 'custom',
        message: `not a weekday or range of weekdays: ${JSON.stringify(item)} (mon … sun, or e.g. mon-fri)`,
        input: item,
        path: typeof value === 'string' ? [] : [index],
      });
      return;
    }
    for (let day = first; day <= last; day++) weekdays.push(day as Weekday);
  });
  if (items.length === 0)
    ctx.issues.push({ code: 'custom', message: 'must name at least one day', input: value });
  return weekdays;
});

/** A time of day `HH:MM` (or `H:MM`, written back as `HH:MM`); `24:00` is the end of the day. */
const timeSchema = z.string().transform((value, ctx) => {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(value);
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) {
    ctx.issues.push({
      code: 'custom',
      message: `not a time of day: ${JSON.stringify(value)} (HH:MM from 00:00 to 24:00)`,
      input: value,
    });
    return z.NEVER;
  }
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
});

/** A time band in a tariff file: `{ name, days, from, to }`. */
export const timeBandSchema = z
  .strictObject({ name: textSchema, days: daysSchema, from: timeSchema, to: timeSchema })
  .transform(({ name, days, from, to }): TimeBand => ({ name, weekdays: days, from, to }));
