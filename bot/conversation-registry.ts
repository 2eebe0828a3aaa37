import type { BotConversation } from '../backend/db/bot-conversation.repository.js';
import type { Repositories } from '../backend/db/repositories.js';

/** A conversation the bot was added to, as the install activity describes it. */
export type InstalledConversation = Omit<BotConversation, 'installedAt'>;

/**
 * Keeps the conversations the bot is installed in: saved when it is added to a personal chat,
 * a group chat or a team, removed with its subscriptions and settings when it is removed, so the
 * notifier can post to a person, a chat or a team's channels.
 */
export class ConversationRegistry {
  constructor(
    private readonly repos: Pick<
      Repositories,
      'botConversations' | 'botSubscriptions' | 'botChannelSettings'
    >,
  ) {}

  /** The bot was added (or its conversation changed): saves the reference. */
  async installed(conversation: InstalledConversation): Promise<void> {
    await this.repos.botConversations.save(conversation);
  }

  /** The bot was removed: forgets the conversation (a whole team's, for a team). */
  async uninstalled(
    conversation: Pick<InstalledConversation, 'conversationId' | 'teamId' | 'kind'>,
  ): Promise<void> {
    if (conversation.kind === 'channel' && conversation.teamId) {
      for (const saved of await this.repos.botConversations.list())
        if (saved.teamId === conversation.teamId) await this.forget(saved.conversationId, saved.channelId);
      await this.repos.botConversations.removeTeam(conversation.teamId);
      return;
    }
    await this.forget(conversation.conversationId, null);
    await this.repos.botConversations.remove(conversation.conversationId);
  }

  private async forget(conversationId: string, channelId: string | null): Promise<void> {
    for (const key of new Set([conversationId, ...(channelId ? [channelId] : [])])) {
      await this.repos.botSubscriptions.unsubscribe(key, null);
      await this.repos.botChannelSettings.clear(key);
    }
  }
}
