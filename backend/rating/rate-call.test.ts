import { describe, expect, it } from 'vitest';
import { parseMoney } from '../domain/money.js';
import { ZoneClock } from '../domain/zone-clock.js';
import { compileTariff } from './compiled-tariff.js';
import { rateCall, type RatingCall, type RatingResult } from './rate-call.js';
import type { TariffPlan } from './tariff-plan.js';
import { increments, testPlan, testRate } from './test-plans.js';

const rome = new ZoneClock('Europe/Rome');
const eur = parseMoney;

function call(fields: Partial<RatingCall> & { at?: string } = {}): RatingCall {
  const start = Date.parse(fields.at ?? '2026-01-14T10:00:00Z');
  return {
    startedAt: start,
    answeredAt: start,
    answered: true,
    durationSec: 60,
    number: '+390212345678',
    destClass: 'national',
    country: 'IT',
    ...fields,
  };
}

function rate(plans: TariffPlan | TariffPlan[], input: RatingCall, clock = rome): RatingResult {
  return rateCall(input, (Array.isArray(plans) ? plans : [plans]).map(compileTariff), clock);
}

function costOf(result: RatingResult): number {
  if (result.status !== 'rated')
    throw new Error(`expected a rated call, got ${result.reason}: ${result.detail}`);
  return result.cost;
}

describe('finding the rate', () => {
  const plan = testPlan([
    testRate({ prefix: '39', label: 'Italy', intervals: increments('60/60', '0.02') }),
    testRate({ prefix: '393', label: 'Italy mobile', intervals: increments('60/60', '0.12') }),
    testRate({ prefix: '44', label: 'United Kingdom', intervals: increments('60/60', '0.05') }),
    testRate({
      destClass: 'tollfree',
      country: 'IT',
      label: 'Numero verde',
      intervals: increments('1/1', '0'),
    }),
    testRate({
      destClass: 'premium',
      country: null,
      label: 'Premium anywhere',
      intervals: increments('1/1', '1.5'),
    }),
  ]);

  it('takes the longest matching prefix', () => {
    const mobile = rate(plan, call({ number: '+393331234567' }));
    expect(mobile).toMatchObject({
      status: 'rated',
      rateLabel: 'Italy mobile',
      matchedBy: 'prefix',
      cost: eur('0.12'),
    });
    const fixed = rate(plan, call({ number: '+390212345678' }));
    expect(fixed).toMatchObject({ rateLabel: 'Italy', cost: eur('0.02') });
  });

  it('falls back to destination class and country, then class for any country', () => {
    const tollfree = rate(plan, call({ number: null, destClass: 'tollfree', country: 'IT' }));
    expect(tollfree).toMatchObject({ rateLabel: 'Numero verde', matchedBy: 'class', cost: 0 });
    const premium = rate(plan, call({ number: null, destClass: 'premium', country: 'DE', durationSec: 120 }));
    expect(premium).toMatchObject({ rateLabel: 'Premium anywhere', cost: eur('3') });
  });

  it('stores an unmatched call as unrated with the reason', () => {
    const result = rate(plan, call({ number: '+33123456789', destClass: 'international', country: 'FR' }));
    expect(result).toEqual({
      status: 'unrated',
      reason: 'no-rate',
      detail: 'plan "Test plan" has no rate for +33123456789 (FR)',
    });
  });
});

