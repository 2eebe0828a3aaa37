/** The holiday calendars the demo company's sites follow. */
export type HolidayCalendar = 'IT' | 'GB-ENG';

/** Easter Sunday of a Gregorian year as [month 1-12, day] (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

/**
 * The national public holidays of a year as YYYYMMDD numbers: Italy's (Capodanno to Santo
 * Stefano), or England and Wales's bank holidays with their weekend substitutes. Offices are
 * nearly silent on these days, as the demo's traffic shows. One-off holidays (jubilees) are left out.
 */
export function publicHolidays(calendar: HolidayCalendar, year: number): ReadonlySet<number> {
  return new Set(calendar === 'IT' ? italian(year) : english(year));
}

/** True when the local day (YYYYMMDD) is a public holiday of the calendar. */
export function isPublicHoliday(calendar: HolidayCalendar, localDay: number): boolean {
  return publicHolidays(calendar, Math.floor(localDay / 10_000)).has(localDay);
}

function dayNumber(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

/** ISO weekday (1 Monday … 7 Sunday) of a date. */
function weekday(year: number, month: number, day: number): number {
  return ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
}

function italian(year: number): number[] {
  const [easterMonth, easterDay] = easterSunday(year);
  return [
    dayNumber(year, 1, 1),
    dayNumber(year, 1, 6),
    dayNumber(year, easterMonth, easterDay + 1),
    dayNumber(year, 4, 25),
    dayNumber(year, 5, 1),
    dayNumber(year, 6, 2),
    dayNumber(year, 8, 15),
    dayNumber(year, 11, 1),
    dayNumber(year, 12, 8),
    dayNumber(year, 12, 25),
    dayNumber(year, 12, 26),
  ];
}

function english(year: number): number[] {
  const [easterMonth, easterDay] = easterSunday(year);
  const firstMonday = (month: number) => {
    for (let day = 1; ; day++) if (weekday(year, month, day) === 1) return dayNumber(year, month, day);
  };
  const lastMonday = (month: number) => {
    for (let day = new Date(Date.UTC(year, month, 0)).getUTCDate(); ; day--) {
      if (weekday(year, month, day) === 1) return dayNumber(year, month, day);
    }
  };
  const newYear = weekday(year, 1, 1);
  const christmas = weekday(year, 12, 25);
  // A holiday on a weekend moves to the next weekday not already a holiday.
  const christmasDays =
    christmas === 6 ? [27, 28] : christmas === 7 ? [26, 27] : christmas === 5 ? [25, 28] : [25, 26];
  return [
    dayNumber(year, 1, newYear === 6 ? 3 : newYear === 7 ? 2 : 1),
    dayNumber(year, easterMonth, easterDay - 2),
    dayNumber(year, easterMonth, easterDay + 1),
    firstMonday(5),
    lastMonday(5),
    lastMonday(8),
    ...christmasDays.map((day) => dayNumber(year, 12, day)),
  ];
}
