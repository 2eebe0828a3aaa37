import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'restify';
import type { AuditEntry } from '../../db/audit-log.repository.js';
import type { Database } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrations/migrate.js';
import { repositoriesFor } from '../../db/repositories.js';
import type { TestEngine } from '../../db/test-engines.js';
import type { CallRecord } from '../../domain/call-record.js';
import { LedgerlineError } from '../../domain/errors.js';
import type { Principal } from '../../domain/principal.js';
import { SpoolMiner } from '../../miner/spool-miner.js';
import { setUpTestCompany } from '../../miner/test-company.js';
import { adminRoutes } from '../admin-routes.js';
import { createHttpServer, listen } from '../http-server.js';

/** The test administrator's Entra object id and UPN, as audit rows name them. */
export const ADMIN = { objectId: '00000000-0000-4000-8000-00000000ad01', upn: 'admin@contoso.com' };

/** Signs in "Bearer admin" and "Bearer employee"; anything else is refused as a bad token would be. */
export async function testAuthenticate(authorization: string | undefined): Promise<Principal> {
  const role = authorization?.replace(/^Bearer /, '');
  if (role !== 'admin' && role !== 'employee')
    throw new LedgerlineError('unauthenticated', 'sign-in required');
  return {
    objectId: role === 'admin' ? ADMIN.objectId : 'employee',
    tenantId: 't',
    upn: role === 'admin' ? ADMIN.upn : 'employee@contoso.com',
    displayName: role,
    role,
    userId: null,
    supervisedDepartmentIds: [],
    scope: role === 'admin' ? { kind: 'all' } : { kind: 'none' },
  };
}

/** A response's status and JSON body (null when it has none). */
export interface TestResponse {
  status: number;
  // Tests look into bodies freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

/** What a test sends: a JSON body, or raw text with its content type; and who signs in. */
export interface TestRequest {
  as?: 'admin' | 'employee';
  json?: unknown;
  text?: string;
  contentType?: string;
  requestId?: string;
}

/** The test company (two sites, two carriers) on a fresh database, behind a server with the admin routes. */
export interface AdminTestServer {
  database: Database;
  server: Server;
  send(method: string, path: string, request?: TestRequest): Promise<TestResponse>;
  /** Mines CallRecords into stored calls, as the miner does from a spool file. */
  mine(records: readonly CallRecord[]): Promise<void>;
  /** The audit rows written while `work` ran, oldest first. */
  auditOf(work: () => Promise<unknown>): Promise<AuditEntry[]>;
  close(): Promise<void>;
}

/** Starts the admin API over the test company on `engine`, listening on a free port of 127.0.0.1. */
export async function startAdminTestServer(engine: TestEngine): Promise<AdminTestServer> {
  const database = await engine.open();
  await migrateToLatest(database);
  await setUpTestCompany(database);
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-admin-'));
  const server = createHttpServer({
    database,
    spoolDir: dir,
    version: 'test',
    authenticate: testAuthenticate,
    routes: adminRoutes({ database }),
  });
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  const repos = repositoriesFor(database.kysely, database);
  const allAudit = () => repos.auditLog.list({ limit: 100_000 });
  let mined = 0;
  return {
    database,
    server,
    async send(method, path, request = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${request.as ?? 'admin'}` };
      if (request.requestId) headers['x-request-id'] = request.requestId;
      let body: string | undefined;
      if (request.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(request.json);
      } else if (request.text !== undefined) {
        headers['content-type'] = request.contentType ?? 'text/csv';
        body = request.text;
      }
      const response = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    },
    async mine(records) {
      writeFileSync(
        join(dir, `calls-${++mined}.ndjson`),
        records.map((record) => JSON.stringify(record)).join('\n'),
      );
      await new SpoolMiner(database, dir).minePending();
    },
    async auditOf(work) {
      const before = new Set((await allAudit()).map((entry) => entry.id));
      await work();
      return (await allAudit()).filter((entry) => !before.has(entry.id)).reverse();
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
