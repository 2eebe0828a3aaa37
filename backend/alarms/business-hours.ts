import { isPublicHoliday, publicHolidays, type HolidayCalendar } from '../demo/public-holidays.js';
import type { BusinessHours } from './alarm-rule.js';

const CALENDARS: Readonly<Record<string, HolidayCalendar>> = { IT: 'IT', GB: 'GB-ENG' };

/** Whether a site's office is open at a local weekday (ISO, 1 = Monday) and hour. */
export function isOpenAt(hours: BusinessHours, weekday: number, hour: number): boolean {
  const day = hours[weekday - 1];
  return day !== null && day !== undefined && hour >= day.from && hour < day.to;
}

/** Whether a local day is a public holiday in the site's country (countries with a known calendar). */
export function isHolidayIn(country: string | null, localDay: number): boolean {
  const calendar = country === null ? undefined : CALENDARS[country.toUpperCase()];
  return calendar !== undefined && isPublicHoliday(calendar, localDay);
}

/** Every known public holiday (any country) of the years around an instant, for a first cut in SQL. */
export function holidayDaysAround(atMs: number): number[] {
  const year = new Date(atMs).getUTCFullYear();
  const days = new Set<number>();
  for (const calendar of new Set(Object.values(CALENDARS)))
    for (let y = year - 1; y <= year + 1; y++) for (const day of publicHolidays(calendar, y)) days.add(day);
  return [...days].sort((a, b) => a - b);
}
