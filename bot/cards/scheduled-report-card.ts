import type { ReportSchedule } from '../commands/bot-command.js';
import { adaptiveCard, heading, textLine, type AdaptiveCard } from './card-elements.js';

/** What a scheduled report card shows: the report's own card, introduced by its subscription. */
export interface ScheduledReportCardInput {
  /** The report's name, e.g. "Cost summary". */
  reportName: string;
  schedule: ReportSchedule;
  /** The card of the report itself (cost summary, top list …). */
  report: AdaptiveCard;
}

/**
 * A report delivered by a subscription: a line saying which subscription sent it and how to
 * stop it, then the report's own card, its actions kept (Refresh, Open in Ledgerline).
 */
export function scheduledReportCard(input: ScheduledReportCardInput): AdaptiveCard {
  return adaptiveCard(
    [
      textLine(`Your ${input.schedule} report: ${input.reportName}`, { subtle: true, small: true }),
      ...input.report.body,
      textLine('Stop it with: unsubscribe', { subtle: true, small: true }),
    ],
    {
      ...(input.report.actions ? { actions: input.report.actions } : {}),
      fallbackText: `Your ${input.schedule} report: ${input.reportName}`,
    },
  );
}

/** The answer to subscribe: what was stored, and that sending starts with the scheduler. */
export function subscriptionCard(input: {
  reportName: string;
  schedule: ReportSchedule;
  note: string;
}): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Subscribed'),
      textLine(`${input.reportName}, ${input.schedule}.`),
      textLine(input.note, { subtle: true }),
    ],
    {
      fallbackText: `Subscribed to ${input.reportName}, ${input.schedule}`,
    },
  );
}
