import { ZoneClock } from '../../backend/domain/zone-clock.js';
import {
  addDays,
  formatLocalDay,
  monthStart,
  nextMonthStart,
  parseLocalDay,
  weekStart,
  type LocalDay,
} from '../../backend/reports/local-day.js';

/** A report period in local days (both included), and how to name it in a reply. */
export interface Period {
  from: string;
  to: string;
  /** The words it was asked with, tidied: "last month", "March 2026", "2026-01-05 to 2026-01-09". */
  label: string;
}

/** When "today" is: an instant and the time zone whose calendar it is read in. */
export interface PeriodClock {
  today: Date;
  timeZone: string;
}

/** A period found in a text, and the text without it. */
export interface FoundPeriod {
  period: Period | null;
  /** The text with the period's words taken out (trimmed, single spaces). */
  rest: string;
  /** Why words that look like a period are not one ("2026-02-30 is not a date"), else null. */
  problem: string | null;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_WORD = `(${MONTHS.map((name) => `${name.slice(0, 3)}(?:${name.slice(3)})?`).join('|')})\\.?`;
const MONTH_FULL = `(${MONTHS.join('|')})`;
const ISO = '(\\d{4}-\\d{2}-\\d{2})';
const DAY_MONTH = `(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_WORD}(?: (\\d{4}))?`;

/** One way of writing a period: its pattern and the days it means. */
interface PeriodForm {
  pattern: RegExp;
  days(match: RegExpExecArray, today: LocalDay): Days | string;
}

/** The days a form means, and a name for them when the words themselves are not the best one. */
interface Days {
  from: LocalDay;
  to: LocalDay;
  label?: string;
}

const FORMS: readonly PeriodForm[] = [
  {
    pattern: new RegExp(`(?:from |between )?${ISO} ?(?:to|until|till|and|-|–|\\.\\.) ?${ISO}`),
    days: (match) => isoRange(match[1] as string, match[2] as string),
  },
  {
    pattern: new RegExp(`(?:from |between )?${DAY_MONTH} ?(?:to|until|till|and|-|–) ?${DAY_MONTH}`),
    days: (match, today) => {
      const from = dayOfMonthName(match[1], match[2], match[3], today);
      const to = dayOfMonthName(match[4], match[5], match[6], today);
      if (typeof from === 'string') return from;
      if (typeof to === 'string') return to;
      return ordered(from, to);
    },
  },
  {
    pattern: /(?:in |during |over |for )?(?:the )?(?:last|past|previous) (\d{1,3}) days?/,
    days: (match, today) => {
      const count = Number(match[1]);
      if (count < 1) return 'a period of at least one day';
      return { from: addDays(today, 1 - count), to: today };
    },
  },
  { pattern: /today/, days: (_match, today) => ({ from: today, to: today }) },
  { pattern: /yesterday/, days: (_match, today) => ({ from: addDays(today, -1), to: addDays(today, -1) }) },
  {
    pattern: /(?:in |during |for )?this week/,
    days: (_match, today) => ({ from: weekStart(today), to: today }),
  },
  {
    pattern: /(?:in |during |for )?(?:the )?(?:last|previous|past) week/,
    days: (_match, today) => ({ from: addDays(weekStart(today), -7), to: addDays(weekStart(today), -1) }),
  },
  {
    pattern: /(?:in |during |for )?this month/,
    days: (_match, today) => ({ from: monthStart(today), to: today }),
  },
  {
    pattern: /(?:in |during |for )?(?:the )?(?:last|previous|past) month/,
    days: (_match, today) => {
      const first = monthStart(addDays(monthStart(today), -1));
      return { from: first, to: addDays(monthStart(today), -1) };
    },
  },
  {
    pattern: /(?:in |during |for )?this year/,
    days: (_match, today) => ({ from: Math.floor(today / 10_000) * 10_000 + 101, to: today }),
  },
  {
    pattern: /(?:in |during |for )?(?:the )?(?:last|previous|past) year/,
    days: (_match, today) => {
      const year = Math.floor(today / 10_000) - 1;
      return { from: year * 10_000 + 101, to: year * 10_000 + 1231 };
    },
  },
  {
    pattern: new RegExp(`(?:on |for )?${ISO}`),
    days: (match) => isoRange(match[1] as string, match[1] as string),
  },
  {
    pattern: new RegExp(`(?:on |for )?${DAY_MONTH}`),
    days: (match, today) => {
      const day = dayOfMonthName(match[1], match[2], match[3], today);
      return typeof day === 'string' ? day : { from: day, to: day };
    },
  },
  {
    // A month alone by its full name ("march"), abbreviated only with a year ("mar 2026"), so
    // a name such as Jan is not taken for January.
    pattern: new RegExp(`(?:in |during |for )?(?:${MONTH_FULL}(?: (\\d{4}))?|${MONTH_WORD} (\\d{4}))`),
    days: (match, today) => {
      const month = monthNumber((match[1] ?? match[3]) as string);
      const yearText = match[2] ?? match[4];
      const thisYear = Math.floor(today / 10_000);
      // A month named alone is the latest one: in May, "march" is this year's, "june" last year's.
      const year = yearText
        ? Number(yearText)
        : month <= Math.floor(today / 100) % 100
          ? thisYear
          : thisYear - 1;
      const first = year * 10_000 + month * 100 + 1;
      const last = addDays(nextMonthStart(first), -1);
      const name = MONTHS[month - 1] as string;
      return {
        from: first,
        to: last < today || today < first ? last : today,
        label: `${name[0]?.toUpperCase()}${name.slice(1)} ${year}`,
      };
    },
  },
];

/**
 * Finds the period a sentence names, in plain words: today, yesterday, this week, last week (ISO
 * weeks from Monday), this month, last month, last N days, this year, last year, a month name
 * ("march", "march 2025"), a day ("2026-03-05", "5 march") or a range of days ("2026-03-01 to
 * 2026-03-15", "1 march - 15 march"). `clock` says what today is, in which time zone. Pure: the
 * same text and clock give the same period.
 */
export function findPeriod(text: string, clock: PeriodClock): FoundPeriod {
  const normal = normalize(text);
  const today = new ZoneClock(clock.timeZone).localTime(clock.today.getTime()).day;
  for (const form of FORMS) {
    const match = wordMatch(form.pattern, normal);
    if (!match) continue;
    const rest = `${normal.slice(0, match.index)} ${normal.slice(match.index + match[0].length)}`;
    const days = form.days(match, today);
    const tidyRest = rest.replace(/\s+/g, ' ').trim();
    if (typeof days === 'string') return { period: null, rest: tidyRest, problem: days };
    return {
      period: { from: formatLocalDay(days.from), to: formatLocalDay(days.to), label: labelOf(match, days) },
      rest: tidyRest,
      problem: null,
    };
  }
  return { period: null, rest: normal, problem: null };
}

/** The period used when a question names none: this month so far. */
export function defaultPeriod(clock: PeriodClock): Period {
  return findPeriod('this month', clock).period as Period;
}

/** Lower case, single spaces, without the punctuation a question ends with. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[?!,;]+/g, ' ')
    .replace(/\.(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first match of `pattern` that starts and ends at word boundaries. */
function wordMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  const bounded = new RegExp(`(?:^|(?<=\\s))(?:${pattern.source})(?=\\s|$)`);
  return bounded.exec(text);
}

