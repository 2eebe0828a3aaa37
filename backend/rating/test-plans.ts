import { parseMoney } from '../domain/money.js';
import type { PriceInterval, Rate, TariffPlan } from './tariff-plan.js';

/** Intervals from the carriers' shorthand: "60/60", "30/6", "1/1" at one price per minute. */
export function increments(shorthand: string, pricePerMinute: string): PriceInterval[] {
  const [first, next] = shorthand.split('/').map(Number) as [number, number];
  const price = parseMoney(pricePerMinute);
  return first === next
    ? [{ fromSec: 0, incrementSec: first, pricePerMinute: price }]
    : [
        { fromSec: 0, incrementSec: first, pricePerMinute: price },
        { fromSec: first, incrementSec: next, pricePerMinute: price },
      ];
}

/** A rate with no fees, limits or bands unless given. */
export function testRate(fields: Partial<Rate> & Pick<Rate, 'intervals'>): Rate {
  return {
    prefix: null,
    destClass: null,
    country: null,
    label: fields.prefix ?? fields.destClass ?? 'rate',
    connectFee: 0,
    bandIntervals: {},
    minCharge: 0,
    maxCost: null,
    unansweredCharge: 0,
    ...fields,
  };
}

/** A plan active since 2020 with micro-unit rounding unless given. */
export function testPlan(rates: Rate[], fields: Partial<TariffPlan> = {}): TariffPlan {
  return {
    id: 1,
    name: 'Test plan',
    currency: 'EUR',
    activeFrom: Date.UTC(2020, 0, 1),
    timeBands: [],
    rounding: { decimals: 6, method: 'half-up' },
    rates,
    ...fields,
  };
}
