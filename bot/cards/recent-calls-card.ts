import type { CallListRow } from '../../backend/reports/call-list.js';
import type { ReportRequest } from '../commands/report-request.js';
import {
  adaptiveCard,
  formatCost,
  heading,
  periodText,
  reportActions,
  table,
  talkTime,
  textLine,
  type AdaptiveCard,
} from './card-elements.js';

/** What the recent calls card shows. */
export interface RecentCallsCardInput {
  request: Extract<ReportRequest, { kind: 'my-calls' }>;
  /** The calls, newest first, numbers already masked by the report engine. */
  calls: readonly CallListRow[];
  /** Whether there are more calls in the period than the card lists. */
  more: boolean;
  link: string | null;
  refreshUserIds?: readonly string[];
}

const ARROWS = { outbound: '→', inbound: '←', internal: '↔' } as const;

/** A person's own recent calls: when, the other party (masked as in the API), talk time and cost. */
export function recentCallsCard(input: RecentCallsCardInput): AdaptiveCard {
  const { request, calls } = input;
  const title = `Your calls, ${request.label}`;
  const rows = calls.map((call) => [
    `${call.localTime.slice(0, 16)} ${ARROWS[call.direction]} ${call.number ?? 'unknown'}${call.answered ? '' : ' (not answered)'}`,
    talkTime(call.talkSec),
    call.cost ? formatCost(call.cost.micro, call.cost.currency) : call.ratingStatus === 'free' ? 'free' : '–',
  ]);
  return adaptiveCard(
    [
      heading(title),
      textLine(periodText(request), { subtle: true, small: true }),
      rows.length > 0 ? table(['Call', 'Talk time', 'Cost'], rows) : textLine('No calls in this period.'),
      ...(input.more
        ? [textLine('Only the latest calls are listed here; the tab has them all.', { subtle: true })]
        : []),
    ],
    {
      ...reportActions(request, { title: 'All my calls', url: input.link }, input.refreshUserIds),
      fallbackText: title,
    },
  );
}
