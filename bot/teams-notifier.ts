import {
  CardFactory,
  MessageFactory,
  TeamsInfo,
  type Activity,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Repositories } from '../backend/db/repositories.js';
import type { BotAdapter } from './bot-adapter.js';
import type { AdaptiveCard } from './cards/card-elements.js';

/** What a delivery did: the posted activity, or why it failed (the caller's outbox retries). */
export type Delivery =
  { ok: true; conversationId: string; activityId: string | null } | { ok: false; error: string };

/**
 * Proactive delivery to Teams: a card to a saved conversation (a personal chat, a group chat, a
 * team's General channel) through `continueConversationAsync`, or a new post in any channel of
 * an installed team through `TeamsInfo.sendMessageToTeamsChannel`. Failures are returned, never
 * thrown, so an outbox can record and retry them.
 */
export class TeamsNotifier {
  constructor(
    private readonly bot: BotAdapter,
    private readonly repos: Pick<Repositories, 'botConversations'>,
  ) {}

  /** Sends a card to a conversation the bot is installed in. */
  sendToConversation(conversationId: string, card: AdaptiveCard): Promise<Delivery> {
    return reported(() => this.sendToSaved(conversationId, card));
  }

  /** Sends a card to a person's personal chat with the bot (by Entra object id). */
  sendToPerson(objectId: string, card: AdaptiveCard): Promise<Delivery> {
    return reported(async () => {
      const chat = await this.repos.botConversations.personalChatOf(objectId);
      if (!chat) return { ok: false, error: `${objectId} has not installed the bot in a personal chat` };
      return this.sendToSaved(chat.conversationId, card);
    });
  }

  /** Starts a new post with the card in a channel of a team the bot is installed in. */
  postToChannel(teamId: string, channelId: string, card: AdaptiveCard): Promise<Delivery> {
    return reported(() => this.postInTeam(teamId, channelId, card));
  }

  private async sendToSaved(conversationId: string, card: AdaptiveCard): Promise<Delivery> {
    const saved = await this.repos.botConversations.get(conversationId);
    if (!saved) return { ok: false, error: `the bot is not installed in conversation ${conversationId}` };
    return this.deliver(saved.reference, conversationId, async (context) => {
      const sent = await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
      return { conversationId, activityId: sent?.id ?? null };
    });
  }

  private async postInTeam(teamId: string, channelId: string, card: AdaptiveCard): Promise<Delivery> {
    const team = (await this.repos.botConversations.list()).find(
      (conversation) => conversation.teamId === teamId && conversation.kind === 'channel',
    );
    if (!team) return { ok: false, error: `the bot is not installed in team ${teamId}` };
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card)) as Activity;
    return this.deliver(team.reference, team.conversationId, async (context) => {
      if (this.bot.appId) {
        const [reference, activityId] = await TeamsInfo.sendMessageToTeamsChannel(
          context,
          activity,
          channelId,
          this.bot.appId,
        );
        return { conversationId: reference.conversation?.id ?? channelId, activityId: activityId ?? null };
      }
      // Without an app id (demo mode) the SDK helper has no adapter path; create the post as it would.
      let created: { conversationId: string; activityId: string | null } = {
        conversationId: channelId,
        activityId: null,
      };
      await this.bot.adapter.createConversationAsync(
        '',
        'msteams',
        context.activity.serviceUrl,
        '',
        {
          isGroup: true,
          channelData: { channel: { id: channelId } },
          activity,
          bot: context.activity.recipient,
          members: [],
        },
        async (turn) => {
          created = { conversationId: turn.activity.conversation.id, activityId: turn.activity.id ?? null };
        },
      );
      return created;
    });
  }

  private async deliver(
    reference: Record<string, unknown>,
    fallbackConversationId: string,
    send: (context: TurnContext) => Promise<{ conversationId: string; activityId: string | null }>,
  ): Promise<Delivery> {
    let result: Delivery = { ok: false, error: `nothing was sent to ${fallbackConversationId}` };
    try {
      await this.bot.adapter.continueConversationAsync(
        this.bot.appId,
        reference as Partial<ConversationReference>,
        async (context) => {
          result = { ok: true, ...(await send(context)) };
        },
      );
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      result = {
        ok: false,
        error: `Teams did not take the message${status ? ` (HTTP ${status})` : ''}: ${(error as Error).message}`,
      };
    }
    return result;
  }
}

/** A delivery whose own failures (the database out of reach, say) are returned like Teams' refusals. */
async function reported(delivery: () => Promise<Delivery>): Promise<Delivery> {
  try {
    return await delivery();
  } catch (error) {
    return { ok: false, error: `the delivery could not be prepared: ${(error as Error).message}` };
  }
}
