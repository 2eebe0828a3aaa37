import cron from 'node-cron';
import { DateTime } from 'luxon';

/** How far back a missed run is looked for, and ahead a next run: a year and a day. */
const SEARCH_DAYS = 366;

/**
 * Why a schedule's cron expression or time zone cannot be used, in words, or null. Five fields
 * (minute hour day-of-month month day-of-week), as node-cron reads them; no seconds field, so a
 * report is sent at most once a minute.
 */
export function cronProblem(expression: string, timeZone: string): string | null {
  if (!DateTime.local().setZone(timeZone).isValid)
    return `"${timeZone}" is not a time zone (use an IANA name such as Europe/Rome)`;
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5)
    return `"${expression}" has ${fields.length} fields; a schedule has 5: minute hour day-of-month month day-of-week (e.g. "0 7 * * 1" for Mondays at 07:00)`;
  const check = cron.validateDetailed(expression);
  if (!check.valid)
    return `"${expression}" is not a cron expression: ${check.errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`;
  return null;
}

/**
 * The due times of a cron expression in a time zone, computed for any clock (node-cron itself
 * only looks ahead of the real one). Candidates are the local times the expression's fields name,
 * made instants with luxon, each confirmed by node-cron's own matcher, so these are exactly the
 * times node-cron fires at. A local time that does not exist (skipped when clocks go forward) is
 * not a due time; one that happens twice (when clocks go back) is due once, the first time.
 */
export class CronDueTimes {
  private readonly fields: ReturnType<typeof cron.parse>;
  private readonly matcher: ReturnType<typeof cron.createTask>;

  constructor(
    readonly expression: string,
    readonly timeZone: string,
  ) {
    this.fields = cron.parse(expression);
    this.matcher = cron.createTask(expression, () => undefined, { timezone: timeZone });
    // The task is used only to match instants; it is never started.
    void this.matcher.destroy();
  }

  /** The latest due time in (after, atOrBefore], or null. */
  latest(after: number, atOrBefore: number): number | null {
    let day = DateTime.fromMillis(atOrBefore, { zone: this.timeZone }).startOf('day');
    for (let count = 0; count <= SEARCH_DAYS && day.toMillis() + 86_400_000 * 2 > after; count++) {
      const times = this.onDay(day).reverse();
      const found = times.find((at) => at <= atOrBefore && at > after);
      if (found !== undefined) return found;
      day = day.minus({ days: 1 });
    }
    return null;
  }

  /** The first due time after `after`, or null (within a year). */
  next(after: number): number | null {
    let day = DateTime.fromMillis(after, { zone: this.timeZone }).startOf('day');
    for (let count = 0; count <= SEARCH_DAYS; count++) {
      const found = this.onDay(day).find((at) => at > after);
      if (found !== undefined) return found;
      day = day.plus({ days: 1 });
    }
    return null;
  }

  /** Every due time from (after, until], oldest first (for tests and previews). */
  between(after: number, until: number): number[] {
    const result: number[] = [];
    for (let at = this.next(after); at !== null && at <= until; at = this.next(at)) result.push(at);
    return result;
  }

  /** The due times of one local day, in order. */
  private onDay(day: DateTime): number[] {
    if (!this.fields.month.includes(day.month)) return [];
    const result: number[] = [];
    for (const hour of [...this.fields.hour].sort((a, b) => a - b))
      for (const minute of [...this.fields.minute].sort((a, b) => a - b)) {
        const local = day.set({ hour, minute, second: 0, millisecond: 0 });
        // luxon moves a time that does not exist forward: that is not the time the schedule names.
        if (!local.isValid || local.hour !== hour || local.minute !== minute) continue;
        const at = local.toMillis();
        if (this.matcher.match(new Date(at))) result.push(at);
      }
    return result;
  }
}
