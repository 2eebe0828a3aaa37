import { describe, expect, it } from 'vitest';
import type { Rate } from '../admin-types';
import { nextInterval, rateChangesOf, rateDraftOf } from './rate-form';

const rate: Rate = {
  id: 70,
  prefix: '39',
  destClass: null,
  country: null,
  label: 'Italia fisso',
  connectFee: 0,
  intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 12_500 }],
  bandIntervals: { weekend: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 5_000 }] },
  minCharge: 0,
  maxCost: null,
  unansweredCharge: 0,
};

describe('the rate form', () => {
  it('shows amounts as plain decimals and a group per time band of the plan', () => {
    const draft = rateDraftOf(rate, ['peak', 'weekend']);
    expect(draft.intervals).toEqual([{ fromSec: '0', incrementSec: '60', pricePerMinute: '0.0125' }]);
    expect(draft.bands).toEqual({
      peak: null,
      weekend: [{ fromSec: '0', incrementSec: '60', pricePerMinute: '0.005' }],
    });
    expect(draft.maxCost).toBe('');
  });

  it('sends only what changed, amounts in micro-units whichever decimal mark was typed', () => {
    const draft = rateDraftOf(rate, ['peak', 'weekend']);
    expect(rateChangesOf(rate, draft)).toEqual({ ok: true, changes: {} });
    const changed = rateChangesOf(rate, {
      ...draft,
      intervals: [{ ...draft.intervals[0]!, pricePerMinute: '0,03' }],
      maxCost: '1.5',
    });
    expect(changed).toEqual({
      ok: true,
      changes: { intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 30_000 }], maxCost: 1_500_000 },
    });
  });

  it('gives a band its own prices, or takes them away', () => {
    const draft = rateDraftOf(rate, ['peak', 'weekend']);
    const own = rateChangesOf(rate, {
      ...draft,
      bands: { peak: [{ fromSec: '0', incrementSec: '1', pricePerMinute: '0.02' }], weekend: null },
    });
    expect(own).toEqual({
      ok: true,
      changes: { bandIntervals: { peak: [{ fromSec: 0, incrementSec: 1, pricePerMinute: 20_000 }] } },
    });
  });

  it('names every field it cannot read', () => {
    const draft = rateDraftOf(rate, []);
    const read = rateChangesOf(rate, {
      ...draft,
      connectFee: '-1',
      minCharge: '0.5',
      maxCost: '0.1',
      intervals: [
        { fromSec: '0', incrementSec: '0', pricePerMinute: '0.0000001' },
        { fromSec: '0', incrementSec: '1', pricePerMinute: '1' },
      ],
    });
    expect(read).toEqual({
      ok: false,
      problems: {
        connectFee: 'amount',
        maxCost: 'maxBelowMin',
        'intervals.0.incrementSec': 'increment',
        'intervals.0.pricePerMinute': 'amount',
        'intervals.1.fromSec': 'order',
      },
    });
  });

  it('starts a new interval where a block of the last one ends', () => {
    expect(nextInterval([{ fromSec: '0', incrementSec: '60', pricePerMinute: '0.02' }])).toEqual({
      fromSec: '60',
      incrementSec: '1',
      pricePerMinute: '0.02',
    });
  });
});
