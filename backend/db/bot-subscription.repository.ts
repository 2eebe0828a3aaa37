import type { Kysely, Selectable } from 'kysely';
import type { BillingSchema, BotSubscriptionTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

/** A report a chat or channel subscribed to. */
export interface BotSubscription {
  id: number;
  conversationKey: string;
  conversationId: string;
  /** The channel's team (its General channel's id); null for a chat. */
  teamId: string | null;
  report: string;
  schedule: BotSubscriptionTable['schedule'];
  subscriberObjectId: string;
  createdAt: number;
}

/** Reports subscribed to per chat or channel: one subscription per report and conversation. */
export class BotSubscriptionRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Subscribes a conversation to a report, or changes the schedule it has; returns its id. */
  async subscribe(subscription: Omit<BotSubscription, 'id' | 'createdAt'>): Promise<number> {
    const existing = await this.db
      .selectFrom('bot_subscriptions')
      .select('id')
      .where('conversation_key', '=', subscription.conversationKey)
      .where('report', '=', subscription.report)
      .executeTakeFirst();
    const values = {
      conversation_id: subscription.conversationId,
      team_id: subscription.teamId,
      schedule: subscription.schedule,
      subscriber_object_id: subscription.subscriberObjectId.toLowerCase(),
    };
    if (existing) {
      await this.db.updateTable('bot_subscriptions').set(values).where('id', '=', existing.id).execute();
      return Number(existing.id);
    }
    return insertReturningId(
      this.adapter.capabilities,
      this.db.insertInto('bot_subscriptions').values({
        conversation_key: subscription.conversationKey,
        report: subscription.report,
        created_at: this.now(),
        ...values,
      }),
    );
  }

  /** The subscriptions of a conversation, by report. */
  async ofConversation(conversationKey: string): Promise<BotSubscription[]> {
    const rows = await this.db
      .selectFrom('bot_subscriptions')
      .selectAll()
      .where('conversation_key', '=', conversationKey)
      .orderBy('report')
      .execute();
    return rows.map(toSubscription);
  }

  /** Every subscription with a schedule (for the scheduler). */
  async withSchedule(schedule: BotSubscription['schedule']): Promise<BotSubscription[]> {
    const rows = await this.db
      .selectFrom('bot_subscriptions')
      .selectAll()
      .where('schedule', '=', schedule)
      .orderBy('id')
      .execute();
    return rows.map(toSubscription);
  }

  /** Removes one report's subscription, or all of a conversation's (report null); returns how many. */
  async unsubscribe(conversationKey: string, report: string | null): Promise<number> {
    let query = this.db.deleteFrom('bot_subscriptions').where('conversation_key', '=', conversationKey);
    if (report !== null) query = query.where('report', '=', report);
    return Number((await query.executeTakeFirst()).numDeletedRows);
  }

  /** Removes the subscriptions of every channel of a team (the bot was removed from it); returns how many. */
  async unsubscribeTeam(teamId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('bot_subscriptions')
      .where('team_id', '=', teamId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toSubscription(row: Selectable<BotSubscriptionTable>): BotSubscription {
  return {
    id: Number(row.id),
    conversationKey: row.conversation_key,
    conversationId: row.conversation_id,
    teamId: row.team_id,
    report: row.report,
    schedule: row.schedule,
    subscriberObjectId: row.subscriber_object_id,
    createdAt: Number(row.created_at),
  };
}
