import type { DemoSite, WorkKind } from './demo-company.js';
import type { DialledKind } from './number-patterns.js';
import { isPublicHoliday } from './public-holidays.js';
import { SeededRandom } from './seeded-random.js';

/** How much, and whom, a person of some kind of work calls on an ordinary business day. */
export interface CallingProfile {
  /** Calls made to outside numbers per business day. */
  outbound: number;
  /** Calls received on their direct number per business day (people without one get none). */
  inbound: number;
  /** Calls made to colleagues per business day. */
  internal: number;
  /** Relative weights of what outside calls go to. */
  mix: Readonly<Record<DialledKind, number>>;
  /** Median talk time of calls they receive, in seconds. */
  inboundTalkSec: number;
}

const mix = (
  local: number,
  national: number,
  mobile: number,
  international: number,
  tollfree: number,
  premium: number,
): Record<DialledKind, number> => ({ local, national, mobile, international, tollfree, premium });

/**
 * Calling habits per kind of work: sales and purchasing dial out, customer service and reception
 * mostly answer, export sales and purchasing call abroad, IT calls vendors' free support lines.
 */
export const CALLING_PROFILES: Readonly<Record<WorkKind, CallingProfile>> = {
  management: {
    outbound: 2.8,
    inbound: 1.6,
    internal: 3.2,
    mix: mix(15, 25, 35, 22, 2, 1),
    inboundTalkSec: 180,
  },
  sales: { outbound: 4, inbound: 2, internal: 1.6, mix: mix(25, 30, 38, 4, 2.5, 0.5), inboundTalkSec: 150 },
  export: { outbound: 3.6, inbound: 1.6, internal: 1.6, mix: mix(10, 12, 18, 57, 2, 1), inboundTalkSec: 170 },
  marketing: {
    outbound: 1.6,
    inbound: 0.8,
    internal: 2,
    mix: mix(25, 30, 30, 10, 4, 1),
    inboundTalkSec: 120,
  },
  service: {
    outbound: 2,
    inbound: 5.2,
    internal: 1.2,
    mix: mix(30, 30, 33, 3, 3.5, 0.5),
    inboundTalkSec: 210,
  },
  finance: { outbound: 2, inbound: 0.8, internal: 1.6, mix: mix(35, 35, 15, 5, 9, 1), inboundTalkSec: 140 },
  it: { outbound: 0.8, inbound: 0.4, internal: 3.2, mix: mix(15, 20, 35, 10, 19, 1), inboundTalkSec: 120 },
  logistics: {
    outbound: 3.2,
    inbound: 1.6,
    internal: 1.6,
    mix: mix(20, 35, 35, 8, 2, 0),
    inboundTalkSec: 100,
  },
  purchasing: {
    outbound: 3.6,
    inbound: 1.6,
    internal: 1.2,
    mix: mix(15, 30, 22, 30, 3, 0),
    inboundTalkSec: 150,
  },
  hr: { outbound: 1.2, inbound: 0.8, internal: 1.6, mix: mix(30, 30, 30, 2, 7, 1), inboundTalkSec: 160 },
  reception: { outbound: 1.6, inbound: 16, internal: 5.6, mix: mix(35, 25, 30, 5, 4, 1), inboundTalkSec: 45 },
};

/** Median talk time, in seconds, of outside calls by what they go to. */
export const OUTBOUND_TALK_SEC: Readonly<Record<DialledKind, number>> = {
  local: 95,
  national: 100,
  mobile: 75,
  international: 190,
  tollfree: 260,
  premium: 140,
};

/** Median talk time of calls between colleagues, in seconds. */
export const INTERNAL_TALK_SEC = 65;

// Share of a business day's calls in each local hour. Italy lunches 13-14, the UK 12-13 and
// goes home earlier; nights are nearly silent but not empty (on-call, other time zones).
const HOURLY: Readonly<Record<string, readonly number[]>> = {
  IT: [
    0.001, 0.0006, 0.0005, 0.0005, 0.0005, 0.001, 0.003, 0.012, 0.055, 0.115, 0.135, 0.125, 0.07, 0.04, 0.095,
    0.12, 0.11, 0.075, 0.03, 0.01, 0.004, 0.002, 0.0015, 0.001,
  ],
  GB: [
    0.001, 0.0006, 0.0005, 0.0005, 0.0005, 0.001, 0.003, 0.015, 0.065, 0.125, 0.135, 0.12, 0.055, 0.07, 0.11,
    0.12, 0.1, 0.055, 0.02, 0.007, 0.004, 0.002, 0.0015, 0.001,
  ],
};

/** The share of a business day's calls that start in a local hour (0-23) at a site in `country`. */
export function hourShare(country: string, hour: number): number {
  const shares = HOURLY[country] ?? (HOURLY.GB as readonly number[]);
  let total = 0;
  for (const share of shares) total += share;
  return (shares[hour] ?? 0) / total;
}

/** Monday busiest, Friday afternoon quieter, weekends nearly empty. Index 1 = Monday … 7 = Sunday. */
const WEEKDAY_FACTOR = [0, 1.06, 1.04, 1, 0.98, 0.85, 0.06, 0.025];
const HOLIDAY_FACTOR = 0.03;

/**
 * How busy a local day is at a site compared with an ordinary Wednesday: weekday, public and local
 * holidays, the summer break (Italy's August above all) and Christmas week, plus a little
 * day-to-day noise from the seed.
 */
export function dayFactor(site: DemoSite, localDay: number, weekday: number, seed: number | string): number {
  const monthDay = localDay % 10_000;
  if (isPublicHoliday(site.holidays, localDay) || site.localHolidays.includes(monthDay))
    return HOLIDAY_FACTOR;
  let factor = WEEKDAY_FACTOR[weekday] ?? 1;
  const month = Math.floor(monthDay / 100);
  const day = monthDay % 100;
  if (month === 8) {
    if (site.dialPlan.country === 'IT') factor *= day >= 8 && day <= 24 ? 0.4 : 0.75;
    else factor *= 0.85;
  }
  if (month === 12 && day === 24) factor *= 0.4;
  if (month === 12 && day >= 27) factor *= 0.35;
  if (month === 1 && day >= 2 && day <= 5) factor *= 0.6;
  const noise = new SeededRandom('day', seed, site.code, localDay).normal();
  return factor * Math.min(1.2, Math.max(0.8, 1 + 0.06 * noise));
}
