import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAuthConfig } from '../auth/demo-sign-in.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { DEMO_COMPANY, setUpDemoCompany } from '../demo/demo-company.js';
import { createReporter } from './reporter.js';
import { startServer, type RunningServer, type SignIn } from './serve-command.js';

const demoSignIn: SignIn = {
  kind: 'demo',
  config: demoAuthConfig(DEMO_COMPANY.adminGroupId),
  personas: { employee: DEMO_COMPANY.personas.employee.upn },
};

describe('sign-in on the server ledgerline serve and ledgerline demo start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-sign-in-'));
  let database: Database;
  const reporter = createReporter({ tty: false, stream: { write: () => true } as never });
  const start = (signIn: SignIn, host = '127.0.0.1') =>
    startServer({
      database,
      spoolDir: join(dir, 'spool'),
      address: { port: 0, host },
      reporter,
      signIn,
      maskDigits: 3,
    });
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    await setUpDemoCompany(database);
  }, 60_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('demo mode: a persona signs in, and the token it gets signs in to the API', async () => {
    const server = await start(demoSignIn);
    servers.push(server);
    const personas = (await (await fetch(`${server.url}/api/v1/demo/personas`)).json()) as {
      role: string;
      upn: string;
    }[];
    expect(personas.map((persona) => persona.role)).toEqual(['employee', 'supervisor', 'admin']);
    expect(personas[0]?.upn).toBe(DEMO_COMPANY.personas.employee.upn);

    for (const role of ['employee', 'supervisor', 'admin'] as const) {
      const signIn = await fetch(`${server.url}/api/v1/demo/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role }),
      });
      expect(signIn.status).toBe(200);
      const { token, principal } = (await signIn.json()) as {
        token: string;
        principal: { role: string; scope: string };
      };
      expect(principal.role).toBe(role);
      const me = (await (
        await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        role: string;
        scope: string;
      };
      expect(me).toMatchObject({
        role,
        scope: { employee: 'user', supervisor: 'departments', admin: 'all' }[role],
      });
    }
    const stranger = await fetch(`${server.url}/api/v1/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'employee', user: 'nobody@contoso.com' }),
    });
    expect(stranger.status).toBe(404);
  });

  it('demo sign-in refuses to listen anywhere but on loopback', async () => {
    await expect(start(demoSignIn, '0.0.0.0')).rejects.toThrow('demo sign-in listens on loopback only');
  });

  it('outside demo mode the demo routes do not exist, and signed-in routes refuse', async () => {
    const server = await start({ kind: 'none' });
    servers.push(server);
    const signIn = await fetch(`${server.url}/api/v1/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(signIn.status).toBe(404);
    expect((await fetch(`${server.url}/api/v1/me`)).status).toBe(401);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
