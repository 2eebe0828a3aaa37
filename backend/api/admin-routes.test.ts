import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminServices } from '../admin/admin-services.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { adminRoutes } from './admin-routes.js';
import { testAuthenticate } from './admin/test-admin-server.js';
import { createHttpServer, listen } from './http-server.js';
import { openApiPath } from './openapi-document.js';

describe('the administration routes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-admin-access-'));
  let database: Database;
  let server: Server;
  let base: string;
  const routes = () => adminRoutes({ database });

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    server = createHttpServer({
      database,
      spoolDir: dir,
      version: 'test',
      authenticate: testAuthenticate,
      routes: routes(),
    });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (method: string, path: string, authorization?: string) =>
    fetch(`${base}${path.replace(/:\w+/g, '1')}`, {
      method: method === 'del' ? 'DELETE' : method.toUpperCase(),
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(method === 'get' || method === 'del' ? {} : { 'content-type': 'application/json' }),
      },
      ...(method === 'get' || method === 'del' ? {} : { body: '{}' }),
    });

  it('are all under /api/v1/admin and for administrators only', () => {
    expect(routes().length).toBeGreaterThanOrEqual(28);
    for (const route of routes()) {
      expect(route.path).toMatch(/^\/api\/v1\/admin\//);
      expect(route.access).toBe('admin');
    }
  });

  it('answer an employee 403 and someone not signed in 401, on every route, changing nothing', async () => {
    for (const route of routes()) {
      const employee = await request(route.method, route.path, 'Bearer employee');
      expect({ route: `${route.method} ${route.path}`, status: employee.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 403,
      });
      expect((await request(route.method, route.path)).status).toBe(401);
    }
    expect(await repositoriesFor(database.kysely, database).auditLog.list({ limit: 10 })).toEqual([]);
  });

  it('check the role again in the services, for callers other than the API', async () => {
    const services = adminServices(database);
    const employee = { principal: await testAuthenticate('Bearer employee'), requestId: null };
    await expect(services.sites.list(employee)).rejects.toEqual(
      new LedgerlineError('forbidden', 'only administrators may change the configuration'),
    );
    await expect(services.carriers.create(employee, { code: 'x', name: 'x' })).rejects.toThrow(
      LedgerlineError,
    );
    await expect(services.rerate.rerate(employee, { fromDay: 20260101, toDay: 20260101 })).rejects.toThrow(
      'only administrators',
    );
    await expect(services.audit.page(employee, { limit: 10 })).rejects.toThrow('only administrators');
  });

  it('are described in the OpenAPI document with their inputs', async () => {
    const document = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            'x-ledgerline-access': string;
            requestBody?: unknown;
            parameters?: { name: string; description?: string }[];
          }
        >
      >;
    };
    for (const route of routes()) {
      const operation =
        document.paths[openApiPath(route.path)]?.[route.method === 'del' ? 'delete' : route.method];
      expect(operation?.['x-ledgerline-access']).toBe('admin');
    }
    expect(document.paths['/api/v1/admin/tariff-plans']?.post?.requestBody).toBeDefined();
    expect(
      document.paths['/api/v1/admin/audit']?.get?.parameters?.find((parameter) => parameter.name === 'entity')
        ?.description,
    ).toMatch(/^site, department/);
  });
});
