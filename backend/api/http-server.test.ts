import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { setUpTestCompany, testRecord } from '../miner/test-company.js';
import type { Server } from 'restify';
import { z } from 'zod';
import { LedgerlineError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { defineRoute, json } from './api-route.js';
import { createHttpServer, listen, type ServerLog } from './http-server.js';
import { openApiPath } from './openapi-document.js';
import { FRAME_ANCESTORS } from './security-headers.js';

describe('the HTTP server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-http-'));
  const spool = join(dir, 'spool');
  let database: Database;
  let base: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    await setUpTestCompany(database);
    mkdirSync(spool);
    writeFileSync(
      join(spool, 'a.ndjson'),
      [
        JSON.stringify(testRecord()),
        JSON.stringify(
          testRecord({
            trunk: 'nowhere',
            site: 'LON',
            caller: { uri: 'sip:james.smith@contoso.com', number: null },
          }),
        ),
        '{bad',
      ].join('\n'),
    );
    await new SpoolMiner(database, spool).minePending();
    writeFileSync(join(spool, 'b.ndjson'), `${JSON.stringify(testRecord())}\n`);
    const server = createHttpServer({ database, spoolDir: spool, version: '9.9.9' });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /health', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: '9.9.9' });
  });

  it('reports the pipeline on /api/v1/status: last call, counts, rejects and backlog', async () => {
    const status = (await (await fetch(`${base}/api/v1/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({
      lastCallAt: '2026-02-03T09:00:00.000Z',
      calls: { rated: 1, unrated: 1, free: 0, total: 2 },
      rejectedLines: 1,
      backlog: { files: 1, bytes: expect.any(Number) },
      recorders: [],
      outbox: { pending: 0, sending: 0, sent: 0, failed: 0 },
    });
    expect(Date.parse(status.lastMinedAt as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers 404 with JSON for what it does not serve', async () => {
    const response = await fetch(`${base}/api/v1/nothing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});

describe('the HTTP server’s common behaviour', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-http-common-'));
  let database: Database;
  let base: string;
  let server: Server;
  const logged: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log = Object.fromEntries(
    (['debug', 'info', 'warn', 'error'] as const).map((level) => [
      level,
      (message: string, fields?: Record<string, unknown>) => logged.push({ level, message, fields }),
    ]),
  ) as unknown as ServerLog;

  /** Signs in "Bearer admin" and "Bearer employee"; anything else fails as a bad token would. */
  const authenticate = async (authorization: string | undefined): Promise<Principal> => {
    const role = authorization?.replace(/^Bearer /, '');
    if (role !== 'admin' && role !== 'employee') {
      const error = new LedgerlineError('unauthenticated', 'sign-in required');
      Object.assign(error, { reason: authorization ? 'signature' : 'missing' });
      throw error;
    }
    return {
      objectId: role,
      tenantId: 't',
      upn: null,
      displayName: null,
      role,
      userId: null,
      supervisedDepartmentIds: [],
      scope: role === 'admin' ? { kind: 'all' } : { kind: 'none' },
    };
  };
  const testRoutes = [
    defineRoute({
      method: 'get',
      path: '/api/v1/test/echo/:id',
      summary: 'echo',
      tag: 'test',
      access: 'signed-in',
      params: z.object({ id: z.coerce.number().int().positive() }),
      query: z.object({ day: z.iso.date() }),
      handle: async ({ params, query, principal }) =>
        json({ id: params.id, day: query.day, role: principal?.role }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/test/admin',
      summary: 'admin only',
      tag: 'test',
      access: 'admin',
      body: z.object({ name: z.string().min(1) }),
      handle: async ({ body }) => json({ created: body.name }, 201),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/test/sign-in',
      summary: 'limited',
      tag: 'test',
      access: 'public',
      rateLimit: 'sign-in',
      body: z.object({}),
      handle: async () => json({ ok: true }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/test/fail',
      summary: 'fails',
      tag: 'test',
      access: 'public',
      handle: async () => {
        throw new Error('database password is hunter2');
      },
    }),
  ];

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    server = createHttpServer({
      database,
      spoolDir: join(dir, 'spool'),
      version: '1.2.3',
      authenticate,
      routes: testRoutes,
      log,
      requestLogLevel: 'info',
      limits: {
        maxBodyBytes: 1024,
        rateLimits: { 'sign-in': { rate: 0.1, burst: 3 }, export: { rate: 1, burst: 1 } },
      },
    });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const errorOf = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string } }).error;

  it('frames only in Teams, Outlook, Microsoft 365 and SharePoint, and sets the other security headers', async () => {
    const response = await fetch(`${base}/health`);
    const policy = response.headers.get('content-security-policy') ?? '';
    const ancestors = /frame-ancestors ([^;]+)/.exec(policy)?.[1]?.split(' ') ?? [];
    expect(ancestors).toEqual([...FRAME_ANCESTORS]);
    for (const host of ancestors.filter((source) => source !== "'self'"))
      expect(host).toMatch(
        /^https:\/\/(\*\.)?(teams\.microsoft\.com|cloud\.microsoft|microsoft365\.com|office\.com|outlook(-sdf)?\.office(365)?\.com|sharepoint\.com)$/,
      );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${base}/api/v1/status`)).headers.get('cache-control')).toBe('no-store');
  });

  it('gives every response a request id, and keeps a sane one the caller sends', async () => {
    const own = await fetch(`${base}/health`);
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${base}/health`, { headers: { 'x-request-id': 'proxy-42' } });
    expect(given.headers.get('x-request-id')).toBe('proxy-42');
    const odd = await fetch(`${base}/health`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).not.toBe('a b<script>');
    expect(logged.some((line) => line.level === 'info' && line.fields?.requestId === 'proxy-42')).toBe(true);
  });

  it('refuses a signed-in route without a valid token: 401, terse, the reason only in the log', async () => {
    const none = await fetch(`${base}/api/v1/test/echo/1?day=2026-01-01`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await errorOf(none)).toEqual({ code: 'unauthenticated', message: 'sign-in required' });
    const forged = await fetch(`${base}/api/v1/test/echo/1?day=2026-01-01`, {
      headers: { authorization: 'Bearer forged' },
    });
    expect(forged.status).toBe(401);
    expect(JSON.stringify(await forged.json())).not.toContain('signature');
    expect(logged.some((line) => line.level === 'warn' && line.fields?.reason === 'signature')).toBe(true);
  });

  it('checks input against the route’s schemas: 400 naming the field', async () => {
    const ok = await fetch(`${base}/api/v1/test/echo/7?day=2026-01-31`, {
      headers: { authorization: 'Bearer employee' },
    });
    expect(await ok.json()).toEqual({ id: 7, day: '2026-01-31', role: 'employee' });
    const bad = await fetch(`${base}/api/v1/test/echo/x?day=yesterday`, {
      headers: { authorization: 'Bearer employee' },
    });
    expect(bad.status).toBe(400);
    const error = await errorOf(bad);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/^id: /);
  });

  it('keeps administration to admins: 403 for others', async () => {
    const post = (role: string, body: string, type = 'application/json') =>
      fetch(`${base}/api/v1/test/admin`, {
        method: 'POST',
        headers: { authorization: `Bearer ${role}`, 'content-type': type },
        body,
      });
    expect((await post('employee', '{"name":"x"}')).status).toBe(403);
    const created = await post('admin', '{"name":"x"}');
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ created: 'x' });
    const broken = await post('admin', '{"name":');
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe('invalid-input');
    const large = await post('admin', JSON.stringify({ name: 'x'.repeat(2_000) }));
    expect(large.status).toBe(413);
    expect((await errorOf(large)).code).toBe('payload-too-large');
  });

  it('limits the rate of sign-in requests per client: 429 with the same error body', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await fetch(`${base}/api/v1/test/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
      );
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const refused = await fetch(`${base}/api/v1/test/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect((await errorOf(refused)).code).toBe('too-many-requests');
  });

  it('answers a failure of its own with a 500 that shows nothing, and logs it in full', async () => {
    const response = await fetch(`${base}/api/v1/test/fail`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'something went wrong on the server' },
    });
    expect(
      logged.some((line) => line.level === 'error' && String(line.fields?.error).includes('hunter2')),
    ).toBe(true);
  });

  it('answers unknown routes and methods with JSON errors', async () => {
    const missing = await fetch(`${base}/api/v1/nothing`);
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe('not-found');
    const method = await fetch(`${base}/health`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect((await errorOf(method)).code).toBe('method-not-allowed');
  });

  it('describes every route it serves in /api/v1/openapi.json, and nothing else', async () => {
    const document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { security?: unknown[]; parameters?: { name: string; in: string }[] }>
      >;
    };
    expect(document.openapi).toBe('3.1.0');
    const served = Object.values(server.router.getRoutes()).map(
      (route) => `${String(route.spec.method).toLowerCase()} ${openApiPath(String(route.spec.path))}`,
    );
    const described = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method === 'delete' ? 'del' : method} ${path}`),
    );
    expect(described.sort()).toEqual(served.map((entry) => entry.replace(/^delete /, 'del ')).sort());
    expect(document.paths['/api/v1/test/echo/{id}']?.get?.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path' }),
      expect.objectContaining({ name: 'day', in: 'query' }),
    ]);
    expect(document.paths['/health']?.get?.security).toEqual([]);
  });

  it('serves Prometheus metrics: the pipeline’s gauges and HTTP latency by route', async () => {
    await fetch(`${base}/health`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('ledgerline_calls_stored{status="rated"} 0');
    expect(text).toContain('ledgerline_rejected_lines 0');
    expect(text).toContain('ledgerline_outbox_messages{status="failed"} 0');
    expect(text).toContain('ledgerline_miner_lag_seconds 0');
    expect(text).toMatch(
      /ledgerline_http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} [1-9]/,
    );
  });
});
