import type { Kysely, Selectable } from 'kysely';
import type { BillingSchema, OutboxTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { limitRows } from './row-limit.js';

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

/** A message as the outbox holds it, with where it is in its delivery. */
export interface OutboxRecord extends OutboxMessage {
  id: number;
  status: OutboxTable['status'];
  /** Attempts started so far (a claim counts as one). */
  attempts: number;
  nextAttemptAt: number;
  leaseOwner: string | null;
  leaseUntil: number | null;
  lastError: string | null;
  /** Where it went (conversation and activity ids, a message id), once sent. */
  delivery: Record<string, unknown> | null;
  createdAt: number;
  sentAt: number | null;
}

/** How a worker claims due messages. */
export interface OutboxClaim {
  /** The worker's name, kept in lease_owner. */
  owner: string;
  /** How long the messages are the worker's before another may take them over. */
  leaseMs: number;
  /** At most this many messages. */
  limit: number;
}

/**
 * The notification outbox. Messages are written with the repositories of the transaction that
 * caused them (an alarm raised while mining, a report run claimed), so they exist exactly when
 * their cause does; a worker then claims them under a lease, and marks each sent once, or failed
 * with the time of its next attempt.
 */
export class OutboxRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
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

  /**
   * Claims up to `limit` messages for `owner`: pending ones whose next attempt is due, and ones
   * being sent whose lease has ended (their worker is gone). Each is taken by an UPDATE that
   * names the state it was read in, so of two workers racing for a message exactly one updates
   * its row; the other skips it. Each claim counts as an attempt.
   */
  async claimDue(claim: OutboxClaim): Promise<OutboxRecord[]> {
    const at = this.now();
    const candidates = await limitRows(
      this.db
        .selectFrom('outbox')
        .select(['id', 'status', 'lease_until'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
            eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', at)]),
          ]),
        )
        .orderBy('next_attempt_at')
        .orderBy('id'),
      this.adapter.capabilities,
      claim.limit,
    ).execute();
    const claimed: number[] = [];
    for (const candidate of candidates) {
      let update = this.db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'sending',
          lease_owner: claim.owner,
          lease_until: at + claim.leaseMs,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', candidate.id)
        .where('status', '=', candidate.status);
      update =
        candidate.status === 'pending'
          ? update.where('next_attempt_at', '<=', at)
          : update.where('lease_until', '=', candidate.lease_until);
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) claimed.push(Number(candidate.id));
    }
    if (claimed.length === 0) return [];
    const rows = await this.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', 'in', claimed)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /**
   * Marks a message sent, with where it went, if `owner` still holds it; false when its lease
   * was lost (a transaction that wrote with it must then roll back).
   */
  async markSent(id: number, owner: string, delivery: Record<string, unknown>): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({
        status: 'sent',
        sent_at: this.now(),
        delivery_json: JSON.stringify(delivery),
        lease_until: null,
        last_error: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Records a failed attempt of a message `owner` holds: pending again at `retryAt`, or, with
   * null, failed for good. The error is kept either way; false when the lease was lost.
   */
  async markFailed(id: number, owner: string, error: string, retryAt: number | null): Promise<boolean> {
    const result = await this.db
      .updateTable('outbox')
      .set({
        status: retryAt === null ? 'failed' : 'pending',
        ...(retryAt === null ? {} : { next_attempt_at: retryAt }),
        last_error: error,
        lease_owner: null,
        lease_until: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('lease_owner', '=', owner)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The message with this id, if any. */
  async get(id: number): Promise<OutboxRecord | null> {
    const row = await this.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Messages in a state (or all), newest first: for the status page and the CLI. */
  async list(filter: { status: OutboxTable['status'] | 'all'; limit: number }): Promise<OutboxRecord[]> {
    let query = this.db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
    if (filter.status !== 'all') query = query.where('status', '=', filter.status);
    const rows = await limitRows(query, this.adapter.capabilities, filter.limit).execute();
    return rows.map(toRecord);
  }

  /** How many messages are in each state: for metrics and the status page. */
  async countByStatus(): Promise<Record<OutboxTable['status'], number>> {
    const rows = await this.db
      .selectFrom('outbox')
      .select((eb) => ['status', eb.fn.countAll<number | string>().as('count')])
      .groupBy('status')
      .execute();
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }
}

function toRecord(row: Selectable<OutboxTable>): OutboxRecord {
  return {
    id: Number(row.id),
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    dedupeKey: row.dedupe_key,
    payload: JSON.parse(row.payload_json) as unknown,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    leaseOwner: row.lease_owner,
    leaseUntil: row.lease_until === null ? null : Number(row.lease_until),
    lastError: row.last_error,
    delivery: row.delivery_json === null ? null : (JSON.parse(row.delivery_json) as Record<string, unknown>),
    createdAt: Number(row.created_at),
    sentAt: row.sent_at === null ? null : Number(row.sent_at),
  };
}
