import type { SummaryReport } from '../../backend/reports/summary-report.js';
import type { ReportRequest } from '../commands/report-request.js';
import {
  adaptiveCard,
  costText,
  count,
  facts,
  heading,
  periodText,
  reportActions,
  talkTime,
  textLine,
  type AdaptiveCard,
} from './card-elements.js';

/** What the cost summary card shows. */
export interface CostSummaryCardInput {
  request: Extract<ReportRequest, { kind: 'cost' }>;
  summary: SummaryReport;
  /** Who may see it, in words: "Sales (this channel)", "you", "the whole company". */
  scopeName: string;
  /** The tab on the same filters, when its URL is configured. */
  link: string | null;
  /** Teams user ids whose clients refresh the card by themselves when they see it. */
  refreshUserIds?: readonly string[];
}

/**
 * The answer to "cost …": calls, talk time and cost per currency for the period, beside the
 * period of equal length before it, with Refresh (Action.Execute) and a link into the tab.
 */
export function costSummaryCard(input: CostSummaryCardInput): AdaptiveCard {
  const { request, summary } = input;
  const { totals, previous } = summary;
  const title = request.subjectName ? `Cost of ${request.subjectName}` : 'Cost';
  return adaptiveCard(
    [
      heading(`${title}, ${request.label}`),
      textLine(`${periodText(summary.period)} · ${input.scopeName}`, { subtle: true, small: true }),
      facts([
        ['Cost', costText(totals)],
        ['Calls', `${count(totals.calls)} (${count(totals.answered)} answered)`],
        ['Talk time', talkTime(totals.talkSec)],
      ]),
      textLine(`Period before (${periodText(previous.period)})`, { subtle: true }),
      facts([
        ['Cost', costText(previous.totals)],
        ['Calls', count(previous.totals.calls)],
        ['Change', change(totals, previous.totals)],
      ]),
    ],
    {
      ...reportActions(request, { title: 'Open in Ledgerline', url: input.link }, input.refreshUserIds),
      fallbackText: `${title}, ${request.label}: ${costText(totals)}`,
    },
  );
}

/** The change of cost in the main currency, as a percentage, or of calls when nothing cost. */
function change(now: SummaryReport['totals'], before: SummaryReport['totals']): string {
  const main = now.cost[0] ?? before.cost[0];
  if (main) {
    const a = now.cost.find((entry) => entry.currency === main.currency)?.micro ?? 0;
    const b = before.cost.find((entry) => entry.currency === main.currency)?.micro ?? 0;
    return percent(a, b, main.currency);
  }
  return percent(now.calls, before.calls, 'calls');
}

function percent(now: number, before: number, unit: string): string {
  if (before === 0) return now === 0 ? 'no change' : `new (nothing before)`;
  const value = Math.round(((now - before) * 1000) / before) / 10;
  return `${value > 0 ? '+' : ''}${value}% (${unit})`;
}
