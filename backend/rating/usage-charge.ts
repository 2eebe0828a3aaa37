import type { BandSpan } from './time-bands.js';
import type { PriceInterval, Rate } from './tariff-plan.js';

/** What one band contributed to a call: billed seconds and the charge in sixtieths of a micro-unit. */
export interface BandCharge {
  band: string | null;
  billedSec: number;
  sixtieths: number;
}

/** The usage part of a call's cost, before connect fee, rounding and limits. */
export interface UsageCharge {
  billedSec: number;
  sixtieths: number;
  bands: BandCharge[];
}

/**
 * Walks the talk time increment by increment: each increment is priced by the interval and the band
 * in force at its first second. Runs of increments that share both are counted in one step, so a
 * two-hour call billed per second costs a handful of iterations, not 7,200.
 *
 * `timeline` spans are in milliseconds from the moment of answer.
 */
export function usageCharge(rate: Rate, durationSec: number, timeline: readonly BandSpan[]): UsageCharge {
  const bands = new Map<string | null, BandCharge>();
  let position = 0;
  let sixtieths = 0;
  let spanIndex = 0;
  while (position < durationSec) {
    while (spanIndex < timeline.length - 1 && (timeline[spanIndex] as BandSpan).endMs <= position * 1000) {
      spanIndex++;
    }
    const span = timeline[spanIndex] as BandSpan;
    const intervals = (span.band !== null && rate.bandIntervals[span.band]) || rate.intervals;
    const { interval, endSec } = intervalAt(intervals, position);
    const spanEndSec = spanIndex < timeline.length - 1 ? Math.ceil(span.endMs / 1000) : Infinity;
    const limit = Math.min(durationSec, endSec, spanEndSec);
    const count = Math.ceil((limit - position) / interval.incrementSec);
    const seconds = count * interval.incrementSec;
    const charge = seconds * interval.pricePerMinute;
    position += seconds;
    sixtieths += charge;
    const entry = bands.get(span.band) ?? { band: span.band, billedSec: 0, sixtieths: 0 };
    entry.billedSec += seconds;
    entry.sixtieths += charge;
    bands.set(span.band, entry);
  }
  return { billedSec: position, sixtieths, bands: [...bands.values()] };
}

function intervalAt(intervals: readonly PriceInterval[], position: number) {
  let index = 0;
  while (index + 1 < intervals.length && (intervals[index + 1] as PriceInterval).fromSec <= position) index++;
  const next = intervals[index + 1];
  return { interval: intervals[index] as PriceInterval, endSec: next ? next.fromSec : Infinity };
}
