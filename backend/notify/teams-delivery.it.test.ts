import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBotAdapter } from '../../bot/bot-adapter.js';
import { expectValid } from '../../bot/cards/test-card-validation.js';
import type { AdaptiveCard } from '../../bot/cards/card-elements.js';
import { readNotifySettings } from '../config/notify-settings.js';
import { testEngines } from '../db/test-engines.js';
import { BotConnectorStandIn } from '../testing/bot-connector-stand-in.js';
import { createNotifiers, type Notifiers } from './notifier.js';
import { startOutboxWorker, type OutboxWorker } from './outbox-worker.js';
import { GraphGroupMembers } from './graph-group-members.js';
import { openDeliveryWorld, startDeliveryGraph, type DeliveryWorld } from './test-delivery-world.js';

const ANNA = 'a0000000-0000-4000-8000-00000000a001';
const BRUNO = 'b0000000-0000-4000-8000-00000000b002';
const TEAM = '19:general@thread.tacv2';
const TAB_URL = 'https://ledgerline.contoso.com';
const SALES_GROUP = '5a1e5000-0000-4000-8000-000000000001';

/** The card of each activity posted to the Bot Connector (a new channel post's: conversation null). */
function postedCards(
  connector: BotConnectorStandIn,
): { conversationId: string | null; card: AdaptiveCard }[] {
  return connector.calls
    .filter((call) => call.method === 'POST')
    .map((call) => {
      const activity = (call.conversationId === null ? call.body?.activity : call.body) as {
        attachments: { content: AdaptiveCard }[];
      };
      return { conversationId: call.conversationId, card: activity.attachments[0]!.content };
    });
}

describe.each(testEngines())('Teams delivery of the outbox through the bot, on $name', (engine) => {
  let connector: BotConnectorStandIn;
  let graph: Awaited<ReturnType<typeof startDeliveryGraph>>;
  let world: DeliveryWorld;
  let worker: OutboxWorker;
  let notifiers: Notifiers;

  beforeAll(async () => {
    connector = await BotConnectorStandIn.start();
    const person = (id: string, name: string) => ({
      id,
      userPrincipalName: `${name}@contoso.com`,
      displayName: name,
    });
    graph = await startDeliveryGraph([person(ANNA, 'anna'), person(BRUNO, 'bruno')], {
      [SALES_GROUP]: [ANNA, BRUNO],
    });
  });
  afterAll(async () => {
    await connector.close();
    await graph.entra.close();
  });
  beforeEach(async () => {
    world = await openDeliveryWorld(engine);
    connector.calls.length = 0;
    const reference = (conversationId: string, conversationType: string) => ({
      channelId: 'msteams',
      serviceUrl: connector.url,
      bot: { id: '28:ledgerline', name: 'Ledgerline' },
      conversation: { id: conversationId, conversationType },
    });
    await world.repos.botConversations.save({
      conversationId: 'a:personal-anna',
      kind: 'personal',
      tenantId: null,
      teamId: null,
      channelId: null,
      userObjectId: ANNA,
      serviceUrl: connector.url,
      reference: reference('a:personal-anna', 'personal'),
    });
    await world.repos.botConversations.save({
      conversationId: TEAM,
      kind: 'channel',
      tenantId: null,
      teamId: TEAM,
      channelId: TEAM,
      userObjectId: null,
      serviceUrl: connector.url,
      reference: reference(TEAM, 'channel'),
    });
    notifiers = createNotifiers({
      settings: readNotifySettings({}),
      bot: createBotAdapter(null),
      repos: world.repos,
      graph: null,
    });
  });
  afterEach(async () => {
    await worker.stop();
    await world.close();
  });

  const start = (extra: Partial<Notifiers> = {}) =>
    (worker = startOutboxWorker({
      database: world.world.database,
      notifiers: { ...notifiers, ...extra },
      now: () => world.clock.now,
      pollMs: 3_600_000,
      tabUrl: TAB_URL,
    }));

  it('posts the alarm’s card as it is at send time to a person, a saved chat and a new channel post', async () => {
    await world.repos.outbox.enqueue([
      world.alarmMessage('teams', `person:${ANNA}`),
      world.alarmMessage('teams', `conversation:${TEAM}`),
      world.alarmMessage('teams', `channel:${TEAM}/19:alerts@thread.tacv2`),
    ]);
    await start().drain();
    const cards = postedCards(connector);
    expect(cards.map((posted) => posted.conversationId)).toEqual(['a:personal-anna', TEAM, null]);
    for (const { card } of cards) {
      expectValid(card);
      expect(card.actions).toEqual([
        expect.objectContaining({
          type: 'Action.Execute',
          verb: 'acknowledge',
          data: { alarmId: world.alarmId },
        }),
        { type: 'Action.OpenUrl', title: 'Open in Ledgerline', url: `${TAB_URL}/alarms?status=all` },
      ]);
      expect(JSON.stringify(card.body)).toContain('3 calls to premium numbers cost EUR 42.00');
    }
    expect(connector.callsTo('/v3/conversations')[0]?.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: '19:alerts@thread.tacv2' } },
    });
    const sent = await world.repos.outbox.list({ status: 'sent', limit: 5 });
    expect(sent.map((row) => row.delivery?.conversationId).sort()).toEqual(
      ['19:post-1@thread.tacv2', 'a:personal-anna', TEAM].sort(),
    );
  });

  it('shows an alarm acknowledged before its card went out as acknowledged, without the button', async () => {
    await world.repos.alarms.acknowledge(world.alarmId, 'Carla Bianchi', world.clock.now);
    await world.repos.outbox.enqueue([world.alarmMessage('teams', `person:${ANNA}`)]);
    await start().drain();
    const [posted] = postedCards(connector);
    expect(JSON.stringify(posted?.card.body)).toContain('Acknowledged by Carla Bianchi');
    expect(posted?.card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl' })]);
  });

  it('sends a group’s members their own card; one without a chat with the bot is retried alone', async () => {
    await world.repos.outbox.enqueue([world.alarmMessage('teams', `group:${SALES_GROUP}`)]);
    const running = start({ groups: new GraphGroupMembers(graph.entra.url, () => graph.tokens.appOnly()) });
    await running.drain();
    world.clock.now += 3_600_000;
    await running.drain();
    expect(postedCards(connector).map((posted) => posted.conversationId)).toEqual(['a:personal-anna']);
    const rows = await world.repos.outbox.list({ status: 'all', limit: 5 });
    expect(rows.find((row) => row.recipient === `person:${BRUNO}`)).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastError: expect.stringContaining('has not installed the bot'),
    });
  });

  it('fails for good a Teams message when the server runs without a bot', async () => {
    await world.repos.outbox.enqueue([world.alarmMessage('teams', `person:${ANNA}`)]);
    await start({ teams: null }).drain();
    expect(await world.repos.outbox.list({ status: 'failed', limit: 5 })).toMatchObject([
      { attempts: 1, lastError: expect.stringContaining('Teams delivery needs the bot') },
    ]);
  });
});
