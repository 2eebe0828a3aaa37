import type { BreakdownReport } from '../../backend/reports/breakdown-report.js';
import type { ReportRequest } from '../commands/report-request.js';
import {
  adaptiveCard,
  costText,
  count,
  heading,
  periodText,
  reportActions,
  table,
  talkTime,
  textLine,
  type AdaptiveCard,
} from './card-elements.js';

const TITLES = { users: 'Top users', departments: 'Top departments', destinations: 'Top destinations' };

/** What a top list card shows. */
export interface TopListCardInput {
  request: Extract<ReportRequest, { kind: 'top' }>;
  breakdown: BreakdownReport;
  scopeName: string;
  link: string | null;
  refreshUserIds?: readonly string[];
}

/** The answer to "top users|departments|destinations": the largest by cost, then the rest summed. */
export function topListCard(input: TopListCardInput): AdaptiveCard {
  const { request, breakdown } = input;
  const title = `${TITLES[request.dimension]}, ${request.label}`;
  const rows = breakdown.rows.map((row, index) => [
    `${index + 1}. ${row.label}`,
    costText(row),
    count(row.calls),
    talkTime(row.talkSec),
  ]);
  if (breakdown.other)
    rows.push([
      `${count(breakdown.other.rows)} more`,
      costText(breakdown.other),
      count(breakdown.other.calls),
      talkTime(breakdown.other.talkSec),
    ]);
  return adaptiveCard(
    [
      heading(title),
      textLine(`${periodText(breakdown.period)} · ${input.scopeName}`, { subtle: true, small: true }),
      rows.length > 0
        ? table(['', 'Cost', 'Calls', 'Talk time'], rows)
        : textLine('No calls in this period.'),
      textLine(`Total: ${costText(breakdown.total)}, ${count(breakdown.total.calls)} calls`, {
        subtle: true,
      }),
    ],
    {
      ...reportActions(request, { title: 'Open in Ledgerline', url: input.link }, input.refreshUserIds),
      fallbackText: title,
    },
  );
}
