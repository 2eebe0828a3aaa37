import type { Kysely, Migration } from 'kysely';
import type { EngineAdapter } from '../engine-adapter.js';

/**
 * The bot's tables: the conversations it is installed in (the reference it needs to post there
 * later), what each shared conversation (a channel or a group chat) may be shown, and the
 * reports chats and channels subscribed to. A channel's rows carry its team's id, so removing the
 * bot from a team forgets every channel of it, not only those it was installed in.
 */
export function botConversations(adapter: EngineAdapter): Migration {
  const { shortText, longText, identity } = adapter.columns;
  return {
    // Migrations see the schema as it was then, not as BillingSchema says today.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('bot_conversations')
        .addColumn('conversation_id', shortText(256), (c) => c.primaryKey())
        .addColumn('kind', shortText(16), (c) => c.notNull())
        .addColumn('tenant_id', shortText(64))
        .addColumn('team_id', shortText(256))
        .addColumn('channel_id', shortText(256))
        .addColumn('user_object_id', shortText(64))
        .addColumn('service_url', shortText(512), (c) => c.notNull())
        .addColumn('reference_json', longText, (c) => c.notNull())
        .addColumn('installed_at', 'bigint', (c) => c.notNull())
        .execute();
      // Alarms and reports for a person go to their personal chat; a team's posts go to its channels.
      await db.schema
        .createIndex('bot_conversations_user_ix')
        .on('bot_conversations')
        .columns(['user_object_id'])
        .execute();
      await db.schema
        .createIndex('bot_conversations_team_ix')
        .on('bot_conversations')
        .columns(['team_id'])
        .execute();

      await db.schema
        .createTable('bot_channel_settings')
        .addColumn('conversation_key', shortText(256), (c) => c.primaryKey())
        .addColumn('team_id', shortText(256))
        .addColumn('department_id', 'integer')
        .addColumn('company_wide', 'smallint', (c) => c.notNull())
        .addColumn('updated_by', shortText(64), (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('bot_channel_settings_team_ix')
        .on('bot_channel_settings')
        .columns(['team_id'])
        .execute();

      await db.schema
        .createTable('bot_subscriptions')
        .addColumn('id', 'integer', identity)
        .addColumn('conversation_key', shortText(256), (c) => c.notNull())
        .addColumn('conversation_id', shortText(256), (c) => c.notNull())
        .addColumn('team_id', shortText(256))
        .addColumn('report', shortText(32), (c) => c.notNull())
        .addColumn('schedule', shortText(16), (c) => c.notNull())
        .addColumn('subscriber_object_id', shortText(64), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('bot_subscriptions_report_uq', ['conversation_key', 'report'])
        .execute();
      await db.schema
        .createIndex('bot_subscriptions_team_ix')
        .on('bot_subscriptions')
        .columns(['team_id'])
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('bot_subscriptions').execute();
      await db.schema.dropTable('bot_channel_settings').execute();
      await db.schema.dropTable('bot_conversations').execute();
    },
  };
}
