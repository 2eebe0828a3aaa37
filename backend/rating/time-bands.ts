import { DAY_MS, type ZoneClock } from '../domain/zone-clock.js';
import { minutesOf } from './plan-rules.js';
import type { TimeBand } from './tariff-plan.js';

/** A time band ready for lookups: weekday bit mask and edges in minutes of the day. */
interface BandRule {
  name: string;
  weekdayMask: number;
  from: number;
  to: number;
}

/** A plan's time bands, compiled once per plan. */
export interface BandSchedule {
  rules: readonly BandRule[];
  /** Every minute of the day at which some band may start or end, with midnight. */
  edges: readonly number[];
}

/** A stretch of time during which one band (or none: null) is in force. */
export interface BandSpan {
  startMs: number;
  endMs: number;
  band: string | null;
}

/** Compiles a plan's bands for `bandAt` and `bandTimeline`. */
export function compileBands(bands: readonly TimeBand[]): BandSchedule {
  const rules = bands.map((band) => ({
    name: band.name,
    weekdayMask: band.weekdays.reduce((mask, day) => mask | (1 << day), 0),
    from: minutesOf(band.from),
    to: minutesOf(band.to),
  }));
  const edges = new Set<number>([0]);
  for (const rule of rules) {
    edges.add(rule.from % 1440);
    edges.add(rule.to % 1440);
  }
  return { rules, edges: [...edges].sort((a, b) => a - b) };
}

/** The band in force at a local weekday and minute of the day: the first that matches, or null. */
export function bandAt(schedule: BandSchedule, weekday: number, minuteOfDay: number): string | null {
  for (const rule of schedule.rules) {
    if ((rule.weekdayMask & (1 << weekday)) === 0) continue;
    const inside =
      rule.from <= rule.to
        ? minuteOfDay >= rule.from && minuteOfDay < rule.to
        : minuteOfDay >= rule.from || minuteOfDay < rule.to;
    if (inside) return rule.name;
  }
  return null;
}

/**
 * Splits [startMs, endMs) into spans of constant band, in the zone of `clock`: at band edges, at
 * local midnight (the weekday changes) and across daylight-saving changes, where the same wall
 * time maps to another instant.
 */
export function bandTimeline(
  schedule: BandSchedule,
  clock: ZoneClock,
  startMs: number,
  endMs: number,
): BandSpan[] {
  if (schedule.rules.length === 0 || endMs <= startMs) return [{ startMs, endMs, band: null }];
  const cuts = [startMs];
  const pieceEnds = [...clock.transitionsBetween(startMs, endMs - 1), endMs];
  let pieceStart = startMs;
  for (const pieceEnd of pieceEnds) {
    const offset = clock.offsetAt(pieceStart);
    const localStart = pieceStart + offset;
    const localEnd = pieceEnd + offset;
    for (let day = Math.floor(localStart / DAY_MS); day * DAY_MS < localEnd; day++) {
      for (const edge of schedule.edges) {
        const local = day * DAY_MS + edge * 60_000;
        if (local > localStart && local < localEnd) cuts.push(local - offset);
      }
    }
    if (pieceEnd < endMs) cuts.push(pieceEnd);
    pieceStart = pieceEnd;
  }
  cuts.sort((a, b) => a - b);

  const spans: BandSpan[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const spanStart = cuts[i] as number;
    const spanEnd = cuts[i + 1] ?? endMs;
    if (spanEnd <= spanStart) continue;
    const local = clock.localTime(spanStart);
    const band = bandAt(schedule, local.weekday, local.minuteOfDay);
    const last = spans[spans.length - 1];
    if (last && last.band === band) last.endMs = spanEnd;
    else spans.push({ startMs: spanStart, endMs: spanEnd, band });
  }
  return spans;
}
