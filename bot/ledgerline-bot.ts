import {
  CardFactory,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
  teamsGetChannelId,
  teamsGetTeamInfo,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { BillingBotService, CardActionResult } from './billing-bot.service.js';
import type { BotConversation, BotPerson, BotReply } from './bot-turn.js';
import { CARD_VERBS } from './cards/card-elements.js';
import type { ConversationRegistry, InstalledConversation } from './conversation-registry.js';

/**
 * The Teams bot: its handlers only unpack the activity and call the services (the billing bot
 * for messages and card actions, the registry for installs), so the Bot Framework stays in
 * this folder's adapter and handler files.
 */
export class LedgerlineBot extends TeamsActivityHandler {
  constructor(
    private readonly service: BillingBotService,
    private readonly registry: ConversationRegistry,
  ) {
    super();

    this.onMessage(async (context, next) => {
      const activity = context.activity;
      const conversation = conversationOf(activity);
      // In a channel or group chat the bot answers only when it is mentioned.
      if (conversation.kind !== 'personal' && !mentionsBot(activity)) return next();
      // A message without text (a submit from a card's Action.Submit) is answered too: with help.
      const text = withoutBotMention(activity);
      await context.sendActivity(
        replyActivity(await this.service.answer(text, personOf(activity), conversation)),
      );
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.registry.installed(installedOf(context.activity));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.registry.uninstalled(installedOf(context.activity));
      await next();
    });
    // Older clients say "added" with a conversation update only.
    this.onMembersAdded(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((member) => member.id === bot))
        await this.registry.installed(installedOf(context.activity));
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const bot = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((member) => member.id === bot))
        await this.registry.uninstalled(installedOf(context.activity));
      await next();
    });
  }

  /** Refresh and Acknowledge (`Action.Execute`): the new card goes back in the invoke response. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const activity = context.activity;
    const person = personOf(activity);
    const verb = invokeValue.action?.verb;
    const data = invokeValue.action?.data;
    let result: CardActionResult;
    if (verb === CARD_VERBS.acknowledge) result = await this.service.acknowledge(data, person);
    else if (verb === CARD_VERBS.refresh)
      result = await this.service.refresh(data, person, conversationOf(activity));
    else
      return {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: `unknown action ${String(verb)}` },
      };
    // The card is replaced in place for everyone in the conversation, not only for whoever pressed it.
    if (result.forEveryone && activity.replyToId)
      await context.updateActivity({
        type: 'message',
        id: activity.replyToId,
        attachments: [CardFactory.adaptiveCard(result.card)],
      });
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: result.card as unknown as Record<string, unknown>,
    };
  }
}

/** The reply activity of a service answer. */
export function replyActivity(reply: BotReply): Partial<Activity> {
  if (reply.card) {
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(reply.card));
    if (reply.text) activity.text = reply.text;
    return activity;
  }
  return MessageFactory.text(reply.text ?? '');
}

function personOf(activity: Activity): BotPerson {
  return {
    objectId: activity.from?.aadObjectId ?? null,
    teamsUserId: activity.from?.id ?? '',
    name: activity.from?.name ?? null,
  };
}

function conversationOf(activity: Activity): BotConversation {
  const type = activity.conversation?.conversationType;
  const kind =
    type === 'channel'
      ? 'channel'
      : type === 'groupChat' || activity.conversation?.isGroup
        ? 'groupChat'
        : 'personal';
  const conversationId = activity.conversation?.id ?? '';
  const channelId = teamsGetChannelId(activity) ?? conversationId.split(';')[0] ?? conversationId;
  return {
    kind,
    conversationId,
    sharedKey: kind === 'channel' ? channelId : kind === 'groupChat' ? conversationId : null,
    teamId: kind === 'channel' ? (teamsGetTeamInfo(activity)?.id ?? null) : null,
    timeZone: activity.localTimezone ?? null,
  };
}

/** The bot's own mentions in a message (`<at>Ledgerline</at>`), as its entities name them. */
function botMentions(activity: Activity): { text?: string }[] {
  const bot = activity.recipient?.id;
  return (activity.entities ?? []).filter(
    (entity) =>
      entity.type === 'mention' && (entity as { mentioned?: { id?: string } }).mentioned?.id === bot,
  ) as { text?: string }[];
}

function mentionsBot(activity: Activity): boolean {
  return botMentions(activity).length > 0;
}

/** The message's text without the bot's mention; '' when it has none (a card's Action.Submit). */
function withoutBotMention(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  return botMentions(activity).reduce(
    (text, mention) => (typeof mention.text === 'string' ? text.replace(mention.text, ' ') : text),
    activity.text,
  );
}

function installedOf(activity: Activity): InstalledConversation {
  const { kind, conversationId } = conversationOf(activity);
  const team = teamsGetTeamInfo(activity);
  return {
    kind,
    conversationId,
    tenantId: activity.conversation?.tenantId ?? null,
    teamId: kind === 'channel' ? (team?.id ?? conversationId) : null,
    channelId: kind === 'channel' ? (teamsGetChannelId(activity) ?? conversationId) : null,
    userObjectId: kind === 'personal' ? (activity.from?.aadObjectId ?? null) : null,
    serviceUrl: activity.serviceUrl,
    reference: TurnContext.getConversationReference(activity) as Record<string, unknown>,
  };
}
