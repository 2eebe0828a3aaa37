import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiRoutes } from '../backend/api/api-routes.js';
import { createHttpServer, listen } from '../backend/api/http-server.js';
import { createDemoAuth, demoAuthConfig } from '../backend/auth/demo-sign-in.js';
import { connect } from '../backend/db/connect.js';
import { migrateToLatest } from '../backend/db/migrations/migrate.js';
import { repositoriesFor } from '../backend/db/repositories.js';
import { DEMO_COMPANY, setUpDemoCompany } from '../backend/demo/demo-company.js';
import { MiningTablesBuilder } from '../backend/miner/mining-tables.js';
import { mineSpoolFile } from '../backend/miner/spool-file-miner.js';
import { writeCompanyCalls } from './company-calls.js';
import { measureLatency, type LatencyResult } from './http-latency.js';

/** Figures of the API benchmark. */
export interface ApiBenchResult {
  calls: number;
  days: number;
  mineSeconds: number;
  /** How deep the deep page of calls is (rows before it). */
  deepRows: number;
  endpoints: LatencyResult[];
}

const DAY_MS = 86_400_000;

/**
 * Stores `count` calls of the demo company over two years in SQLite (through the real miner),
 * starts the real server with demo sign-in, and measures over HTTP the latency of the dashboard's
 * requests: the month's summary, cost by department, the cost trend by day over a quarter, the
 * first page of calls and a page deep in the list.
 */
export async function runApiBench(count: number, seconds = 5): Promise<ApiBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-api-bench-'));
  try {
    const days = 730;
    const end = Date.UTC(2026, 10, 30, 23, 0);
    const path = join(dir, 'billing.db');
    let database = connect(`sqlite:${path}`);
    await migrateToLatest(database);
    await setUpDemoCompany(database);
    const spool = join(dir, 'calls.ndjson');
    await writeCompanyCalls(spool, count, days, end);
    const start = performance.now();
    const mined = await mineSpoolFile(database, new MiningTablesBuilder(), {
      path: spool,
      name: 'calls.ndjson',
    });
    const mineSeconds = (performance.now() - start) / 1000;
    if (mined.calls !== count) throw new Error(`stored ${mined.calls} calls of ${count}`);
    // A server opens its database after the calls are in it: reopen, as it would be.
    await database.close();
    database = connect(`sqlite:${path}`);

    const repos = repositoriesFor(database.kysely, database);
    const demo = await createDemoAuth(demoAuthConfig(DEMO_COMPANY.adminGroupId), repos, {
      defaults: { admin: DEMO_COMPANY.personas.admin.upn, supervisor: DEMO_COMPANY.personas.supervisor.upn },
    });
    const server = createHttpServer({
      database,
      spoolDir: join(dir, 'spool'),
      version: 'bench',
      authenticate: (header) => demo.authenticator.authenticate(header),
      routes: apiRoutes({ database, maskDigits: 3, demo: null }),
    });
    const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
    try {
      const admin = { authorization: `Bearer ${(await demo.signIn({ role: 'admin' })).token}` };
      const supervisor = { authorization: `Bearer ${(await demo.signIn({ role: 'supervisor' })).token}` };
      const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
      const month = `from=${day(end - 29 * DAY_MS)}&to=${day(end)}`;
      const quarter = `from=${day(end - 89 * DAY_MS)}&to=${day(end)}`;
      const year = `from=${day(end - 364 * DAY_MS)}&to=${day(end)}`;

      // The deep page: 200 pages of 50 into the quarter's calls, followed by cursor.
      let cursor: string | null = null;
      const pageSize = 50;
      const pages = 200;
      for (let page = 0; page < pages; page++) {
        const url: string = `${base}/api/v1/calls?${quarter}&limit=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`;
        const body = (await (await fetch(url, { headers: admin })).json()) as { nextCursor: string | null };
        cursor = body.nextCursor;
        if (cursor === null) throw new Error(`the quarter has fewer than ${pages} pages of calls`);
      }
      const measured: [string, string, Record<string, string>][] = [
        ['summary, month (admin)', `/api/v1/reports/summary?${month}`, admin],
        ['summary, year (admin)', `/api/v1/reports/summary?${year}`, admin],
        ['summary, month (supervisor)', `/api/v1/reports/summary?${month}`, supervisor],
        ['breakdown by department, month', `/api/v1/reports/breakdown?dimension=department&${month}`, admin],
        ['breakdown by user, month', `/api/v1/reports/breakdown?dimension=user&limit=10&${month}`, admin],
        ['trend by day, quarter', `/api/v1/reports/trend?interval=day&${quarter}`, admin],
        ['calls, first page', `/api/v1/calls?${quarter}&limit=${pageSize}`, admin],
        [`calls, page ${pages + 1}`, `/api/v1/calls?${quarter}&limit=${pageSize}&cursor=${cursor}`, admin],
        ['calls, first page (supervisor)', `/api/v1/calls?${quarter}&limit=${pageSize}`, supervisor],
      ];
      const endpoints: LatencyResult[] = [];
      for (const [name, url, headers] of measured) {
        const result = await measureLatency(name, `${base}${url}`, headers, { seconds });
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        endpoints.push(result);
      }
      return { calls: count, days, mineSeconds, deepRows: pages * pageSize, endpoints };
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
