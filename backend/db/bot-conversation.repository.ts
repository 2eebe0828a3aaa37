import type { Kysely, Selectable } from 'kysely';
import type { BillingSchema, BotConversationTable } from './billing-schema.js';

/** A conversation the bot is installed in, and the reference to post there later. */
export interface BotConversation {
  conversationId: string;
  kind: BotConversationTable['kind'];
  tenantId: string | null;
  teamId: string | null;
  channelId: string | null;
  userObjectId: string | null;
  serviceUrl: string;
  /** The Bot Framework ConversationReference, as the bot saved it. */
  reference: Record<string, unknown>;
  installedAt: number;
}

/** The conversations the bot is installed in: saved on install, removed on uninstall. */
export class BotConversationRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Saves (or replaces) a conversation's reference; installing again keeps the first install time. */
  async save(conversation: Omit<BotConversation, 'installedAt'>): Promise<void> {
    const values = {
      kind: conversation.kind,
      tenant_id: conversation.tenantId,
      team_id: conversation.teamId,
      channel_id: conversation.channelId,
      user_object_id: conversation.userObjectId?.toLowerCase() ?? null,
      service_url: conversation.serviceUrl,
      reference_json: JSON.stringify(conversation.reference),
    };
    const result = await this.db
      .updateTable('bot_conversations')
      .set(values)
      .where('conversation_id', '=', conversation.conversationId)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      await this.db
        .insertInto('bot_conversations')
        .values({ conversation_id: conversation.conversationId, installed_at: this.now(), ...values })
        .execute();
  }

  /** A conversation by id. */
  async get(conversationId: string): Promise<BotConversation | undefined> {
    const row = await this.db
      .selectFrom('bot_conversations')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return row ? toConversation(row) : undefined;
  }

  /** A person's personal chat with the bot. */
  async personalChatOf(objectId: string): Promise<BotConversation | undefined> {
    const row = await this.db
      .selectFrom('bot_conversations')
      .selectAll()
      .where('kind', '=', 'personal')
      .where('user_object_id', '=', objectId.toLowerCase())
      .executeTakeFirst();
    return row ? toConversation(row) : undefined;
  }

  /** Every conversation, oldest install first. */
  async list(): Promise<BotConversation[]> {
    const rows = await this.db
      .selectFrom('bot_conversations')
      .selectAll()
      .orderBy('installed_at')
      .orderBy('conversation_id')
      .execute();
    return rows.map(toConversation);
  }

  /** Forgets a conversation (the bot was removed from it). */
  async remove(conversationId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('bot_conversations')
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Forgets every conversation of a team (the bot was removed from the team). */
  async removeTeam(teamId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('bot_conversations')
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toConversation(row: Selectable<BotConversationTable>): BotConversation {
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    tenantId: row.tenant_id,
    teamId: row.team_id,
    channelId: row.channel_id,
    userObjectId: row.user_object_id,
    serviceUrl: row.service_url,
    reference: JSON.parse(row.reference_json) as Record<string, unknown>,
    installedAt: Number(row.installed_at),
  };
}
