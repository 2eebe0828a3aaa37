import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DESTINATION_CLASSES } from '../domain/destination-class.js';
import { planProblems } from '../rating/plan-rules.js';
import type { PriceInterval, Rate, TimeBand, Weekday } from '../rating/tariff-plan.js';
import { parseTariffFile, serializeTariffFile, type TariffFile } from './tariff-file.js';

/** Any amount, up to the largest that micro-units hold exactly. */
const amount = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(0, 1, 10_000, 1_000_000, 12_500),
);

const intervalsArb: fc.Arbitrary<PriceInterval[]> = fc.oneof(
  // Shaped like the shorthands ("60/60", "30/6", "60/1"), so that the serializer writes them so.
  fc
    .tuple(fc.constantFrom(1, 6, 30, 60), fc.constantFrom(1, 6, 30, 60), amount)
    .map(([first, next, price]) =>
      first === next
        ? [{ fromSec: 0, incrementSec: first, pricePerMinute: price }]
        : [
            { fromSec: 0, incrementSec: first, pricePerMinute: price },
            { fromSec: first, incrementSec: next, pricePerMinute: price },
          ],
    ),
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 5 }), amount), {
      minLength: 1,
      maxLength: 4,
    })
    .map((steps) => {
      let fromSec = 0;
      return steps.map(([incrementSec, blocks, pricePerMinute]) => {
        const interval = { fromSec, incrementSec, pricePerMinute };
        fromSec += incrementSec * blocks;
        return interval;
      });
    }),
);

const time = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
  fc.constant('24:00'),
);

/** Names people give bands, and names YAML must quote (numbers, booleans, punctuation, spaces). */
const bandName = fc.oneof(
  fc.constantFrom('peak', 'offpeak', 'weekend', 'night', 'true', '1', 'a: b', ' spaced ', '#x', 'fascia-1'),
  fc.string({ minLength: 1, maxLength: 8 }).filter((name) => name.trim() !== ''),
);

const bandsArb: fc.Arbitrary<TimeBand[]> = fc.uniqueArray(
  fc.record({
    name: bandName,
    weekdays: fc.array(fc.integer({ min: 1, max: 7 }) as fc.Arbitrary<Weekday>, {
      minLength: 1,
      maxLength: 9,
    }),
    from: time,
    to: time,
  }),
  { maxLength: 4, selector: (band) => band.name },
);

const matchArb = fc.oneof(
  fc
    .stringMatching(/^[1-9]\d{0,14}$/)
    .map(
      (prefix) =>
        ({ prefix, destClass: null, country: null }) as Pick<Rate, 'prefix' | 'destClass' | 'country'>,
    ),
  fc
    .record({
      destClass: fc.constantFrom(...DESTINATION_CLASSES),
      country: fc.option(fc.stringMatching(/^[A-Z]{2}$/), { nil: null }),
    })
    .map(({ destClass, country }) => ({ prefix: null, destClass, country })),
);

const rateArb = (bandNames: readonly string[]): fc.Arbitrary<Rate> =>
  fc
    .record({
      match: matchArb,
      label: fc.oneof(
        fc.constant(''),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 10, unit: 'grapheme' }),
        fc.constantFrom('Italia; mobile', '39', 'null', 'Città del Vaticano', '  # not a comment', 'a\nb'),
      ),
      connectFee: amount,
      intervals: intervalsArb,
      bandIntervals: fc.dictionary(fc.constantFrom(...bandNames, 'unused'), intervalsArb, { maxKeys: 3 }),
      minCharge: amount,
      maxCost: fc.option(amount, { nil: null }),
      unansweredCharge: amount,
    })
    .map(({ match, bandIntervals, minCharge, maxCost, ...rest }) => ({
      ...match,
      ...rest,
      bandIntervals: Object.fromEntries(
        Object.entries(bandIntervals).filter(([band]) => bandNames.includes(band)),
      ),
      minCharge,
      maxCost: maxCost === null ? null : Math.max(maxCost, minCharge),
    }));

const keyOf = (rate: Rate) =>
  rate.prefix !== null ? `p${rate.prefix}` : `c${rate.destClass}|${rate.country}`;

/** fast-check may build objects without a prototype; the parser builds plain ones. */
const plainObjects = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const tariffArb: fc.Arbitrary<TariffFile> = bandsArb.chain((timeBands) =>
  fc
    .record({
      carrier: fc.record({
        code: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/),
        name: fc.string({ minLength: 1, maxLength: 30 }).filter((name) => name.trim() !== ''),
      }),
      plan: fc.record({
        name: fc.string({ minLength: 1, maxLength: 30 }).filter((name) => name.trim() !== ''),
        currency: fc.stringMatching(/^[A-Z]{3}$/),
        activeFrom: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        timeBands: fc.constant(timeBands),
        rounding: fc.record({
          decimals: fc.integer({ min: 0, max: 6 }),
          method: fc.constantFrom('up' as const, 'down' as const, 'half-up' as const),
        }),
        rates: fc.uniqueArray(rateArb(timeBands.map((band) => band.name)), {
          minLength: 1,
          maxLength: 6,
          selector: keyOf,
        }),
      }),
    })
    .map(plainObjects),
);

/** Activation instants a zone writes as a date: local midnights. */
const midnightArb = fc.integer({ min: 7_300, max: 47_000 }).map((day) => day * 86_400_000);

describe('tariff file round trip', () => {
  it('reads back every valid plan it writes, deep-equal, in any time zone', () => {
    fc.assert(
      fc.property(
        tariffArb,
        fc.constantFrom(
          undefined,
          'UTC',
          'Europe/Rome',
          'America/Santiago',
          'Asia/Kolkata',
          'Pacific/Chatham',
        ),
        (tariff, timeZone) => {
          expect(planProblems(tariff.plan)).toEqual([]);
          const text = serializeTariffFile(tariff, timeZone === undefined ? {} : { timeZone });
          expect(parseTariffFile(text)).toStrictEqual(tariff);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('writes plans starting at midnight UTC with a plain date', () => {
    fc.assert(
      fc.property(tariffArb, midnightArb, (tariff, activeFrom) => {
        const plan = { ...tariff.plan, activeFrom };
        const text = serializeTariffFile({ ...tariff, plan });
        expect(text).toMatch(/^activeFrom: \d{4}-\d{2}-\d{2}$/m);
        expect(parseTariffFile(text).plan).toStrictEqual(plan);
      }),
      { numRuns: 100 },
    );
  });
});
