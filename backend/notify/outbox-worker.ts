import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { deliverMessage, type DeliveryContext, type DeliveryOutcome } from './outbox-delivery.js';
import type { Notifiers } from './notifier.js';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './retry-backoff.js';

/** How long a claimed message is a worker's before another may take it over: 5 minutes. */
export const OUTBOX_LEASE_MS = 5 * 60_000;

/** What the outbox worker works with. */
export interface OutboxWorkerOptions {
  database: Database;
  notifiers: Notifiers;
  now: () => number;
  /** Time between looks at the outbox (default 5 s). */
  pollMs?: number;
  /** This worker's name in lease_owner (default: host name, process id and a random suffix). */
  owner?: string;
  leaseMs?: number;
  /** Attempts of a message before it is failed for good (default 8). */
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  /** Jitter's source, [0, 1) (default Math.random). */
  random?: () => number;
  /**
   * Messages claimed at a time (default 1: each is claimed just before it is sent, so its lease
   * covers its own send only, and a slow mail server cannot make the lease of the next message
   * run out while it waits, which would let another worker send that one too).
   */
  batchSize?: number;
  /** The tab's base URL, for the links of alarm messages. */
  tabUrl?: string | null;
  reporter?: {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
    error(message: string, fields?: Record<string, unknown>): void;
  };
}

/** How many messages one drain left in each state. */
export type DrainOutcome = Record<DeliveryOutcome, number>;

/** A running outbox worker. */
export interface OutboxWorker {
  readonly owner: string;
  /** Sends every message due now (after any drain under way); for tests and the CLI. */
  drain(): Promise<DrainOutcome>;
  /** Stops polling and waits for the drain under way. */
  stop(): Promise<void>;
}

/**
 * Sends the outbox: at start and every `pollMs`, claims due messages under a lease and delivers
 * each (see deliverMessage), until none is due. Any number of workers may run on one database;
 * a message is claimed by one of them at a time, and one whose worker died is taken over when
 * its lease ends.
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const owner = options.owner ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? OUTBOX_LEASE_MS;
  const batchSize = options.batchSize ?? 1;
  const context: DeliveryContext = {
    database: options.database,
    repos: repositoriesFor(options.database.kysely, options.database, options.now),
    notifiers: options.notifiers,
    now: options.now,
    owner,
    maxAttempts: options.maxAttempts ?? 8,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    random: options.random ?? Math.random,
    tabUrl: options.tabUrl ?? null,
  };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  const drainDue = async (): Promise<DrainOutcome> => {
    const outcome: DrainOutcome = { sent: 0, expanded: 0, retrying: 0, failed: 0, lost: 0 };
    for (;;) {
      const batch = await context.repos.outbox.claimDue({ owner, leaseMs, limit: batchSize });
      if (batch.length === 0) break;
      for (const message of batch) {
        const result = await deliverMessage(message, context);
        outcome[result] += 1;
        if (result === 'failed')
          options.reporter?.warn('a notification was given up', {
            id: message.id,
            recipient: message.recipient,
          });
      }
      if (stopped) break;
    }
    if (outcome.lost > 0)
      options.reporter?.warn('notifications whose lease ended while they were sent', { count: outcome.lost });
    return outcome;
  };
  const drain = () => {
    const next = running.then(drainDue, drainDue);
    running = next.catch(() => undefined);
    return next;
  };
  const tick = () => {
    drain()
      .catch((error: unknown) =>
        options.reporter?.error(
          `the outbox could not be sent: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.pollMs ?? 5_000);
      });
  };
  tick();
  return {
    owner,
    drain,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
