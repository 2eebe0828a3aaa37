import type { ReportTotals, SummaryReport } from '../../api/api-types';
import { changeOf, type KpiChange } from './kpi-change';

/** The KPI cards, in the order the dashboard shows them; the ids are the cards' test ids too. */
export const KPI_IDS = ['cost', 'calls', 'answered', 'minutes', 'average'] as const;
/** One KPI card. */
export type KpiId = (typeof KPI_IDS)[number];

/** One figure of a card: a count, minutes, or an amount of one currency, with its change. */
export interface KpiValue {
  kind: 'count' | 'minutes' | 'money';
  value: number;
  currency?: string;
  change: KpiChange;
}

/** A card's figures (one per currency for money), and for answered calls the share of all calls. */
export interface KpiFigures {
  id: KpiId;
  values: KpiValue[];
  rate?: number;
}

/**
 * The KPI cards of a summary, each figure compared with the same figure of the previous period
 * (money currency by currency: amounts of different currencies are never added or compared).
 */
export function kpiFigures(summary: SummaryReport): KpiFigures[] {
  const { totals } = summary;
  const before = summary.previous.totals;
  const count = (pick: (t: ReportTotals) => number, kind: KpiValue['kind'] = 'count'): KpiValue[] => [
    { kind, value: pick(totals), change: changeOf(pick(totals), pick(before)) },
  ];
  const money = (pick: 'micro' | 'averageMicro'): KpiValue[] =>
    totals.cost.map((cost) => ({
      kind: 'money',
      value: cost[pick],
      currency: cost.currency,
      change: changeOf(cost[pick], before.cost.find((old) => old.currency === cost.currency)?.[pick]),
    }));
  return [
    { id: 'cost', values: money('micro') },
    { id: 'calls', values: count((t) => t.calls) },
    {
      id: 'answered',
      values: count((t) => t.answered),
      ...(totals.calls > 0 ? { rate: totals.answered / totals.calls } : {}),
    },
    { id: 'minutes', values: count((t) => t.minutes, 'minutes') },
    { id: 'average', values: money('averageMicro') },
  ];
}
