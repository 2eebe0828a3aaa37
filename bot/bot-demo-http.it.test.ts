import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAuthConfig } from '../backend/auth/demo-sign-in.js';
import { createReporter } from '../backend/cli/reporter.js';
import {
  startServer,
  type BotHosting,
  type RunningServer,
  type ServerSetup,
  type SignIn,
} from '../backend/cli/serve-command.js';
import { connect } from '../backend/db/connect.js';
import type { Database } from '../backend/db/database.js';
import { migrateToLatest } from '../backend/db/migrations/migrate.js';
import { DEMO_COMPANY, setUpDemoCompany } from '../backend/demo/demo-company.js';
import { BotConnectorStandIn } from '../backend/testing/bot-connector-stand-in.js';
import { parseBotConfig } from './bot-config.js';

const demoSignIn: SignIn = {
  kind: 'demo',
  config: demoAuthConfig(DEMO_COMPANY.adminGroupId),
  personas: Object.fromEntries(
    Object.entries(DEMO_COMPANY.personas).map(([role, persona]) => [role, persona.upn]),
  ),
};
const unauthenticated: BotHosting = {
  kind: 'unauthenticated',
  settings: { tabUrl: null, timeZone: 'Europe/Rome' },
};
const DEMO_APP_ID = '5f607182-93a4-4bdf-8031-4c5d6e7f8091';

describe('the bot in demo mode over HTTP (ledgerline demo)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-bot-demo-'));
  const reporter = createReporter({ tty: false, stream: { write: () => true } as never });
  let database: Database;
  let connector: BotConnectorStandIn;
  const servers: RunningServer[] = [];
  const start = async (setup: Pick<ServerSetup, 'signIn' | 'bot'>, host = '127.0.0.1') => {
    const server = await startServer({
      database,
      spoolDir: join(dir, 'spool'),
      address: { port: 0, host },
      reporter,
      maskDigits: 3,
      ...setup,
    });
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    await setUpDemoCompany(database);
    connector = await BotConnectorStandIn.start();
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await connector.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** An activity as the Bot Framework Emulator posts it: no token, the user name as the person. */
  const post = (server: RunningServer, activity: Record<string, unknown>, authorization?: string) =>
    fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({
        channelId: 'emulator',
        serviceUrl: connector.url,
        recipient: { id: 'bot', name: 'Ledgerline' },
        conversation: { id: 'demo-chat', conversationType: 'personal' },
        ...activity,
      }),
    });

  it('on loopback without an app id: answers activities without a token through the serviceUrl', async () => {
    const server = await start({ signIn: demoSignIn, bot: unauthenticated });
    const asked = await post(server, {
      type: 'message',
      id: 'demo-1',
      text: 'status',
      from: { id: 'admin', name: 'admin' },
    });
    expect(asked.status).toBe(200);
    const [reply] = connector.callsTo('/activities/demo-1');
    expect(reply).toMatchObject({ method: 'POST', conversationId: 'demo-chat', tokenValid: null });
    expect(String(reply?.body?.text)).toMatch(/\(admin\); I show you the whole company/);

    const cost = await post(server, {
      type: 'message',
      id: 'demo-2',
      text: 'top departments last month',
      from: { id: 'supervisor', name: 'supervisor' },
    });
    expect(cost.status).toBe(200);
    expect(JSON.stringify(connector.callsTo('/activities/demo-2')[0]?.body)).toContain('Top departments');
  });

  it('refuses an unauthenticated bot anywhere but in demo mode on loopback', async () => {
    await expect(start({ signIn: demoSignIn, bot: unauthenticated }, '0.0.0.0')).rejects.toThrow(
      'loopback only',
    );
    await expect(start({ signIn: { kind: 'none' }, bot: unauthenticated })).rejects.toThrow(
      'the bot without an app id answers only in demo mode on loopback',
    );
  });

  it('has no bot endpoint when the server runs without a bot', async () => {
    const server = await start({ signIn: { kind: 'none' } });
    const asked = await post(server, { type: 'message', text: 'help', from: { id: 'admin' } });
    expect(asked.status).toBe(404);
  });

  it('in demo mode with an app id configured: refuses requests without a valid Bot Framework token', async () => {
    const config = parseBotConfig({
      appId: DEMO_APP_ID,
      tenantId: '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      appPassword: 'demo-bot-secret',
      openIdMetadataUrl: connector.openIdMetadataUrl,
      timeZone: 'Europe/Rome',
    });
    const server = await start({ signIn: demoSignIn, bot: { kind: 'authenticated', config } });
    const before = connector.calls.length;
    const message = { type: 'message', id: 'demo-3', text: 'status', from: { id: 'admin', name: 'admin' } };
    expect((await post(server, message)).status).toBe(401);
    const stranger = await BotConnectorStandIn.start();
    try {
      const forged = await stranger.channelToken(DEMO_APP_ID, { serviceurl: connector.url });
      expect((await post(server, message, `Bearer ${forged}`)).status).toBe(401);
    } finally {
      await stranger.close();
    }
    expect(connector.calls.slice(before)).toEqual([]);
  });
});
