import { z } from 'zod';
import type { Repositories } from '../backend/db/repositories.js';
import { LedgerlineError } from '../backend/domain/errors.js';
import type { Principal } from '../backend/domain/principal.js';
import type { ReportService } from '../backend/reports/report.service.js';
import type { AlarmSource } from './alarm-source.js';
import type { PrincipalSource } from './bot-principals.js';
import { errorReply, type BotLog } from './bot-error-reply.js';
import { isShared, type BotConversation, type BotPerson, type BotReply } from './bot-turn.js';
import { alarmCard, openAlarmsCard } from './cards/alarm-card.js';
import type { AdaptiveCard } from './cards/card-elements.js';
import { helpCard } from './cards/help-card.js';
import { subscriptionCard } from './cards/scheduled-report-card.js';
import { SUBSCRIPTION_WORDS } from '../backend/schedules/subscription-messages.js';
import { alarmsLink } from './cards/report-link.js';
import type {
  BotCommand,
  ChannelShowRequest,
  CostSubject,
  SubscribableReport,
} from './commands/bot-command.js';
import { parseCommand } from './commands/command-parser.js';
import { defaultPeriod, type Period, type PeriodClock } from './commands/period-parser.js';
import { reportRequestSchema, type ReportRequest } from './commands/report-request.js';
import { reportCard } from './report-cards.js';
import { personalViewer, sharedViewer, type Viewer } from './shared-viewer.js';
import { findDepartment, resolveSubject } from './subject-resolver.js';

/** What the bot's service works with. */
export interface BillingBotDependencies {
  repos: Pick<Repositories, 'departments' | 'users' | 'calls' | 'botChannelSettings' | 'botSubscriptions'>;
  reports: ReportService;
  principals: PrincipalSource;
  alarms: AlarmSource;
  /** The tab's base URL, for the cards' links; null when not configured. */
  tabUrl: string | null;
  /** The time zone periods are read in when the client sends none. */
  timeZone: string;
  now?: () => Date;
  log: BotLog;
}

/** A card that answers a card action, and whether it replaces the card for everyone. */
export interface CardActionResult {
  card: AdaptiveCard;
  /** True when everyone in the conversation may see the new card (it replaces the old one in place). */
  forEveryone: boolean;
}

const REPORT_NAMES: Record<SubscribableReport, string> = {
  cost: 'Cost summary',
  'top-users': 'Top users',
  'top-departments': 'Top departments',
  'top-destinations': 'Top destinations',
};

const refreshValue = z.object({ request: reportRequestSchema });
const alarmValue = z.object({ alarmId: z.number().int().positive() });

/**
 * The billing bot's logic, free of the Bot Framework: a message becomes a command, the command a
 * report with the sender's rights (or, in a channel or group chat, with what an admin allowed
 * everyone there to see), and the report a card. Every failure becomes a reply that says why.
 */
export class BillingBotService {
  private readonly now: () => Date;

