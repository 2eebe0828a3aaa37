import { describe, expect, it } from 'vitest';
import { planProblems } from './plan-rules.js';
import { increments, testPlan, testRate } from './test-plans.js';

describe('planProblems', () => {
  it('accepts a sound plan', () => {
    expect(
      planProblems(testPlan([testRate({ prefix: '39', intervals: increments('30/6', '0.1') })])),
    ).toEqual([]);
  });

  it('names each problem and where it is', () => {
    const plan = testPlan(
      [
        testRate({ prefix: '+39', label: 'Italy', intervals: increments('60/60', '0.1') }),
        testRate({
          prefix: '44',
          label: 'UK',
          intervals: [
            { fromSec: 0, incrementSec: 60, pricePerMinute: 1 },
            { fromSec: 90, incrementSec: 1, pricePerMinute: 1 },
          ],
        }),
        testRate({
          prefix: '44',
          label: 'UK again',
          intervals: increments('1/1', '0.1'),
          bandIntervals: { peak: increments('1/1', '0.2') },
        }),
        testRate({ prefix: '33', label: 'France', intervals: [], minCharge: 5, maxCost: 1 }),
      ],
      {
        currency: 'euro',
        rounding: { decimals: 7, method: 'up' },
        timeBands: [{ name: 'x', weekdays: [], from: '25:00', to: '08:00' }],
      },
    );
    expect(planProblems(plan)).toEqual([
      'currency "euro" is not an ISO 4217 code',
      'rounding decimals must be 0 to 6, not 7',
      'time band "x": "25:00" is not HH:MM',
      'time band "x" has no weekdays',
      'rate 1 (Italy): prefix "+39" must be 1 to 15 digits (E.164 without +)',
      'rate 2 (UK): interval 1: its length 90s is not a multiple of its 60s increment',
      'rate 3 (UK again): another rate already matches 44',
      'rate 3 (UK again): prices for unknown time band "peak"',
      'rate 4 (France): maximum cost is below the minimum charge',
      'rate 4 (France): no price intervals',
    ]);
  });
});
