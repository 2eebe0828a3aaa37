import type { PriceInterval, Rate } from '../admin-types';

/**
 * Formats rate amounts in a currency with all the decimals a tariff has (up to six): a rate of
 * 0.0125 a minute must not show as 0.01.
 */
export function rateMoneyFormat(locale: string, currency: string): (micro: number) => string {
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 6 });
  } catch {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  }
  return (micro) => format.format(micro / 1_000_000);
}

/** What a rate matches, as the rates table shows it: `+39`, or `mobile · IT`. */
export function rateMatchText(rate: Rate): string {
  if (rate.prefix !== null) return `+${rate.prefix}`;
  return [rate.destClass, rate.country].filter(Boolean).join(' · ');
}

/** Price intervals in a line: `0,02 €/min · 60 s`, then `from 60 s: 0,01 €/min · 1 s`. */
export function intervalsText(
  intervals: readonly PriceInterval[],
  money: (micro: number) => string,
  words: { perMinute: string; from: (sec: number) => string },
): string {
  return intervals
    .map((interval) => {
      const price = `${money(interval.pricePerMinute)}${words.perMinute} · ${interval.incrementSec} s`;
      return interval.fromSec === 0 ? price : `${words.from(interval.fromSec)} ${price}`;
    })
    .join('; ');
}
