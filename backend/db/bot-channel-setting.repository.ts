import type { Kysely } from 'kysely';
import type { BillingSchema } from './billing-schema.js';

/** What a shared conversation may be shown: one department (and those below it), or the company. */
export type ChannelVisibility = { kind: 'department'; departmentId: number } | { kind: 'company' };

/** A shared conversation's setting, and who set it when. */
export interface ChannelSetting {
  conversationKey: string;
  /** The channel's team (its General channel's id); null for a group chat. */
  teamId: string | null;
  visibility: ChannelVisibility;
  updatedBy: string;
  updatedAt: number;
}

/** What each channel or group chat may be shown, as admins set it with the bot's `channel` command. */
export class BotChannelSettingRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The setting of a channel (Teams channel id) or group chat (conversation id), if any. */
  async get(conversationKey: string): Promise<ChannelSetting | undefined> {
    const row = await this.db
      .selectFrom('bot_channel_settings')
      .selectAll()
      .where('conversation_key', '=', conversationKey)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      conversationKey: row.conversation_key,
      teamId: row.team_id,
      visibility:
        Number(row.company_wide) === 1 || row.department_id === null
          ? { kind: 'company' }
          : { kind: 'department', departmentId: Number(row.department_id) },
      updatedBy: row.updated_by,
      updatedAt: Number(row.updated_at),
    };
  }

  /** Sets what a shared conversation may be shown; `teamId` is the channel's team (null: a group chat). */
  async set(
    conversationKey: string,
    visibility: ChannelVisibility,
    updatedBy: string,
    teamId: string | null = null,
  ): Promise<void> {
    const values = {
      team_id: teamId,
      department_id: visibility.kind === 'department' ? visibility.departmentId : null,
      company_wide: visibility.kind === 'company' ? 1 : 0,
      updated_by: updatedBy.slice(0, 64),
      updated_at: this.now(),
    };
    const result = await this.db
      .updateTable('bot_channel_settings')
      .set(values)
      .where('conversation_key', '=', conversationKey)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0)
      await this.db
        .insertInto('bot_channel_settings')
        .values({ conversation_key: conversationKey, ...values })
        .execute();
  }

  /** Clears a conversation's setting: it is shown nothing again. */
  async clear(conversationKey: string): Promise<void> {
    await this.db
      .deleteFrom('bot_channel_settings')
      .where('conversation_key', '=', conversationKey)
      .execute();
  }

  /** Clears the settings of every channel of a team (the bot was removed from it); returns how many. */
  async clearTeam(teamId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('bot_channel_settings')
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
