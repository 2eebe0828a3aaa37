import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readNotifySettings } from '../config/notify-settings.js';
import { testEngines } from '../db/test-engines.js';
import { SmtpStandIn } from '../testing/smtp-stand-in.js';
import { createNotifiers } from './notifier.js';
import { startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.js';
import { openDeliveryWorld, PDF_BYTES, type DeliveryWorld } from './test-delivery-world.js';

const FROM = 'billing@contoso.com';
const TAB_URL = 'https://ledgerline.contoso.com';

describe.each(testEngines())('the outbox worker sending e-mail over SMTP, on $name', (engine) => {
  let smtp: SmtpStandIn;
  let world: DeliveryWorld;
  const workers: OutboxWorker[] = [];
  const start = (options: Partial<OutboxWorkerOptions> = {}) => {
    const worker = startOutboxWorker({
      database: world.world.database,
      notifiers: createNotifiers({
        settings: readNotifySettings({
          LEDGERLINE_MAIL_TRANSPORT: 'smtp',
          LEDGERLINE_MAIL_FROM: FROM,
          LEDGERLINE_SMTP_URL: smtp.url,
        }),
        bot: null,
        repos: world.repos,
        graph: null,
      }),
      now: () => world.clock.now,
      pollMs: 3_600_000,
      backoff: { baseMs: 10_000, maxMs: 60_000 },
      random: () => 0.5,
      tabUrl: TAB_URL,
      ...options,
    });
    workers.push(worker);
    return worker;
  };

  beforeAll(async () => {
    smtp = await SmtpStandIn.start();
  });
  afterAll(() => smtp.close());
  beforeEach(async () => {
    world = await openDeliveryWorld(engine);
    smtp.received.length = 0;
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await worker.stop();
    await world.close();
  });

  it('sends a report with its PDF and an alarm rendered from its row, and marks each sent once', async () => {
    await world.repos.outbox.enqueue([
      world.reportEmail('anna.rossi@contoso.com'),
      world.alarmMessage('email', 'bruno.conti@contoso.com'),
    ]);
    await world.repos.alarms.acknowledge(world.alarmId, 'Carla Bianchi', world.clock.now);
    const worker = start();
    expect(await worker.drain()).toMatchObject({ sent: 0 }); // the start already sent them
    expect(smtp.received.map((mail) => [mail.from, mail.to, mail.subject])).toEqual([
      [FROM, ['anna.rossi@contoso.com'], 'Cost summary, February 2026'],
      [FROM, ['bruno.conti@contoso.com'], '[Ledgerline] warning: Premium calls (Sales)'],
    ]);
    const [report, alarm] = smtp.received;
    const pdf = report?.parts.find((part) => part.filename === 'cost-summary-2026-02.pdf');
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.content.equals(PDF_BYTES)).toBe(true);
    const html = alarm?.parts.find((part) => part.contentType === 'text/html')?.content.toString();
    const text = alarm?.parts.find((part) => part.contentType === 'text/plain')?.content.toString();
    expect(html).toContain(`href="${TAB_URL}/alarms?status=all"`);
    expect(text).toContain('3 calls to premium numbers cost EUR 42.00');
    expect(text).toContain('Acknowledged by Carla Bianchi');
    const rows = await world.repos.outbox.list({ status: 'all', limit: 10 });
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(rows[0]?.delivery).toMatchObject({ messageId: expect.stringContaining('@') });
  });

  it('retries a message the server refuses for a while, with growing waits, and delivers it once', async () => {
    smtp.refuseNext(3, 451);
    await world.repos.outbox.enqueue([world.reportEmail('anna.rossi@contoso.com')]);
    const worker = start();
    await worker.drain(); // after the first look, at start
    const [message] = await world.repos.outbox.list({ status: 'all', limit: 1 });
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const pending = await world.repos.outbox.get(message!.id);
      expect(pending).toMatchObject({ status: 'pending', lastError: expect.stringContaining('451') });
      waits.push(pending!.nextAttemptAt - world.clock.now);
      expect(await worker.drain()).toMatchObject({ sent: 0 }); // not due yet
      world.clock.now = pending!.nextAttemptAt;
      await worker.drain();
    }
    // 10 s, 20 s, 40 s steps with the jitter drawn at the middle: three quarters of each.
    expect(waits).toEqual([7_500, 15_000, 30_000]);
    expect(await world.repos.outbox.get(message!.id)).toMatchObject({ status: 'sent', attempts: 4 });
    world.clock.now += 3_600_000;
    await worker.drain();
    expect(smtp.received.map((mail) => mail.to)).toEqual([['anna.rossi@contoso.com']]);
  });

  it('gives up after the last attempt, or at once when the mailbox does not exist, keeping the error', async () => {
    smtp.refuseNext(1, 550);
    await world.repos.outbox.enqueue([world.reportEmail('nobody@contoso.com')]);
    const worker = start({ maxAttempts: 2 });
    await worker.drain();
    expect(await world.repos.outbox.list({ status: 'failed', limit: 5 })).toMatchObject([
      { recipient: 'nobody@contoso.com', attempts: 1, lastError: expect.stringContaining('550') },
    ]);
    smtp.refuseNext(2, 421);
    await world.repos.outbox.enqueue([world.reportEmail('busy@contoso.com')]);
    await worker.drain();
    world.clock.now += 3_600_000;
    expect(await worker.drain()).toMatchObject({ failed: 1 });
    expect(await world.repos.outbox.countByStatus()).toEqual({ pending: 0, sending: 0, sent: 0, failed: 2 });
    expect((await world.repos.outbox.list({ status: 'failed', limit: 1 }))[0]?.lastError).toMatch(
      /^gave up after 2 attempts: .*421/,
    );
    expect(smtp.received).toEqual([]);
  });

  it('takes over a message whose worker died only when its lease ends, and sends it once', async () => {
    await world.repos.outbox.enqueue([world.reportEmail('anna.rossi@contoso.com')]);
    const [held] = await world.repos.outbox.claimDue({ owner: 'gone-worker', leaseMs: 60_000, limit: 5 });
    const worker = start({ owner: 'survivor' });
    world.clock.now += 30_000;
    expect(await worker.drain()).toMatchObject({ sent: 0 });
    expect(smtp.received).toEqual([]);
    world.clock.now += 30_001;
    expect(await worker.drain()).toMatchObject({ sent: 1 });
    expect(await world.repos.outbox.get(held!.id)).toMatchObject({ status: 'sent', leaseOwner: 'survivor' });
    // The dead worker's late word changes nothing, and a sent message is never sent again.
    expect(await world.repos.outbox.markFailed(held!.id, 'gone-worker', 'late', world.clock.now)).toBe(false);
    world.clock.now += 24 * 3_600_000;
    await worker.drain();
    expect(smtp.received.length).toBe(1);
  });

  it('sends each of many messages once with two workers draining at the same time', async () => {
    const recipients = Array.from({ length: 24 }, (_, i) => `person${i}@contoso.com`);
    const first = start({ owner: 'worker-1', batchSize: 3 });
    const second = start({ owner: 'worker-2', batchSize: 3 });
    await Promise.all([first.drain(), second.drain()]);
    await world.repos.outbox.enqueue(recipients.map((recipient) => world.reportEmail(recipient)));
    const [a, b] = await Promise.all([first.drain(), second.drain()]);
    expect(a.sent + b.sent).toBe(24);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual([...recipients].sort());
    // No message was claimed twice: each was sent at its first attempt.
    const sent = await world.repos.outbox.list({ status: 'sent', limit: 50 });
    expect(sent.map((row) => row.attempts)).toEqual(recipients.map(() => 1));
  });
});
