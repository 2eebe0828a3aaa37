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

  /**
   * The bot was removed: forgets the conversation with its subscriptions and settings; for a
   * team, those of every channel of the team (each row keeps its team), not only the channels
   * the bot was installed in.
   */
  async uninstalled(
    conversation: Pick<InstalledConversation, 'conversationId' | 'teamId' | 'kind'>,
  ): Promise<void> {
    if (conversation.kind === 'channel' && conversation.teamId) {
      await this.repos.botSubscriptions.unsubscribeTeam(conversation.teamId);
      await this.repos.botChannelSettings.clearTeam(conversation.teamId);
      await this.repos.botConversations.removeTeam(conversation.teamId);
      return;
    }
    await this.repos.botSubscriptions.unsubscribe(conversation.conversationId, null);
    await this.repos.botChannelSettings.clear(conversation.conversationId);
    await this.repos.botConversations.remove(conversation.conversationId);
  }
}
