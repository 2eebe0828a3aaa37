import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReporter } from '../backend/cli/reporter.js';
import { startServer, type RunningServer } from '../backend/cli/serve-command.js';
import { testEngines } from '../backend/db/test-engines.js';
import { BotConnectorStandIn } from '../backend/testing/bot-connector-stand-in.js';
import { createBotAdapter } from './bot-adapter.js';
import { parseBotConfig, type BotConfig } from './bot-config.js';
import { helpCard } from './cards/help-card.js';
import { TeamsNotifier } from './teams-notifier.js';
import { BOT_APP_ID, BOT_SECRET, openBotWorld, PEOPLE, TENANT, type BotWorld } from './test-bot-world.js';

const bruno = { id: '29:bruno', name: 'Bruno Conti', aadObjectId: PEOPLE.bruno };
const personal = { id: 'a:personal-bruno', conversationType: 'personal', tenantId: TENANT };
const team = { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT };
const teamData = {
  team: { id: '19:general@thread.tacv2' },
  channel: { id: '19:general@thread.tacv2' },
  tenant: { id: TENANT },
};

describe.each(testEngines())('the bot over HTTP with app credentials, on $name', (engine) => {
  let world: BotWorld;
  let connector: BotConnectorStandIn;
  let server: RunningServer;
  let config: BotConfig;
  // One app id per engine: the SDK keeps the bot's tokens per app id for the life of the process.
  const appId =
    engine.name === 'sqlite'
      ? BOT_APP_ID
      : `${BOT_APP_ID.slice(0, -4)}${engine.name.length.toString().padStart(4, '0')}`;
  const bot = { id: `28:${appId}`, name: 'Ledgerline' };

  beforeAll(async () => {
    world = await openBotWorld(await engine.open(), appId);
    connector = await BotConnectorStandIn.start({ botTokenKeys: world.entra.jwks });
    config = parseBotConfig({
      appId,
      tenantId: TENANT,
      appPassword: BOT_SECRET,
      loginUrl: world.entra.url,
      openIdMetadataUrl: connector.openIdMetadataUrl,
      tabUrl: 'https://ledgerline.contoso.com',
      timeZone: 'Europe/Rome',
    });
    server = await startServer({
      database: world.database,
      spoolDir: join(tmpdir(), 'ledgerline-bot-http-spool'),
      address: { port: 0, host: '127.0.0.1' },
      reporter: createReporter({ tty: false, stream: { write: () => true } as never }),
      signIn: { kind: 'entra', config: world.authConfig },
      maskDigits: 3,
      bot: { kind: 'authenticated', config },
    });
  });
  afterAll(async () => {
    await server.close();
    await connector.close();
    await world.close();
  });

  const post = async (activity: Record<string, unknown>, token?: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== null) headers.authorization = `Bearer ${token ?? (await connector.channelToken(appId))}`;
    return fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        channelId: 'msteams',
        serviceUrl: connector.url,
        recipient: bot,
        id: `in-${Math.random()}`,
        ...activity,
      }),
    });
  };

  it('refuses requests without a valid Bot Framework token', async () => {
    const message = { type: 'message', text: 'help', from: bruno, conversation: personal };
    expect((await post(message, null)).status).toBe(401);
    const stranger = await BotConnectorStandIn.start();
    try {
      expect((await post(message, await stranger.channelToken(appId))).status).toBe(401);
    } finally {
      await stranger.close();
    }
    expect((await post(message, await connector.channelToken('another-bot'))).status).toBe(401);
    expect(
      (await post(message, await connector.channelToken(appId, { iss: 'https://evil.example' }))).status,
    ).toBe(401);
    expect(
      (await post(message, await connector.channelToken(appId, { serviceurl: 'https://elsewhere.example' })))
        .status,
    ).toBe(401);
    expect(connector.calls).toEqual([]);
  });

  it('saves the conversation on install, answers a command through the Bot Connector, and refreshes a card in place', async () => {
    expect(
      (await post({ type: 'installationUpdate', action: 'add', from: bruno, conversation: personal })).status,
    ).toBe(200);
    expect(await world.repos.botConversations.personalChatOf(PEOPLE.bruno)).toMatchObject({
      serviceUrl: connector.url,
    });

    const asked = await post({
      type: 'message',
      id: 'msg-1',
      text: 'How much did Sales spend last month?',
      from: bruno,
      conversation: personal,
      localTimezone: 'Europe/Rome',
    });
    expect(asked.status).toBe(200);
    const [reply] = connector.callsTo('/activities/msg-1');
    expect(reply).toMatchObject({ method: 'POST', conversationId: 'a:personal-bruno', tokenValid: true });
    const card = (
      reply?.body?.attachments as { content: { actions: { verb?: string; data?: unknown }[] } }[]
    )[0]?.content;
    expect(JSON.stringify(card)).toContain('Cost of Sales');

    const refresh = card?.actions[0];
    const pressed = await post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: bruno,
      conversation: personal,
      replyToId: 'card-activity-1',
      value: {
        action: { type: 'Action.Execute', verb: refresh?.verb, data: refresh?.data },
        trigger: 'manual',
      },
    });
    expect(pressed.status).toBe(200);
    const body = (await pressed.json()) as { statusCode: number; type: string; value: unknown };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(body.value)).toContain('Cost of Sales');
    expect(connector.callsTo('/activities/card-activity-1')).toEqual([
      expect.objectContaining({ method: 'PUT', tokenValid: true }),
    ]);
  });

  it('sends cards proactively to a person and as a new post in a team’s channel, and reports failures', async () => {
    expect(
      (
        await post({
          type: 'installationUpdate',
          action: 'add',
          from: bruno,
          conversation: team,
          channelData: teamData,
        })
      ).status,
    ).toBe(200);
    const notifier = new TeamsNotifier(createBotAdapter(config), world.repos);
    const before = connector.calls.length;
    expect(await notifier.sendToPerson(PEOPLE.bruno, helpCard())).toMatchObject({
      ok: true,
      conversationId: 'a:personal-bruno',
    });
    const posted = await notifier.postToChannel(
      '19:general@thread.tacv2',
      '19:alerts@thread.tacv2',
      helpCard(),
    );
    expect(posted).toMatchObject({ ok: true, conversationId: '19:post-1@thread.tacv2' });
    const calls = connector.calls.slice(before);
    // The continuation activity has an id, so the SDK posts the card as a reply to it.
    expect(
      calls.map((call) => `${call.method} ${call.path.replace(/activities\/[^/]+$/, 'activities/…')}`),
    ).toEqual(['POST /v3/conversations/a%3Apersonal-bruno/activities/…', 'POST /v3/conversations']);
    expect(calls[1]?.body).toMatchObject({
      isGroup: true,
      channelData: { channel: { id: '19:alerts@thread.tacv2' } },
    });
    expect(calls.every((call) => call.tokenValid)).toBe(true);
    expect(await notifier.sendToPerson(PEOPLE.anna, helpCard())).toMatchObject({
      ok: false,
      error: expect.stringContaining('not installed'),
    });

    await world.repos.botConversations.save({
      ...(await world.repos.botConversations.get('a:personal-bruno'))!,
      conversationId: 'a:gone',
      userObjectId: null,
      reference: {
        conversation: { id: 'a:gone' },
        serviceUrl: 'http://127.0.0.1:9',
        channelId: 'msteams',
        bot,
      },
    });
    expect(await notifier.sendToConversation('a:gone', helpCard())).toMatchObject({
      ok: false,
      error: expect.stringContaining('Teams did not take the message'),
    });
  });

  it('forgets the conversations on uninstall', async () => {
    expect(
      (await post({ type: 'installationUpdate', action: 'remove', from: bruno, conversation: personal }))
        .status,
    ).toBe(200);
    expect(
      (
        await post({
          type: 'installationUpdate',
          action: 'remove',
          from: bruno,
          conversation: team,
          channelData: teamData,
        })
      ).status,
    ).toBe(200);
    expect((await world.repos.botConversations.list()).map((c) => c.conversationId)).toEqual(['a:gone']);
  });
});
