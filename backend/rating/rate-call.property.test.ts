import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ZoneClock } from '../domain/zone-clock.js';
import { compileTariff } from './compiled-tariff.js';
import { planProblems } from './plan-rules.js';
import { rateCall, type RatingCall } from './rate-call.js';
import type { PriceInterval, Rate, TariffPlan, TimeBand, Weekday } from './tariff-plan.js';
import { testPlan, testRate } from './test-plans.js';

const zones = ['Europe/Rome', 'Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
const clocks = new Map(zones.map((zone) => [zone, new ZoneClock(zone)]));
const clockOf = (zone: string) => clocks.get(zone) as ZoneClock;

const price = fc.integer({ min: 0, max: 2_000_000 });
const increment = fc.constantFrom(1, 6, 10, 30, 60);

const intervalsArb: fc.Arbitrary<PriceInterval[]> = fc
  .array(fc.tuple(increment, fc.integer({ min: 1, max: 5 }), price), { minLength: 1, maxLength: 3 })
  .map((steps) => {
    let fromSec = 0;
    return steps.map(([incrementSec, blocks, pricePerMinute]) => {
      const interval = { fromSec, incrementSec, pricePerMinute };
      fromSec += incrementSec * blocks;
      return interval;
    });
  });

const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const bandsArb: fc.Arbitrary<TimeBand[]> = fc
  .uniqueArray(
    fc.record({
      name: fc.constantFrom('peak', 'offpeak', 'weekend', 'night'),
      weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>, {
        minLength: 1,
        maxLength: 7,
      }),
      from: time,
      to: time,
    }),
    { maxLength: 3, selector: (band) => band.name },
  )
  .filter((bands) => bands.every((band) => band.from !== band.to));

const planArb: fc.Arbitrary<TariffPlan> = fc
  .record({
    intervals: intervalsArb,
    bands: bandsArb,
    bandPrices: fc.array(intervalsArb, { minLength: 3, maxLength: 3 }),
    connectFee: fc.integer({ min: 0, max: 100_000 }),
    minCharge: fc.integer({ min: 0, max: 100_000 }),
    maxCost: fc.option(fc.integer({ min: 100_000, max: 50_000_000 }), { nil: null }),
    decimals: fc.integer({ min: 0, max: 6 }),
    method: fc.constantFrom('up' as const, 'down' as const, 'half-up' as const),
  })
  .map((p) => {
    const bandIntervals: Rate['bandIntervals'] = {};
    p.bands.forEach((band, i) => {
      if (i < p.bandPrices.length) bandIntervals[band.name] = p.bandPrices[i] as PriceInterval[];
    });
    return testPlan(
      [
        testRate({
          prefix: '39',
          intervals: p.intervals,
          bandIntervals,
          connectFee: p.connectFee,
          minCharge: p.minCharge,
          maxCost: p.maxCost,
        }),
      ],
      { timeBands: p.bands, rounding: { decimals: p.decimals, method: p.method } },
    );
  });

const startArb = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => ms - (ms % 1000));

function answeredCall(startedAt: number, durationSec: number): RatingCall {
  return {
    startedAt,
    answeredAt: startedAt,
    answered: true,
    durationSec,
    number: '+390212345678',
    destClass: 'national',
    country: 'IT',
  };
}

function cost(plan: TariffPlan, zone: string, call: RatingCall): number {
  const result = rateCall(call, [compileTariff(plan)], clockOf(zone));
  if (result.status !== 'rated') throw new Error(result.detail);
  return result.cost;
}

describe('rating properties', () => {
  it('generates only valid plans', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(planProblems(plan)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('gives an integer, non-negative cost within the maximum', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.constantFrom(...zones),
        startArb,
        fc.integer({ min: 0, max: 20_000 }),
        (plan, zone, start, duration) => {
          const value = cost(plan, zone, answeredCall(start, duration));
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
          const maxCost = plan.rates[0]?.maxCost;
          if (maxCost != null) expect(value).toBeLessThanOrEqual(maxCost);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('never lowers the cost as the duration grows', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.constantFrom(...zones),
        startArb,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (plan, zone, start, shorter, extra) => {
          const short = cost(plan, zone, answeredCall(start, shorter));
          const long = cost(plan, zone, answeredCall(start, shorter + extra));
          expect(long).toBeGreaterThanOrEqual(short);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('charges a call split across a band boundary the sum of its parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 3_650 }),
        time,
        increment,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 7_200 }),
        fc.integer({ min: 0, max: 5_000 }).map((p) => p * 60),
        fc.integer({ min: 0, max: 5_000 }).map((p) => p * 60),
        (zone, dayOffset, edge, inc, blocksBefore, after, priceOutside, priceInside) => {
          const [hour, minute] = edge.split(':').map(Number) as [number, number];
          const local = DateTime.fromObject({ year: 2021, month: 1, day: 1, hour, minute }, { zone }).plus({
            days: dayOffset,
          });
          fc.pre(local.hour === hour && local.minute === minute); // the wall time exists that day
          fc.pre(local.minus({ hours: 1 }).offset === local.plus({ hours: 1 }).offset); // and is unambiguous
          const boundary = local.toMillis();
          const endHour = (hour + 6) % 24;
          const plan = testPlan(
            [
              testRate({
                prefix: '39',
                intervals: [{ fromSec: 0, incrementSec: inc, pricePerMinute: priceOutside }],
                bandIntervals: { inside: [{ fromSec: 0, incrementSec: inc, pricePerMinute: priceInside }] },
              }),
            ],
            {
              timeBands: [
                {
                  name: 'inside',
                  weekdays: [1, 2, 3, 4, 5, 6, 7],
                  from: edge,
                  to: `${String(endHour).padStart(2, '0')}:${edge.slice(3)}`,
                },
              ],
            },
          );
          const before = blocksBefore * inc;
          const whole = cost(plan, zone, answeredCall(boundary - before * 1000, before + after));
          const firstPart = cost(plan, zone, answeredCall(boundary - before * 1000, before));
          const secondPart = cost(plan, zone, answeredCall(boundary, after));
          expect(whole).toBe(firstPart + secondPart);
          // and each part is priced at its own band
          expect(firstPart).toBe((before * priceOutside) / 60);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('costs the same with bands whose prices equal the default', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.constantFrom(...zones),
        startArb,
        fc.integer({ min: 0, max: 10_000 }),
        (plan, zone, start, duration) => {
          const rate = plan.rates[0] as Rate;
          const sameEverywhere = {
            ...plan,
            rates: [
              {
                ...rate,
                bandIntervals: Object.fromEntries(plan.timeBands.map((b) => [b.name, rate.intervals])),
              },
            ],
          };
          const noBands = { ...plan, timeBands: [], rates: [{ ...rate, bandIntervals: {} }] };
          expect(cost(sameEverywhere, zone, answeredCall(start, duration))).toBe(
            cost(noBands, zone, answeredCall(start, duration)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
