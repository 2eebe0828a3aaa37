import type { DestinationClass } from '../domain/destination-class.js';
import type { Micro } from '../domain/money.js';

/**
 * One step of a price: from `fromSec` of talk time on, time is billed in blocks of `incrementSec`
 * at `pricePerMinute`. `60/60`, `30/6`, `1/1` and "first minute then per second" are all lists of these.
 */
export interface PriceInterval {
  fromSec: number;
  incrementSec: number;
  pricePerMinute: Micro;
}

/** How a rate is found for a call: by number prefix, or by destination class (and country). */
export type RateMatch =
  | { prefix: string; destClass?: undefined; country?: undefined }
  | { prefix?: undefined; destClass: DestinationClass; country: string | null };

/** The price of one destination within a tariff plan. */
export interface Rate {
  id?: number;
  /** E.164 digits without "+", e.g. "39" or "3933"; null when matched by class. */
  prefix: string | null;
  destClass: DestinationClass | null;
  /** ISO 3166-1 alpha-2, with destClass; null matches any country. */
  country: string | null;
  label: string;
  connectFee: Micro;
  /** Intervals used when no time band applies or the band has no prices of its own. */
  intervals: PriceInterval[];
  /** Intervals per time band name, overriding `intervals` while that band is in force. */
  bandIntervals: Record<string, PriceInterval[]>;
  minCharge: Micro;
  maxCost: Micro | null;
  /** What an unanswered call costs (usually 0). */
  unansweredCharge: Micro;
}

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/**
 * A named period of the week in the site's time zone (peak, off-peak, weekend). `from` and `to` are
 * "HH:MM"; `to` may be "24:00"; when `to` is earlier than `from` the band wraps past midnight.
 * The first band that matches wins; outside every band the rate's default intervals apply.
 */
export interface TimeBand {
  name: string;
  weekdays: Weekday[];
  from: string;
  to: string;
}

/** How a cost is rounded: to `decimals` of the currency, up, down or half-up. */
export interface Rounding {
  decimals: number;
  method: 'up' | 'down' | 'half-up';
}

/** A carrier's prices from `activeFrom` until the next plan of the same carrier starts. */
export interface TariffPlan {
  id?: number;
  carrierId?: number;
  name: string;
  currency: string;
  /** Epoch milliseconds (UTC). */
  activeFrom: number;
  timeBands: TimeBand[];
  rounding: Rounding;
  rates: Rate[];
}
