/** The date ranges the filters offer; `custom` takes its own from and to. */
export const DATE_PRESETS = [
  'this-month',
  'last-month',
  'last-7-days',
  'last-30-days',
  'last-90-days',
  'custom',
] as const;

/** A date range preset. */
export type DatePreset = (typeof DATE_PRESETS)[number];

/** A range of local days `YYYY-MM-DD`, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** The days a preset covers, counted from `today` (a local day). `custom` has no range of its own. */
export function presetRange(preset: Exclude<DatePreset, 'custom'>, today: string): DayRange {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  switch (preset) {
    case 'this-month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'last-month': {
      const first = new Date(Date.UTC(year, month - 2, 1));
      const last = new Date(Date.UTC(year, month - 1, 0));
      return { from: isoDay(first), to: isoDay(last) };
    }
    case 'last-7-days':
      return { from: addDays(today, -6), to: today };
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
    case 'last-90-days':
      return { from: addDays(today, -89), to: today };
  }
}

/** Today in the browser's time zone, as a local day. */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A local day moved by a number of days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

/** Whether a text is a real calendar day `YYYY-MM-DD`. */
export function isDay(text: string | null | undefined): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  // A month 13 or a day 32 is no date at all; a 30 February rolls over into March.
  return !Number.isNaN(date.getTime()) && isoDay(date) === text;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
