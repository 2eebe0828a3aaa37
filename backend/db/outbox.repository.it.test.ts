import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { migrateToLatest } from './migrations/migrate.js';
import type { OutboxMessage } from './outbox.repository.js';
import { repositoriesFor, type Repositories } from './repositories.js';
import { testEngines } from './test-engines.js';

const message = (n: number): OutboxMessage => ({
  kind: 'alarm',
  channel: 'email',
  recipient: `person${n}@contoso.com`,
  dedupeKey: `alarm:${n}:email:person${n}@contoso.com`,
  payload: { alarmId: n },
});

describe.each(testEngines())('the outbox, on $name', (engine) => {
  let database: Database;
  let repos: Repositories;
  let clock = Date.UTC(2026, 2, 2, 9, 0, 0);

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    repos = repositoriesFor(database.kysely, database, () => clock);
  });
  afterAll(() => database.close());

  it('hands a due message to one worker under a lease, and to another only once the lease ends', async () => {
    expect(await repos.outbox.enqueue([message(1), message(1), message(2)])).toBe(2);
    const first = await repos.outbox.claimDue({ owner: 'worker-a', leaseMs: 60_000, limit: 1 });
    expect(first).toMatchObject([
      {
        recipient: 'person1@contoso.com',
        status: 'sending',
        leaseOwner: 'worker-a',
        attempts: 1,
        payload: { alarmId: 1 },
      },
    ]);
    const second = await repos.outbox.claimDue({ owner: 'worker-b', leaseMs: 60_000, limit: 10 });
    expect(second.map((record) => record.recipient)).toEqual(['person2@contoso.com']);
    expect(await repos.outbox.claimDue({ owner: 'worker-b', leaseMs: 60_000, limit: 10 })).toEqual([]);

    clock += 60_001;
    const takenOver = await repos.outbox.claimDue({ owner: 'worker-c', leaseMs: 60_000, limit: 10 });
    expect(takenOver.map((record) => [record.recipient, record.leaseOwner, record.attempts])).toEqual([
      ['person1@contoso.com', 'worker-c', 2],
      ['person2@contoso.com', 'worker-c', 2],
    ]);
    // The first worker's lease is gone: it can neither mark the message sent nor failed.
    expect(await repos.outbox.markSent(first[0]!.id, 'worker-a', { messageId: 'x' })).toBe(false);
    expect(await repos.outbox.markFailed(first[0]!.id, 'worker-a', 'late', null)).toBe(false);
    expect(await repos.outbox.markSent(first[0]!.id, 'worker-c', { messageId: '<m1@contoso>' })).toBe(true);
    expect(await repos.outbox.get(first[0]!.id)).toMatchObject({
      status: 'sent',
      sentAt: clock,
      delivery: { messageId: '<m1@contoso>' },
      leaseUntil: null,
    });
    // A sent message is never claimed again, whatever the time.
    clock += 24 * 3_600_000;
    const again = await repos.outbox.claimDue({ owner: 'worker-d', leaseMs: 60_000, limit: 10 });
    expect(again.map((record) => record.recipient)).toEqual(['person2@contoso.com']);
  });

  it('retries a failed attempt at its time, keeps the error, and stops when failed for good', async () => {
    const [held] = await repos.outbox.list({ status: 'sending', limit: 10 });
    expect(held).toBeDefined();
    const owner = held!.leaseOwner!;
    expect(await repos.outbox.markFailed(held!.id, owner, 'SMTP 451', clock + 30_000)).toBe(true);
    expect(await repos.outbox.get(held!.id)).toMatchObject({
      status: 'pending',
      nextAttemptAt: clock + 30_000,
      lastError: 'SMTP 451',
      leaseOwner: null,
    });
    expect(await repos.outbox.claimDue({ owner: 'w', leaseMs: 60_000, limit: 10 })).toEqual([]);
    clock += 30_000;
    const [retried] = await repos.outbox.claimDue({ owner: 'w', leaseMs: 60_000, limit: 10 });
    expect(retried).toMatchObject({ id: held!.id, attempts: held!.attempts + 1 });
    expect(await repos.outbox.markFailed(held!.id, 'w', 'no such mailbox', null)).toBe(true);
    clock += 365 * 24 * 3_600_000;
    expect(await repos.outbox.claimDue({ owner: 'w', leaseMs: 60_000, limit: 10 })).toEqual([]);
    expect(await repos.outbox.get(held!.id)).toMatchObject({
      status: 'failed',
      lastError: 'no such mailbox',
    });
    expect(await repos.outbox.countByStatus()).toEqual({ pending: 0, sending: 0, sent: 1, failed: 1 });
    expect((await repos.outbox.list({ status: 'all', limit: 1 })).length).toBe(1);
  });

  it('gives each of many messages to exactly one of two workers claiming at once', async () => {
    const many = Array.from({ length: 40 }, (_, i) => message(100 + i));
    await repos.outbox.enqueue(many);
    const claims = await Promise.all(
      ['a', 'b', 'a', 'b', 'a', 'b'].map((owner) =>
        repos.outbox.claimDue({ owner: `racer-${owner}`, leaseMs: 60_000, limit: 40 }),
      ),
    );
    const ids = claims.flat().map((record) => record.id);
    expect(ids.length).toBe(40);
    expect(new Set(ids).size).toBe(40);
  });
});