describe('price intervals', () => {
  const at = (shorthand: string, price: string, seconds: number, extra = {}) =>
    costOf(
      rate(
        testPlan([testRate({ prefix: '39', intervals: increments(shorthand, price), ...extra })]),
        call({ durationSec: seconds }),
      ),
    );

  it('bills 60/60 by the started minute', () => {
    expect(at('60/60', '0.10', 1)).toBe(eur('0.10'));
    expect(at('60/60', '0.10', 60)).toBe(eur('0.10'));
    expect(at('60/60', '0.10', 61)).toBe(eur('0.20'));
  });

  it('bills 30/6: a first block of 30 seconds, then blocks of 6', () => {
    // 31 s -> 30 + 6 = 36 s at 0.12/min = 0.072
    expect(at('30/6', '0.12', 31)).toBe(eur('0.072'));
    expect(at('30/6', '0.12', 12)).toBe(eur('0.06'));
  });

  it('bills 1/1 by the second', () => {
    expect(at('1/1', '0.06', 61)).toBe(eur('0.061'));
  });

  it('bills the first minute whole, then by the second', () => {
    expect(at('60/1', '0.10', 10)).toBe(eur('0.10'));
    expect(at('60/1', '0.10', 75)).toBe(eur('0.125'));
  });

  it('prices intervals differently: first minute dearer than the rest', () => {
    const plan = testPlan([
      testRate({
        prefix: '39',
        intervals: [
          { fromSec: 0, incrementSec: 60, pricePerMinute: eur('0.20') },
          { fromSec: 60, incrementSec: 30, pricePerMinute: eur('0.10') },
        ],
      }),
    ]);
    // 60 s at 0.20 + 2 x 30 s at 0.10 = 0.20 + 0.10
    expect(costOf(rate(plan, call({ durationSec: 100 })))).toBe(eur('0.30'));
  });

  it('adds the connect fee to every answered call', () => {
    expect(at('60/60', '0.10', 61, { connectFee: eur('0.05') })).toBe(eur('0.25'));
    expect(at('60/60', '0.10', 0, { connectFee: eur('0.05') })).toBe(eur('0.05'));
  });

  it('raises a short call to the minimum charge', () => {
    expect(at('1/1', '0.02', 5, { minCharge: eur('0.03') })).toBe(eur('0.03'));
    expect(at('1/1', '0.02', 600, { minCharge: eur('0.03') })).toBe(eur('0.2'));
  });

  it('caps a long call at the maximum cost', () => {
    expect(at('60/60', '0.10', 7_200, { maxCost: eur('5') })).toBe(eur('5'));
  });
});

describe('unanswered calls', () => {
  it('cost nothing unless the rate says otherwise', () => {
    const unanswered = call({ answered: false, answeredAt: null, durationSec: 0 });
    const free = testPlan([
      testRate({ prefix: '39', connectFee: eur('0.05'), intervals: increments('60/60', '0.1') }),
    ]);
    expect(rate(free, unanswered)).toMatchObject({ status: 'rated', cost: 0, billedSec: 0 });
    const charged = testPlan([
      testRate({ prefix: '39', unansweredCharge: eur('0.01'), intervals: increments('60/60', '0.1') }),
    ]);
    expect(costOf(rate(charged, unanswered))).toBe(eur('0.01'));
  });
});

describe('rounding', () => {
  const plan = (decimals: number, method: 'up' | 'down' | 'half-up') =>
    testPlan([testRate({ prefix: '39', intervals: increments('1/1', '0.06') })], {
      rounding: { decimals, method },
    });

  it('rounds up, down or half-up to the plan decimals', () => {
    // 61 s at 0.06/min = 0.061
    expect(costOf(rate(plan(2, 'up'), call({ durationSec: 61 })))).toBe(eur('0.07'));
    expect(costOf(rate(plan(2, 'down'), call({ durationSec: 61 })))).toBe(eur('0.06'));
    expect(costOf(rate(plan(2, 'half-up'), call({ durationSec: 61 })))).toBe(eur('0.06'));
    // 65 s = 0.065: the half goes up
    expect(costOf(rate(plan(2, 'half-up'), call({ durationSec: 65 })))).toBe(eur('0.07'));
    expect(costOf(rate(plan(0, 'up'), call({ durationSec: 1 })))).toBe(eur('1'));
  });

  it('keeps fractions of a micro-unit exact until the final rounding', () => {
    // 0.000001/min for 30 s is half a micro-unit: half-up gives 1, down gives 0
    const tiny = (method: 'down' | 'half-up') =>
      testPlan([testRate({ prefix: '39', intervals: increments('1/1', '0.000001') })], {
        rounding: { decimals: 6, method },
      });
    expect(costOf(rate(tiny('half-up'), call({ durationSec: 30 })))).toBe(1);
    expect(costOf(rate(tiny('down'), call({ durationSec: 30 })))).toBe(0);
  });
});

