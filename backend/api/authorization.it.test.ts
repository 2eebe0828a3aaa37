import { createHmac } from 'node:crypto';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAuthConfig } from '../auth/auth-config.js';
import { createAuthenticator } from '../auth/authenticator.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { seedReportData, type ReportData } from '../reports/test-report-data.js';
import { EntraStandIn } from '../testing/entra-stand-in.js';
import { apiRoutes } from './api-routes.js';
import { createHttpServer, listen } from './http-server.js';

const TENANT = '4f1c2b3a-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const CLIENT_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ADMIN_GROUP = 'aaaaaaaa-0000-4000-8000-000000000001';
const SALES_GROUP = 'aaaaaaaa-0000-4000-8000-000000000002';

type Role = 'employee' | 'supervisor' | 'admin';

/**
 * Every role against every report, call and administration route, over HTTP with real tokens
 * signed by a local Entra ID stand-in: what a role may not see is refused (403) or filtered, never
 * shown; forged tokens are refused (401) on every signed-in route.
 */
describe.each(testEngines())('who may call what, on $name', (engine) => {
  let database: Database;
  let data: ReportData;
  let standIn: EntraStandIn;
  let server: Server;
  let base: string;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    data = await seedReportData(database);
    const repos = repositoriesFor(database.kysely, database);
    const sales = (await repos.departments.list()).find((department) => department.code === 'SALES');
    await repos.departments.save({ ...sales!, supervisorGroupId: SALES_GROUP });
    standIn = await EntraStandIn.start({ tenantId: TENANT });
    const config = parseAuthConfig({
      tenantId: TENANT,
      clientId: CLIENT_ID,
      authorityUrl: standIn.url,
      adminGroupId: ADMIN_GROUP,
    });
    server = createHttpServer({
      database,
      spoolDir: '/nonexistent',
      version: 'test',
      authenticate: (header) => createAuthenticator(config, repos).authenticate(header),
      routes: apiRoutes({ database, maskDigits: 3, demo: null }),
      // Many forged requests in a row: the export route's own limit is not what this test is about.
      limits: {
        maxBodyBytes: 1 << 20,
        rateLimits: { 'sign-in': { rate: 100, burst: 100 }, export: { rate: 100, burst: 100 } },
      },
    });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
    // Anna is an employee (Sales); Bruno supervises Sales and its sub-department; Carla is an admin.
    tokens.employee = await standIn.userToken(CLIENT_ID, {
      preferred_username: 'anna@contoso.com',
      groups: [],
    });
    tokens.supervisor = await standIn.userToken(CLIENT_ID, {
      preferred_username: 'bruno@contoso.com',
      groups: [SALES_GROUP],
    });
    tokens.admin = await standIn.userToken(CLIENT_ID, {
      preferred_username: 'carla@contoso.com',
      groups: [ADMIN_GROUP],
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await standIn.close();
    await database.close();
  });

  const get = (path: string, token?: string) =>
    fetch(`${base}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  const period = 'from=2026-11-01&to=2026-11-30';

  it('gives each role what it may see of the reports, and refuses the rest', async () => {
    const cases: [Role, string, number][] = [
      ['employee', `/api/v1/reports/summary?${period}`, 200],
      ['employee', `/api/v1/reports/summary?${period}&user=${data.users.anna}`, 200],
      ['employee', `/api/v1/reports/summary?${period}&user=${data.users.bruno}`, 403],
      ['employee', `/api/v1/reports/summary?${period}&department=${data.departments.sales}`, 403],
      ['employee', `/api/v1/calls?${period}&user=${data.users.carla}`, 403],
      ['employee', `/api/v1/calls/export?${period}&format=csv&user=${data.users.dave}`, 403],
      ['supervisor', `/api/v1/reports/breakdown?${period}&dimension=user`, 200],
      ['supervisor', `/api/v1/reports/summary?${period}&department=${data.departments.north}`, 200],
      ['supervisor', `/api/v1/reports/summary?${period}&department=${data.departments.finance}`, 403],
      ['supervisor', `/api/v1/calls?${period}&user=${data.users.carla}`, 403],
      ['supervisor', `/api/v1/reports/trend?${period}&interval=week&site=${data.sites.LON}`, 200],
      ['admin', `/api/v1/reports/summary?${period}&department=${data.departments.finance}`, 200],
      ['admin', `/api/v1/calls?${period}&user=${data.users.carla}`, 200],
    ];
    for (const [role, path, status] of cases) {
      const response = await get(path, tokens[role]);
      expect({ role, path, status: response.status }).toEqual({ role, path, status });
      if (status === 403)
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
  });

  it('filters the unfiltered: each role’s calls are only those it may see', async () => {
    const usersSeen = async (role: Role) => {
      const page = (await (await get(`/api/v1/calls?${period}&limit=500`, tokens[role])).json()) as {
        calls: { user: { id: number } | null }[];
      };
      return new Set(page.calls.map((call) => call.user?.id ?? null));
    };
    expect([...(await usersSeen('employee'))]).toEqual([data.users.anna]);
    const supervisor = await usersSeen('supervisor');
    expect([...supervisor].sort()).toEqual([data.users.anna, data.users.bruno, data.users.dave].sort());
    const admin = await usersSeen('admin');
    expect(admin.has(data.users.carla) && admin.has(data.users.emma) && admin.has(null)).toBe(true);
  });

  it('offers each role only the sites and departments it may filter by', async () => {
    const options = async (role: Role) =>
      (await (await get('/api/v1/reports/filters', tokens[role])).json()) as {
        sites: { id: number }[];
        departments: { id: number }[];
      };
    const employee = await options('employee');
    expect(employee).toEqual({ sites: [], departments: [] });
    const supervisor = await options('supervisor');
    expect(supervisor.departments.map((d) => d.id).sort()).toEqual(
      [data.departments.sales, data.departments.north].sort(),
    );
    expect(supervisor.sites.map((s) => s.id)).toContain(data.sites.LON);
    const admin = await options('admin');
    expect(admin.departments.map((d) => d.id)).toContain(data.departments.finance);
    expect(admin.departments.length).toBeGreaterThan(supervisor.departments.length);
    expect((await get('/api/v1/reports/filters')).status).toBe(401);
  });

  it('keeps administration to admins', async () => {
    const adminPaths = [
      '/api/v1/admin/sites',
      '/api/v1/admin/users',
      '/api/v1/admin/carriers',
      '/api/v1/admin/audit',
      '/api/v1/admin/alarm-rules',
      '/api/v1/admin/report-schedules',
    ];
    for (const path of adminPaths) {
      expect((await get(path, tokens.employee)).status).toBe(403);
      expect((await get(path, tokens.supervisor)).status).toBe(403);
      expect((await get(path, tokens.admin)).status).toBe(200);
    }
    const change = await fetch(`${base}/api/v1/admin/carriers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.supervisor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'sneaky', name: 'Sneaky' }),
    });
    expect(change.status).toBe(403);
    const runNow = await fetch(`${base}/api/v1/admin/report-schedules/1/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.supervisor}` },
    });
    expect(runNow.status).toBe(403);
  });

  it('shows each role only the alarms it may see, and lets it acknowledge only those', async () => {
    const repos = repositoriesFor(database.kysely, database);
    const ruleId = await repos.alarmRules.create({
      name: 'Premium numbers',
      kind: 'destination',
      enabled: true,
      definition: { destClasses: ['premium'] },
      recipients: {},
    });
    const raise = async (subjectKey: string, user: number | null) => {
      const owner = user === null ? null : await repos.users.get(user);
      return (await repos.alarms.raise({
        ruleId,
        subjectKey,
        windowKey: 'w',
        subjectLabel: owner?.displayName ?? 'system',
        severity: 'warning',
        detail: `about ${subjectKey}`,
        measured: {},
        userId: user,
        departmentId: owner?.departmentId ?? null,
        siteId: null,
        callId: null,
        raisedAt: Date.parse('2026-12-01T10:00:00Z') + (user ?? 0),
      }))!;
    };
    const ids = {
      anna: await raise('user:anna', data.users.anna),
      emma: await raise('user:emma', data.users.emma),
      system: await raise('health:no_calls', null),
    };
    const seen = async (role: Role, status = 'all') => {
      const response = await get(`/api/v1/alarms?status=${status}`, tokens[role]);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { alarms: { id: number; status: string }[] };
      return body.alarms.map((alarm) => alarm.id).sort();
    };
    expect(await seen('employee')).toEqual([ids.anna]);
    expect(await seen('supervisor')).toEqual([ids.anna]);
    expect(await seen('admin')).toEqual([ids.anna, ids.emma, ids.system].sort());

    const ack = (id: number, role: Role) =>
      fetch(`${base}/api/v1/alarms/${id}/acknowledge`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[role]}` },
      });
    expect((await ack(ids.emma, 'employee')).status).toBe(404);
    expect((await ack(ids.system, 'supervisor')).status).toBe(404);
    const first = (await (await ack(ids.anna, 'employee')).json()) as {
      alarm: { status: string; acknowledgedBy: string };
    };
    expect(first.alarm).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'anna@contoso.com' });
    const again = (await (await ack(ids.anna, 'supervisor')).json()) as { alarm: { acknowledgedBy: string } };
    expect(again.alarm.acknowledgedBy).toBe('anna@contoso.com');
    expect(await seen('employee', 'open')).toEqual([]);
    expect(await seen('admin', 'open')).toEqual([ids.emma, ids.system].sort());
    expect((await get('/api/v1/alarms?limit=501', tokens.admin)).status).toBe(400);
  });

  it('refuses forged and wrong tokens with 401 on every signed-in route', async () => {
    const good = tokens.employee;
    const [head, body] = good.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const header = JSON.parse(Buffer.from(head, 'base64url').toString()) as Record<string, unknown>;
    const publicPem = await standIn.publicKeyPem();
    const hs256 = (() => {
      const h = encode({ ...header, alg: 'HS256' });
      const p = encode(payload);
      return `${h}.${p}.${createHmac('sha256', publicPem).update(`${h}.${p}`).digest('base64url')}`;
    })();
    const now = Math.floor(Date.now() / 1000);
    const forged: Record<string, string> = {
      'alg none': `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`,
      'HS256 with the public key': hs256,
      'wrong audience': await standIn.userToken('api://someone-else', {
        preferred_username: 'anna@contoso.com',
      }),
      'wrong issuer': await standIn.userToken(CLIENT_ID, { iss: 'https://evil.example/v2.0' }),
      'wrong tenant': await standIn.userToken(CLIENT_ID, { tid: '00000000-0000-4000-8000-000000000000' }),
      expired: await standIn.userToken(CLIENT_ID, { exp: now - 3600, iat: now - 7200, nbf: now - 7200 }),
      'missing scope': await standIn.userToken(CLIENT_ID, { scp: 'User.Read' }),
      'tampered payload': `${head}.${encode({ ...payload, groups: [ADMIN_GROUP] })}.${good.split('.')[2]}`,
    };
    const routes = [
      `/api/v1/me`,
      `/api/v1/reports/summary?${period}`,
      `/api/v1/calls?${period}`,
      `/api/v1/calls/export?${period}&format=csv`,
      `/api/v1/admin/sites`,
      `/api/v1/alarms`,
    ];
    for (const [name, token] of Object.entries(forged)) {
      for (const route of routes) {
        const response = await get(route, token);
        expect({ name, route, status: response.status }).toEqual({ name, route, status: 401 });
      }
    }
    expect((await get('/api/v1/me')).status).toBe(401);
    expect((await get('/api/v1/me', good)).status).toBe(200);
  });
});
