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
 * `timeline` spans are instants (epoch ms); talk time starts at `answeredAt`.
 */
export function usageCharge(
  rate: Rate,
  answeredAt: number,
  durationSec: number,
  timeline: readonly BandSpan[],
): UsageCharge {
  const bands: BandCharge[] = [];
  let position = 0;
  let sixtieths = 0;
  let spanIndex = 0;
  const lastSpan = timeline.length - 1;
  while (position < durationSec) {
    while (spanIndex < lastSpan && (timeline[spanIndex] as BandSpan).endMs <= answeredAt + position * 1000) {
      spanIndex++;
    }
    const span = timeline[spanIndex] as BandSpan;
    const intervals = (span.band !== null && rate.bandIntervals[span.band]) || rate.intervals;
    let index = 0;
    while (index + 1 < intervals.length && (intervals[index + 1] as PriceInterval).fromSec <= position)
      index++;
    const interval = intervals[index] as PriceInterval;
    const intervalEnd =
      index + 1 < intervals.length ? (intervals[index + 1] as PriceInterval).fromSec : Infinity;
    const spanEnd = spanIndex < lastSpan ? Math.ceil((span.endMs - answeredAt) / 1000) : Infinity;
    const limit = Math.min(durationSec, intervalEnd, spanEnd);
    const seconds = Math.ceil((limit - position) / interval.incrementSec) * interval.incrementSec;
    const charge = seconds * interval.pricePerMinute;
    position += seconds;
    sixtieths += charge;
    let entry = bands.find((candidate) => candidate.band === span.band);
    if (entry === undefined) {
      entry = { band: span.band, billedSec: 0, sixtieths: 0 };
      bands.push(entry);
    }
    entry.billedSec += seconds;
    entry.sixtieths += charge;
  }
  return { billedSec: position, sixtieths, bands };
}
