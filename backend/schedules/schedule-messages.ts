import { reportCard } from '../../bot/report-cards.js';
import { adaptiveCard, textLine, type AdaptiveCard } from '../../bot/cards/card-elements.js';
import type { ReportRequest } from '../../bot/commands/report-request.js';
import type { OutboxMessage } from '../db/outbox.repository.js';
import type { ReportScheduleRecord } from '../db/report-schedule.repository.js';
import { LedgerlineError } from '../domain/errors.js';
import type { CompanyLogo } from '../reports/company-logo.js';
import { reportContent, scopeLabel, type DocumentReportName } from '../reports/report-content.js';
import { documentFileName, documentLines, reportDocument } from '../reports/report-document.js';
import { reportHtml, totalsText } from '../reports/html-document.js';
import { reportFiltersSchema } from '../reports/report-query.js';
import type { ReportRepositories, ReportService } from '../reports/report.service.js';
import type { ScheduleAudience } from './schedule-audiences.js';
import { schedulePeriod, type SchedulePeriod } from './schedule-definition.js';

/** What a run's messages are made with. */
export interface ScheduleMessageContext {
  reports: ReportService;
  repos: ReportRepositories;
  logo: CompanyLogo | null;
  /** The tab's base URL for the cards' links; null when not configured. */
  tabUrl: string | null;
}

const TOP_DIMENSIONS = { departments: 'departments', users: 'users', destinations: 'destinations' } as const;

/**
 * The outbox messages of one run of a schedule (contract: kind 'report', a card for Teams, an
 * e-mail with an HTML body and the document attached), one per audience, each document made with
 * that audience's rights. A recipient whose rights refuse the schedule's filters is skipped with
 * a problem, never sent more than they may see.
 */
export async function scheduleMessages(
  context: ScheduleMessageContext,
  schedule: ReportScheduleRecord,
  dueAt: number,
  audiences: readonly ScheduleAudience[],
): Promise<{ messages: OutboxMessage[]; problems: string[] }> {
  const period = schedulePeriod(schedule.period as SchedulePeriod, dueAt, schedule.timeZone);
  const filters = reportFiltersSchema.parse({ ...schedule.filters, from: period.from, to: period.to });
  const messages: OutboxMessage[] = [];
  const problems: string[] = [];
  for (const audience of audiences) {
    const dedupeKey = `report:${schedule.id}:${dueAt}:${audience.channel}:${audience.recipient}`;
    try {
      const base = {
        kind: 'report' as const,
        channel: audience.channel,
        recipient: audience.recipient,
        dedupeKey,
      };
      if (audience.channel === 'teams') {
        const card = await scheduleCard(context, schedule, audience, { ...period }, filters);
        messages.push({ ...base, payload: { card } });
        continue;
      }
      const content = await reportContent(context.reports, context.repos, audience.principal, {
        report: schedule.report as DocumentReportName,
        filters,
        periodLabel: period.label,
        now: dueAt,
      });
      const lines = documentLines(content);
      const html = reportHtml(content, { logo: context.logo });
      const attachments = [];
      if (schedule.format !== 'html' && schedule.format !== 'card') {
        const document = reportDocument(schedule.format);
        const body = await document.render(content, { logo: context.logo });
        attachments.push({
          filename: documentFileName(content, document.extension),
          contentType: document.contentType,
          contentBase64: body.toString('base64'),
        });
      }
      messages.push({
        ...base,
        payload: {
          subject: `${schedule.name}: ${period.label} (${period.from} to ${period.to})`,
          html,
          text: [content.title, lines.period, lines.scope, totalsText(content.totals)].join('\n'),
          attachments,
        },
      });
    } catch (error) {
      if (!(error instanceof LedgerlineError)) throw error;
      problems.push(`${audience.recipient}: ${error.message}`);
    }
  }
  return { messages, problems };
}

/** The bot's card of the report (cost summary or a top list), introduced by the schedule's name. */
async function scheduleCard(
  context: ScheduleMessageContext,
  schedule: ReportScheduleRecord,
  audience: ScheduleAudience,
  period: { from: string; to: string; label: string },
  filters: { department?: number | undefined },
): Promise<AdaptiveCard> {
  const department = filters.department;
  const report = schedule.report as DocumentReportName;
  const request: ReportRequest =
    report === 'departments' || report === 'users' || report === 'destinations'
      ? { kind: 'top', dimension: TOP_DIMENSIONS[report], ...period }
      : {
          kind: 'cost',
          ...period,
          subjectName: null,
          ...(department === undefined ? {} : { departmentId: department }),
        };
  const viewer = {
    principal: audience.principal,
    scopeName: await scopeLabel(context.repos, audience.principal),
  };
  const card = await reportCard(request, viewer, { reports: context.reports, tabUrl: context.tabUrl });
  return adaptiveCard(
    [textLine(`Scheduled report: ${schedule.name}`, { subtle: true, small: true }), ...card.body],
    {
      ...(card.actions ? { actions: card.actions } : {}),
      fallbackText: `Scheduled report: ${schedule.name}`,
    },
  );
}