  constructor(private readonly deps: BillingBotDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The answer to a message (its mention of the bot already removed). */
  async answer(text: string, person: BotPerson, conversation: BotConversation): Promise<BotReply> {
    try {
      const command = parseCommand(text, this.clock(conversation));
      return await this.run(command, person, conversation);
    } catch (error) {
      return errorReply(error, this.deps.log);
    }
  }

  /** A card's Refresh: the same report brought up to date, for the person who pressed it. */
  async refresh(value: unknown, person: BotPerson, conversation: BotConversation): Promise<CardActionResult> {
    try {
      const alarm = alarmValue.safeParse(value);
      if (alarm.success) {
        const principal = await this.principal(person);
        const found = await this.deps.alarms.get(alarm.data.alarmId, principal);
        if (!found) throw new LedgerlineError('not-found', `there is no alarm ${alarm.data.alarmId}`);
        return { card: alarmCard(found, { link: alarmsLink(this.deps.tabUrl) }), forEveryone: true };
      }
      const parsed = refreshValue.safeParse(value);
      if (!parsed.success) throw new LedgerlineError('invalid-input', 'this card is from an older version.');
      const request = parsed.data.request;
      if (request.kind === 'my-calls' && isShared(conversation))
        throw new LedgerlineError(
          'forbidden',
          'your own calls are shown only in your personal chat with me.',
        );
      const viewer = await this.viewer(person, conversation);
      const card = await reportCard(request, viewer, {
        reports: this.deps.reports,
        tabUrl: this.deps.tabUrl,
        refreshUserIds: isShared(conversation) ? [] : [person.teamsUserId],
      });
      return { card, forEveryone: true };
    } catch (error) {
      return { card: textCard(errorReply(error, this.deps.log)), forEveryone: false };
    }
  }

  /** A card's Acknowledge: the alarm acknowledged, its card saying by whom. */
  async acknowledge(value: unknown, person: BotPerson): Promise<CardActionResult> {
    try {
      const parsed = alarmValue.safeParse(value);
      if (!parsed.success) throw new LedgerlineError('invalid-input', 'this card names no alarm.');
      const principal = await this.principal(person);
      const alarm = await this.deps.alarms.acknowledge(String(parsed.data.alarmId), principal);
      return { card: alarmCard(alarm, { link: alarmsLink(this.deps.tabUrl) }), forEveryone: true };
    } catch (error) {
      return { card: textCard(errorReply(error, this.deps.log)), forEveryone: false };
    }
  }

  private async run(
    command: BotCommand,
    person: BotPerson,
    conversation: BotConversation,
  ): Promise<BotReply> {
    const clock = this.clock(conversation);
    switch (command.kind) {
      case 'help':
        return { card: helpCard() };
      case 'unknown':
        return { card: helpCard({ notUnderstood: command.text, problem: command.problem }) };
      case 'status':
        return this.status(person, conversation);
      case 'cost':
        return this.cost(command.subject, command.period ?? defaultPeriod(clock), person, conversation);
      case 'top':
        return this.top(command.dimension, command.period ?? defaultPeriod(clock), person, conversation);
      case 'my-calls':
        return this.myCalls(command.period ?? defaultPeriod(clock), person, conversation);
      case 'alarms':
        return { card: openAlarmsCard(await this.deps.alarms.open(await this.principal(person))) };
      case 'ack': {
        const alarm = await this.deps.alarms.acknowledge(command.alarm, await this.principal(person));
        return { card: alarmCard(alarm, { link: alarmsLink(this.deps.tabUrl) }) };
      }
      case 'subscribe':
        return this.subscribe(command.report, command.schedule, person, conversation);
      case 'unsubscribe':
        return this.unsubscribe(command.report, conversation);
      case 'channel':
        return this.channel(command.show, person, conversation);
    }
  }

  private async cost(
    subject: CostSubject,
    period: Period,
    person: BotPerson,
    conversation: BotConversation,
  ): Promise<BotReply> {
    const viewer = await this.viewer(person, conversation);
    const base = { kind: 'cost' as const, from: period.from, to: period.to, label: period.label };
    let request: ReportRequest;
    if (subject === null) request = { ...base, subjectName: null };
    else if (subject.kind === 'me') {
      if (isShared(conversation))
        throw new LedgerlineError(
          'forbidden',
          'your own figures are shown only in your personal chat with me.',
        );
      request = { ...base, subjectName: 'you', userId: ownUser(viewer.principal) };
    } else {
      const named = await resolveSubject(this.deps.repos, subject.name);
      if (named.kind === 'department') {
        checkDepartment(viewer, named.department.id, named.department.name);
        request = { ...base, subjectName: named.department.name, departmentId: named.department.id };
      } else {
        checkUser(viewer, named.user.id, named.user.departmentId, named.user.displayName);
        request = { ...base, subjectName: named.user.displayName, userId: named.user.id };
      }
    }
    return { card: await this.card(request, viewer, person, conversation) };
  }

  private async top(
    dimension: 'users' | 'departments' | 'destinations',
    period: Period,
    person: BotPerson,
    conversation: BotConversation,
  ): Promise<BotReply> {
    const viewer = await this.viewer(person, conversation);
    if (dimension !== 'destinations' && viewer.principal.scope.kind === 'user')
      throw new LedgerlineError(
        'forbidden',
        `you see only your own calls, so there is no ranking of ${dimension} to show you. Try "top destinations".`,
      );
    const request = {
      kind: 'top' as const,
      dimension,
      from: period.from,
      to: period.to,
      label: period.label,
    };
    return { card: await this.card(request, viewer, person, conversation) };
  }

  private async myCalls(period: Period, person: BotPerson, conversation: BotConversation): Promise<BotReply> {
    if (isShared(conversation))
      throw new LedgerlineError('forbidden', 'your own calls are shown only in your personal chat with me.');
    const viewer = await this.viewer(person, conversation);
    ownUser(viewer.principal);
    const request = { kind: 'my-calls' as const, from: period.from, to: period.to, label: period.label };
    return { card: await this.card(request, viewer, person, conversation) };
  }

  private async subscribe(
    report: SubscribableReport,
    schedule: 'daily' | 'weekly' | 'monthly',
    person: BotPerson,
    conversation: BotConversation,
  ): Promise<BotReply> {
    // Checks the rights now: in a channel, that it has a setting; in a chat, who subscribes.
    const viewer = await this.viewer(person, conversation);
    await this.deps.repos.botSubscriptions.subscribe({
      conversationKey: conversation.sharedKey ?? conversation.conversationId,
      conversationId: conversation.conversationId,
      teamId: conversation.teamId,
      report,
      schedule,
      subscriberObjectId: isShared(conversation)
        ? viewer.principal.objectId
        : (person.objectId ?? viewer.principal.objectId),
    });
    return {
      card: subscriptionCard({
        reportName: REPORT_NAMES[report],
        schedule,
        note: `It comes here at ${SUBSCRIPTION_WORDS[schedule].sentOn}, for ${SUBSCRIPTION_WORDS[schedule].covers}; you can still ask for the report at any time.`,
      }),
    };
  }

  private async unsubscribe(
    report: SubscribableReport | null,
    conversation: BotConversation,
  ): Promise<BotReply> {
    const removed = await this.deps.repos.botSubscriptions.unsubscribe(
      conversation.sharedKey ?? conversation.conversationId,
      report,
    );
    if (removed === 0)
      return {
        text: report
          ? `This conversation is not subscribed to ${REPORT_NAMES[report]}.`
          : 'This conversation has no subscriptions.',
      };
    return {
      text: report
        ? `Unsubscribed from ${REPORT_NAMES[report]}.`
        : `Unsubscribed from ${removed} report${removed === 1 ? '' : 's'}.`,
    };
  }

  private async channel(
    show: ChannelShowRequest | null,
    person: BotPerson,
    conversation: BotConversation,
  ): Promise<BotReply> {
    const key = conversation.sharedKey;
    if (!key)
      return {
        text: 'The channel setting is for channels and group chats; in this personal chat you see what your role lets you see.',
      };
    const settings = this.deps.repos.botChannelSettings;
    if (show === null) {
      const current = await settings.get(key);
      if (!current)
        return {
          text: 'This conversation is shown no figures yet. An administrator can allow some with: channel show <department> or channel show company.',
        };
      const viewer = await sharedViewer(this.deps.repos, key);
      return {
        text: `This conversation may see ${viewer.scopeName.replace(/ \(this conversation\)$/, '')}.`,
      };
    }
    const principal = await this.principal(person);
    if (principal.role !== 'admin')
      throw new LedgerlineError(
        'forbidden',
        'only administrators can choose what a channel or group chat may see.',
      );
    if (show.kind === 'nothing') {
      await settings.clear(key);
      return { text: 'This conversation is shown no figures any more.' };
    }
    if (show.kind === 'company') {
      await settings.set(key, { kind: 'company' }, principal.objectId, conversation.teamId);
      return { text: 'Everyone here may now see company-wide figures (numbers masked).' };
    }
    const department = await findDepartment(this.deps.repos, show.name);
    if (!department) throw new LedgerlineError('not-found', `there is no department called "${show.name}"`);
    await settings.set(
      key,
      { kind: 'department', departmentId: department.id },
      principal.objectId,
      conversation.teamId,
    );
    return {
      text: `Everyone here may now see the figures of ${department.name} and the departments below it (numbers masked).`,
    };
  }

  private async status(person: BotPerson, conversation: BotConversation): Promise<BotReply> {
    const principal = await this.principal(person);
    const counts = await this.deps.repos.calls.pipelineCounts();
    const lines = [
      `You are ${principal.displayName ?? principal.upn ?? 'someone I do not know by name'} (${principal.role}); I show you ${personalViewer(principal).scopeName}.`,
      principal.userId === null
        ? 'You are not in the Ledgerline directory yet, so you have no calls of your own.'
        : null,
      `Stored calls: ${(counts.rated + counts.unrated + counts.free).toLocaleString('en')} (${counts.unrated.toLocaleString('en')} not rated).`,
      conversation.sharedKey ? await this.sharedStatus(conversation.sharedKey) : null,
      this.deps.principals.demoNote?.(principal) ?? null,
    ];
    return { text: lines.filter((line) => line !== null).join('\n\n') };
  }

  private async sharedStatus(key: string): Promise<string> {
    const setting = await this.deps.repos.botChannelSettings.get(key);
    if (!setting) return 'This conversation is shown no figures yet.';
    return `This conversation may see ${(await sharedViewer(this.deps.repos, key)).scopeName.replace(/ \(this conversation\)$/, '')}.`;
  }

  private card(request: ReportRequest, viewer: Viewer, person: BotPerson, conversation: BotConversation) {
    return reportCard(request, viewer, {
      reports: this.deps.reports,
      tabUrl: this.deps.tabUrl,
      refreshUserIds: isShared(conversation) ? [] : [person.teamsUserId],
    });
  }

  private async viewer(person: BotPerson, conversation: BotConversation): Promise<Viewer> {
    if (conversation.sharedKey) {
      // Whoever asks must be someone of the tenant; what is shown is the conversation's.
      await this.principal(person);
      return sharedViewer(this.deps.repos, conversation.sharedKey);
    }
    return personalViewer(await this.principal(person));
  }

  private async principal(person: BotPerson): Promise<Principal> {
    const principal = await this.deps.principals.principalOf(person);
    if (!principal)
      throw new LedgerlineError(
        'forbidden',
        'your message does not say who you are (no Entra ID object id), so I cannot tell what you may see.',
      );
    return principal;
  }

  private clock(conversation: BotConversation): PeriodClock {
    return { today: this.now(), timeZone: validZone(conversation.timeZone) ?? this.deps.timeZone };
  }
}

function ownUser(principal: Principal): number {
  if (principal.userId === null)
    throw new LedgerlineError(
      'not-found',
      'you are not in the Ledgerline directory yet, so you have no calls of your own',
    );
  return principal.userId;
}

function checkDepartment(viewer: Viewer, departmentId: number, name: string): void {
  const scope = viewer.principal.scope;
  if (scope.kind === 'all') return;
  if (scope.kind === 'departments' && scope.departmentIds.includes(departmentId)) return;
  throw new LedgerlineError('forbidden', `${name} is outside what ${whoSees(viewer)}.`);
}

function checkUser(viewer: Viewer, userId: number, departmentId: number | null, name: string): void {
  const scope = viewer.principal.scope;
  if (scope.kind === 'all') return;
  if (scope.kind === 'user' && scope.userId === userId) return;
  if (scope.kind === 'departments' && departmentId !== null && scope.departmentIds.includes(departmentId))
    return;
  throw new LedgerlineError('forbidden', `${name}'s calls are outside what ${whoSees(viewer)}.`);
}

function whoSees(viewer: Viewer): string {
  if (viewer.principal.objectId.startsWith('conversation:'))
    return `this conversation may see (${viewer.scopeName.replace(/ \(this conversation\)$/, '')})`;
  return `you may see: ${viewer.scopeName}`;
}

function textCard(reply: BotReply): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text: reply.text ?? '', wrap: true }],
  };
}

function validZone(zone: string | null): string | null {
  if (!zone) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return null;
  }
}
