import { describe, expect, it } from 'vitest';
import type { ReportTotals, SummaryReport } from '../../api/api-types';
import { changeOf } from './kpi-change';
import { kpiFigures } from './kpi-figures';
import { trendIntervalFor } from './trend-interval';

const totals = (over: Partial<ReportTotals>): ReportTotals => ({
  calls: 0,
  answered: 0,
  talkSec: 0,
  minutes: 0,
  billedSec: 0,
  cost: [],
  ...over,
});

describe('the change of a KPI', () => {
  it('is a fraction of the previous figure, up or down', () => {
    expect(changeOf(150, 100)).toEqual({ kind: 'up', fraction: 0.5 });
    expect(changeOf(75, 100)).toEqual({ kind: 'down', fraction: 0.25 });
    expect(changeOf(0, 40)).toEqual({ kind: 'down', fraction: 1 });
    expect(changeOf(100, 100)).toEqual({ kind: 'same' });
  });

  it('is nothing when there was nothing before', () => {
    expect(changeOf(10, 0)).toEqual({ kind: 'none' });
    expect(changeOf(0, 0)).toEqual({ kind: 'none' });
    expect(changeOf(10, undefined)).toEqual({ kind: 'none' });
  });
});

describe('the KPI figures of a summary', () => {
  const summary: SummaryReport = {
    period: { from: '2026-11-01', to: '2026-11-30' },
    source: 'site-rollups',
    totals: totals({
      calls: 200,
      answered: 150,
      minutes: 812.5,
      cost: [
        { currency: 'EUR', micro: 12_000_000, chargedCalls: 100, averageMicro: 120_000 },
        { currency: 'GBP', micro: 3_000_000, chargedCalls: 20, averageMicro: 150_000 },
      ],
    }),
    previous: {
      period: { from: '2026-10-02', to: '2026-10-31' },
      totals: totals({
        calls: 160,
        answered: 150,
        minutes: 1625,
        cost: [{ currency: 'EUR', micro: 10_000_000, chargedCalls: 100, averageMicro: 100_000 }],
      }),
    },
  };
  const byId = Object.fromEntries(kpiFigures(summary).map((card) => [card.id, card]));

  it('compares cost and average cost currency by currency', () => {
    expect(byId.cost?.values).toEqual([
      { kind: 'money', value: 12_000_000, currency: 'EUR', change: { kind: 'up', fraction: 0.2 } },
      { kind: 'money', value: 3_000_000, currency: 'GBP', change: { kind: 'none' } },
    ]);
    expect(byId.average?.values.map((v) => [v.currency, v.value, v.change])).toEqual([
      ['EUR', 120_000, { kind: 'up', fraction: 0.2 }],
      ['GBP', 150_000, { kind: 'none' }],
    ]);
  });

  it('compares counts and gives the answered rate', () => {
    expect(byId.calls?.values[0]).toEqual({
      kind: 'count',
      value: 200,
      change: { kind: 'up', fraction: 0.25 },
    });
    expect(byId.answered?.values[0]?.change).toEqual({ kind: 'same' });
    expect(byId.answered?.rate).toBe(0.75);
    expect(byId.minutes?.values[0]).toEqual({
      kind: 'minutes',
      value: 812.5,
      change: { kind: 'down', fraction: 0.5 },
    });
  });

  it('has no rate and no cost lines for a period without calls', () => {
    const empty = kpiFigures({ ...summary, totals: totals({}) });
    expect(empty.find((card) => card.id === 'answered')?.rate).toBeUndefined();
    expect(empty.find((card) => card.id === 'cost')?.values).toEqual([]);
  });
});

describe('the interval of the cost trend', () => {
  it('is a day up to about two months, a week up to about half a year, else a month', () => {
    expect(trendIntervalFor('2026-11-01', '2026-11-01')).toBe('day');
    expect(trendIntervalFor('2026-01-01', '2026-03-03')).toBe('day');
    expect(trendIntervalFor('2026-01-01', '2026-03-04')).toBe('week');
    expect(trendIntervalFor('2026-01-01', '2026-07-19')).toBe('week');
    expect(trendIntervalFor('2026-01-01', '2026-07-20')).toBe('month');
    expect(trendIntervalFor('2025-01-01', '2026-12-31')).toBe('month');
  });
});