describe('time bands in the site time zone', () => {
  const banded = testPlan(
    [
      testRate({
        prefix: '39',
        intervals: increments('60/60', '0.04'),
        bandIntervals: { peak: increments('60/60', '0.10'), weekend: increments('60/60', '0.01') },
      }),
    ],
    {
      timeBands: [
        { name: 'peak', weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' },
        { name: 'weekend', weekdays: [6, 7], from: '00:00', to: '24:00' },
      ],
    },
  );

  it('splits a call that crosses the end of peak', () => {
    // Wednesday 17:58 in Rome (CET) is 16:58 UTC: 2 minutes peak, 2 off-peak.
    const result = rate(banded, call({ at: '2026-01-14T16:58:00Z', durationSec: 240 }));
    expect(costOf(result)).toBe(eur('0.28'));
    expect(result).toMatchObject({
      bands: [
        { band: 'peak', billedSec: 120, amount: eur('0.20') },
        { band: null, billedSec: 120, amount: eur('0.08') },
      ],
    });
  });

  it('reads the band in the site zone, not in UTC', () => {
    // 17:30 UTC is 18:30 in Rome: off-peak there, though UTC says peak hours.
    expect(costOf(rate(banded, call({ at: '2026-01-14T17:30:00Z', durationSec: 60 })))).toBe(eur('0.04'));
    const newYork = new ZoneClock('America/New_York');
    // 17:30 UTC is 12:30 in New York: peak.
    expect(costOf(rate(banded, call({ at: '2026-01-14T17:30:00Z', durationSec: 60 }), newYork))).toBe(
      eur('0.10'),
    );
  });

  it('splits at midnight into the weekend', () => {
    // Friday 23:59 CET = 22:59 UTC; 3 minutes: 1 off-peak, then 2 weekend.
    expect(costOf(rate(banded, call({ at: '2026-01-16T22:59:00Z', durationSec: 180 })))).toBe(eur('0.06'));
  });

  it('follows the summer-time change: 08:00 is 06:00 UTC after it', () => {
    // Monday 30 March 2026, the day after Italy moved to CEST: 07:58 local = 05:58 UTC.
    const result = rate(banded, call({ at: '2026-03-30T05:58:00Z', durationSec: 240 }));
    expect(costOf(result)).toBe(eur('0.28'));
  });

  it('cuts a call that spans the night of a clock change at the right instant', () => {
    const night = testPlan(
      [
        testRate({
          prefix: '39',
          intervals: increments('60/60', '0.05'),
          bandIntervals: { night: increments('60/60', '0.01') },
        }),
      ],
      { timeBands: [{ name: 'night', weekdays: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '06:00' }] },
    );
    // Sunday 29 March 2026: 05:58 CEST is 03:58 UTC (a fixed +1 offset would put 06:00 at 05:00 UTC).
    expect(costOf(rate(night, call({ at: '2026-03-29T03:58:00Z', durationSec: 240 })))).toBe(eur('0.12'));
    // Sunday 25 October 2026: back to CET, 06:00 local is 05:00 UTC.
    expect(costOf(rate(night, call({ at: '2026-10-25T04:58:00Z', durationSec: 240 })))).toBe(eur('0.12'));
    // A band on the hour that does not exist (02:00-03:00 on 29 March) is never in force.
    const skipped = testPlan(
      [
        testRate({
          prefix: '39',
          intervals: increments('60/60', '0.05'),
          bandIntervals: { odd: increments('60/60', '9') },
        }),
      ],
      { timeBands: [{ name: 'odd', weekdays: [7], from: '02:00', to: '03:00' }] },
    );
    expect(costOf(rate(skipped, call({ at: '2026-03-29T00:55:00Z', durationSec: 600 })))).toBe(eur('0.50'));
  });
});

describe('plan in force', () => {
  const old = testPlan([testRate({ prefix: '39', intervals: increments('60/60', '0.05') })], {
    id: 1,
    name: '2025',
    activeFrom: Date.UTC(2025, 0, 1),
  });
  const current = testPlan([testRate({ prefix: '39', intervals: increments('60/60', '0.03') })], {
    id: 2,
    name: '2026',
    activeFrom: Date.UTC(2026, 0, 1),
  });

  it('uses the plan active when the call started', () => {
    expect(rate([current, old], call({ at: '2025-12-31T23:59:30Z' }))).toMatchObject({
      planName: '2025',
      cost: eur('0.05'),
    });
    expect(rate([current, old], call({ at: '2026-01-01T00:00:00Z' }))).toMatchObject({
      planName: '2026',
      cost: eur('0.03'),
    });
  });

  it('leaves a call before every plan unrated', () => {
    expect(rate([current, old], call({ at: '2024-06-01T10:00:00Z' }))).toMatchObject({
      status: 'unrated',
      reason: 'no-plan',
    });
  });
});
