import type { Kysely } from 'kysely';
import type { BillingSchema, OutboxTable } from './billing-schema.js';

/** A message to write to the outbox; the worker sends it once. */
export interface OutboxMessage {
  kind: OutboxTable['kind'];
  channel: OutboxTable['channel'];
  /** A conversation id, `channel:{teamId}/{channelId}`, `person:{objectId}` or an e-mail address. */
  recipient: string;
  /** Unique per message: writing a message with a key already there keeps the first. */
  dedupeKey: string;
  /** What the notifier needs to send it (a card, or an e-mail's subject, body and attachments). */
  payload: unknown;
}

/**
 * The notification outbox. Messages are written with the repositories of the transaction that
 * caused them (an alarm raised while mining, a report run claimed), so they exist exactly when
 * their cause does.
 */
export class OutboxRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Adds messages not already there (by dedupe key); returns how many were added. */
  async enqueue(messages: readonly OutboxMessage[]): Promise<number> {
    let added = 0;
    for (const message of messages) {
      const existing = await this.db
        .selectFrom('outbox')
        .select('id')
        .where('dedupe_key', '=', message.dedupeKey)
        .executeTakeFirst();
      if (existing) continue;
      const at = this.now();
      await this.db
        .insertInto('outbox')
        .values({
          kind: message.kind,
          channel: message.channel,
          recipient: message.recipient,
          dedupe_key: message.dedupeKey,
          payload_json: JSON.stringify(message.payload),
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          created_at: at,
        })
        .execute();
      added++;
    }
    return added;
  }
}