function isoRange(fromText: string, toText: string): { from: LocalDay; to: LocalDay } | string {
  const from = parseLocalDay(fromText);
  const to = parseLocalDay(toText);
  if (from === null) return `${fromText} is not a date`;
  if (to === null) return `${toText} is not a date`;
  return ordered(from, to);
}

function ordered(from: LocalDay, to: LocalDay): { from: LocalDay; to: LocalDay } {
  return from <= to ? { from, to } : { from: to, to: from };
}

function monthNumber(word: string): number {
  const prefix = word.replace(/\.$/, '').slice(0, 3);
  return MONTHS.findIndex((name) => name.startsWith(prefix)) + 1;
}

/** "5 march [2026]": the latest such day not after today when no year is given. */
function dayOfMonthName(
  dayText: string | undefined,
  monthText: string | undefined,
  yearText: string | undefined,
  today: LocalDay,
): LocalDay | string {
  const month = monthNumber(monthText as string);
  const thisYear = Math.floor(today / 10_000);
  const candidate = (year: number) =>
    parseLocalDay(`${year}-${String(month).padStart(2, '0')}-${String(dayText).padStart(2, '0')}`);
  if (yearText) return candidate(Number(yearText)) ?? `${dayText} ${monthText} ${yearText} is not a date`;
  const day = candidate(thisYear);
  if (day !== null && day <= today) return day;
  return candidate(thisYear - 1) ?? day ?? `${dayText} ${monthText} is not a date`;
}

function labelOf(match: RegExpExecArray, days: Days): string {
  if (days.label) return days.label;
  const words = match[0].replace(/^(?:in|during|over|for|on|from|between) (?:the )?/, '').trim();
  if (/^\d/.test(words) || /\d{4}/.test(words))
    return days.from === days.to
      ? formatLocalDay(days.from)
      : `${formatLocalDay(days.from)} to ${formatLocalDay(days.to)}`;
  return words;
}
