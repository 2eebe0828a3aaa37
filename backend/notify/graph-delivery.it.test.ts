import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphTokenSource } from '../auth/graph-token-source.js';
import { readNotifySettings } from '../config/notify-settings.js';
import { testEngines } from '../db/test-engines.js';
import type { EntraStandIn } from '../testing/entra-stand-in.js';
import { SmtpStandIn } from '../testing/smtp-stand-in.js';
import { GraphGroupMembers } from './graph-group-members.js';
import { createNotifiers, type Notifiers } from './notifier.js';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker.js';
import {
  GRAPH_CLIENT_ID,
  openDeliveryWorld,
  PDF_BYTES,
  startDeliveryGraph,
  type DeliveryWorld,
} from './test-delivery-world.js';

const SALES_GROUP = '9c3d4e5f-6071-4c82-9d0e-1f2a3b4c5d6e';
const SENDER = 'billing@contoso.com';
const member = (n: number, mail: string | null) => ({
  id: `0000000${n}-0000-4000-8000-00000000000${n}`,
  userPrincipalName: `user${n}@contoso.onmicrosoft.com`,
  displayName: `User ${n}`,
  mail,
});
const MEMBERS = [
  member(1, 'anna.rossi@contoso.com'),
  member(2, 'bruno.conti@contoso.com'),
  member(3, null), // no mailbox address: the UPN is used
  member(4, 'dora.verdi@contoso.com'),
  member(5, 'elio.neri@contoso.com'),
];
const ADDRESSES = [
  'anna.rossi@contoso.com',
  'bruno.conti@contoso.com',
  'user3@contoso.onmicrosoft.com',
  'dora.verdi@contoso.com',
  'elio.neri@contoso.com',
];

describe.each(testEngines())('e-mail through Microsoft Graph and to Entra groups, on $name', (engine) => {
  let entra: EntraStandIn;
  let tokens: GraphTokenSource;
  let smtp: SmtpStandIn;
  let world: DeliveryWorld;
  let worker: OutboxWorker;
  const graphNotifiers = (transport: 'graph' | 'smtp'): Notifiers => {
    const notifiers = createNotifiers({
      settings: readNotifySettings({
        LEDGERLINE_MAIL_TRANSPORT: transport,
        LEDGERLINE_MAIL_FROM: SENDER,
        LEDGERLINE_SMTP_URL: smtp.url,
      }),
      bot: null,
      repos: world.repos,
      graph: { graphUrl: entra.url, tokens },
    });
    // Two members a page, so the members come in three pages.
    return { ...notifiers, groups: new GraphGroupMembers(entra.url, () => tokens.appOnly(), 2) };
  };
  const start = (notifiers: Notifiers) =>
    (worker = startOutboxWorker({
      database: world.world.database,
      notifiers,
      now: () => world.clock.now,
      pollMs: 3_600_000,
      tabUrl: 'https://ledgerline.contoso.com',
    }));

  beforeAll(async () => {
    ({ entra, tokens } = await startDeliveryGraph(MEMBERS, {
      [SALES_GROUP]: MEMBERS.map((user) => user.id),
    }));
    smtp = await SmtpStandIn.start();
  });
  afterAll(async () => {
    await entra.close();
    await smtp.close();
  });
  beforeEach(async () => {
    world = await openDeliveryWorld(engine);
    entra.requests.length = 0;
    entra.sentMail.length = 0;
    smtp.received.length = 0;
  });
  afterEach(async () => {
    await worker.stop();
    await world.close();
  });

  it('sends as the configured mailbox with the app’s token, once to each member of a group', async () => {
    await world.repos.outbox.enqueue([
      world.reportEmail(`group:${SALES_GROUP}`),
      world.alarmMessage('email', 'carla.bianchi@contoso.com'),
    ]);
    await start(graphNotifiers('graph')).drain();
    expect(entra.requestsTo('/transitiveMembers/microsoft.graph.user').length).toBe(3);
    const sends = entra.requestsTo('/sendMail');
    expect(sends.length).toBe(6);
    expect(
      sends.every((request) => request.status === 202 && request.caller?.appid === GRAPH_CLIENT_ID),
    ).toBe(true);
    expect(new Set(entra.sentMail.map((mail) => mail.sender))).toEqual(new Set([SENDER]));
    const to = entra.sentMail.map(
      (mail) =>
        (mail.message.toRecipients as { emailAddress: { address: string } }[])[0]?.emailAddress.address,
    );
    expect(to.sort()).toEqual([...ADDRESSES, 'carla.bianchi@contoso.com'].sort());
    const report = entra.sentMail.find((mail) => mail.message.subject === 'Cost summary, February 2026');
    expect(report?.saveToSentItems).toBe(false);
    expect(report?.message.attachments).toEqual([
      {
        '@odata.type': '#microsoft.graph.fileAttachment',
        name: 'cost-summary-2026-02.pdf',
        contentType: 'application/pdf',
        contentBytes: PDF_BYTES.toString('base64'),
      },
    ]);
    const alarm = entra.sentMail.find((mail) => String(mail.message.subject).includes('Premium calls'));
    expect(alarm?.message.body).toMatchObject({
      contentType: 'HTML',
      content: expect.stringContaining('Sales'),
    });
    const group = (await world.repos.outbox.list({ status: 'all', limit: 20 })).find((row) =>
      row.recipient.startsWith('group:'),
    );
    expect(group).toMatchObject({
      status: 'sent',
      delivery: { group: SALES_GROUP, members: 5, messages: 5 },
    });
    expect(await world.repos.outbox.countByStatus()).toMatchObject({ sent: 7, pending: 0, failed: 0 });
  });

  it('retries only the member whose e-mail failed, never the others or the group', async () => {
    smtp.refuseNext(1, 451);
    await world.repos.outbox.enqueue([world.reportEmail(`group:${SALES_GROUP}`)]);
    const running = start(graphNotifiers('smtp'));
    await running.drain();
    expect(smtp.received.length).toBe(4);
    world.clock.now += 3_600_000;
    await running.drain();
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual([...ADDRESSES].sort());
    expect(entra.requestsTo('/transitiveMembers/microsoft.graph.user').length).toBe(3);
  });

  it('tries a group again later when Graph cannot list its members', async () => {
    entra.graphFailure = 500;
    await world.repos.outbox.enqueue([world.reportEmail(`group:${SALES_GROUP}`)]);
    const running = start(graphNotifiers('graph'));
    try {
      await running.drain();
    } finally {
      entra.graphFailure = null;
    }
    expect(await world.repos.outbox.list({ status: 'all', limit: 5 })).toMatchObject([
      { status: 'pending', lastError: expect.stringContaining('HTTP 500') },
    ]);
    world.clock.now += 3_600_000;
    await running.drain();
    expect(entra.sentMail.length).toBe(5);
  });
});
