import { z } from 'zod';
import type { ReportGroup } from '../db/report.repository.js';
import type { Micro } from '../domain/money.js';

/**
 * Cost in one currency. Reports never add currencies together: a period with calls priced in EUR
 * and in GBP has one entry for each, each with its own charged calls and average.
 */
export const currencyCostSchema = z.object({
  currency: z.string().describe('ISO 4217 code of the tariff the calls were priced with'),
  micro: z.number().int().describe('cost in micro-units (millionths of the currency)'),
  chargedCalls: z.number().int().describe('calls priced in this currency'),
  averageMicro: z.number().int().describe('average cost of a charged call, micro-units, rounded half up'),
});
/** Cost in one currency. */
export type CurrencyCost = z.infer<typeof currencyCostSchema>;

/** Counts, talk time and cost of a set of calls: every report's figures have this shape. */
export const reportTotalsSchema = z.object({
  calls: z.number().int(),
  answered: z.number().int(),
  talkSec: z.number().int().describe('talk time in seconds'),
  minutes: z.number().describe('talk time in minutes, to 2 decimals'),
  billedSec: z.number().int().describe('seconds the carriers billed'),
  cost: z.array(currencyCostSchema).describe('one entry per currency, by currency code'),
});
/** Counts, talk time and cost of a set of calls. */
export type ReportTotals = z.infer<typeof reportTotalsSchema>;

/** Sums of calls kept while groups are added, integers only, cost per currency. */
export class TotalsAccumulator {
  private calls = 0;
  private answered = 0;
  private talkSec = 0;
  private billedSec = 0;
  private readonly cost = new Map<string, { micro: Micro; chargedCalls: number }>();

  /** Adds a group's sums (or another accumulator's totals). */
  add(
    group: Pick<
      ReportGroup,
      'calls' | 'answered' | 'talkSec' | 'billedSec' | 'cost' | 'chargedCalls' | 'currency'
    >,
  ) {
    this.calls += group.calls;
    this.answered += group.answered;
    this.talkSec += group.talkSec;
    this.billedSec += group.billedSec;
    if (group.currency === null) {
      // Free and unrated calls cost nothing; a cost without a currency would be a broken call.
      if (group.cost !== 0) this.addCost('XXX', group.cost, group.chargedCalls);
      return this;
    }
    this.addCost(group.currency, group.cost, group.chargedCalls);
    return this;
  }

  /** Adds totals already computed (their cost entries stay apart by currency). */
  addTotals(totals: ReportTotals): this {
    this.calls += totals.calls;
    this.answered += totals.answered;
    this.talkSec += totals.talkSec;
    this.billedSec += totals.billedSec;
    for (const entry of totals.cost) this.addCost(entry.currency, entry.micro, entry.chargedCalls);
    return this;
  }

  /** Cost in `currency` of a currency-less cost: ISO 4217 "XXX" means "no currency". */
  private addCost(currency: string, micro: Micro, chargedCalls: number): void {
    const entry = this.cost.get(currency) ?? { micro: 0, chargedCalls: 0 };
    entry.micro += micro;
    entry.chargedCalls += chargedCalls;
    this.cost.set(currency, entry);
  }

  /** The sums as report figures. */
  totals(): ReportTotals {
    return {
      calls: this.calls,
      answered: this.answered,
      talkSec: this.talkSec,
      minutes: Math.round((this.talkSec * 100) / 60) / 100,
      billedSec: this.billedSec,
      cost: [...this.cost.entries()]
        .filter(([, entry]) => entry.micro !== 0 || entry.chargedCalls !== 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([currency, entry]) => ({
          currency,
          micro: entry.micro,
          chargedCalls: entry.chargedCalls,
          averageMicro: averageOf(entry.micro, entry.chargedCalls),
        })),
    };
  }
}

/** `micro / count` rounded half up (away from zero), in whole micro-units; 0 over no calls. */
function averageOf(micro: Micro, count: number): Micro {
  if (count === 0) return 0;
  const sign = micro < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(micro) + count) / (2 * count));
}

/** Totals of a list of groups. */
export function totalsOf(groups: readonly ReportGroup[]): ReportTotals {
  const sum = new TotalsAccumulator();
  for (const group of groups) sum.add(group);
  return sum.totals();
}

/**
 * Orders rows by cost, then calls, without adding currencies: by the cost in each currency in
 * turn, the report's main currencies first (those more calls were charged in), then by calls.
 */
export function byCostThenCalls(currencyOrder: readonly string[]) {
  return (a: ReportTotals, b: ReportTotals): number => {
    for (const currency of currencyOrder) {
      const difference = costIn(b, currency) - costIn(a, currency);
      if (difference !== 0) return difference;
    }
    return b.calls - a.calls;
  };
}

/** The currencies of totals, the one most calls were charged in first (then by code). */
export function mainCurrencies(totals: ReportTotals): string[] {
  return [...totals.cost]
    .sort((a, b) => b.chargedCalls - a.chargedCalls || (a.currency < b.currency ? -1 : 1))
    .map((entry) => entry.currency);
}

function costIn(totals: ReportTotals, currency: string): Micro {
  return totals.cost.find((entry) => entry.currency === currency)?.micro ?? 0;
}
