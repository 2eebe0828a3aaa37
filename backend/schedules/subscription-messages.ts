import { reportCard } from '../../bot/report-cards.js';
import { scheduledReportCard } from '../../bot/cards/scheduled-report-card.js';
import type { ReportRequest } from '../../bot/commands/report-request.js';
import { personalViewer, sharedViewer, type Viewer } from '../../bot/shared-viewer.js';
import type { BotSubscription } from '../db/bot-subscription.repository.js';
import type { OutboxMessage } from '../db/outbox.repository.js';
import type { Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { ReportService } from '../reports/report.service.js';
import type { SchedulePrincipals } from './schedule-audiences.js';
import { schedulePeriod } from './schedule-definition.js';

/** When subscriptions are sent, in the company's time zone: 07:00, Mondays for weekly, the 1st for monthly. */
export const SUBSCRIPTION_CRONS: Record<BotSubscription['schedule'], string> = {
  daily: '0 7 * * *',
  weekly: '0 7 * * 1',
  monthly: '0 7 1 * *',
};

const PERIODS = { daily: 'yesterday', weekly: 'last-week', monthly: 'last-month' } as const;

/** The same times and periods in words, for the bot's answer to `subscribe`. */
export const SUBSCRIPTION_WORDS: Record<BotSubscription['schedule'], { sentOn: string; covers: string }> = {
  daily: { sentOn: '07:00 every day', covers: 'yesterday' },
  weekly: { sentOn: '07:00 every Monday', covers: 'last week' },
  monthly: { sentOn: '07:00 on the 1st of each month', covers: 'last month' },
};

const REPORTS: Record<
  string,
  { name: string; request: (period: { from: string; to: string; label: string }) => ReportRequest }
> = {
  cost: { name: 'Cost summary', request: (period) => ({ kind: 'cost', ...period, subjectName: null }) },
  'top-users': { name: 'Top users', request: (period) => ({ kind: 'top', dimension: 'users', ...period }) },
  'top-departments': {
    name: 'Top departments',
    request: (period) => ({ kind: 'top', dimension: 'departments', ...period }),
  },
  'top-destinations': {
    name: 'Top destinations',
    request: (period) => ({ kind: 'top', dimension: 'destinations', ...period }),
  },
};

/** What a subscription's message is made with. */
export interface SubscriptionMessageContext {
  reports: ReportService;
  repos: Pick<Repositories, 'botChannelSettings' | 'departments' | 'botConversations'>;
  principals: SchedulePrincipals;
  tabUrl: string | null;
  timeZone: string;
}

/**
 * The card a bot subscription sends at `dueAt` (the bot's scheduled report card around the
 * report's own card) to the conversation it was made in, with what that conversation may see: a
 * channel's or group chat's setting, or the subscriber's own rights in their personal chat.
 */
export async function subscriptionMessage(
  context: SubscriptionMessageContext,
  subscription: BotSubscription,
  dueAt: number,
): Promise<OutboxMessage> {
  const report = REPORTS[subscription.report];
  if (!report)
    throw new LedgerlineError(
      'invalid-input',
      `subscription ${subscription.id}: no report "${subscription.report}"`,
    );
  const period = schedulePeriod(PERIODS[subscription.schedule], dueAt, context.timeZone);
  const viewer = await viewerOf(context, subscription);
  const card = await reportCard(report.request(period), viewer, {
    reports: context.reports,
    tabUrl: context.tabUrl,
  });
  return {
    kind: 'report',
    channel: 'teams',
    recipient: `conversation:${subscription.conversationId}`,
    dedupeKey: `subscription:${subscription.id}:${dueAt}`,
    payload: {
      card: scheduledReportCard({ reportName: report.name, schedule: subscription.schedule, report: card }),
    },
  };
}

async function viewerOf(context: SubscriptionMessageContext, subscription: BotSubscription): Promise<Viewer> {
  const conversation = await context.repos.botConversations.get(subscription.conversationId);
  if (conversation?.kind === 'personal') {
    const principal = await context.principals.principalOf({
      objectId: subscription.subscriberObjectId,
      upn: null,
    });
    if (!principal)
      throw new LedgerlineError(
        'forbidden',
        `the subscriber ${subscription.subscriberObjectId} cannot be resolved`,
      );
    return personalViewer(principal);
  }
  return sharedViewer(context.repos, subscription.conversationKey);
}
