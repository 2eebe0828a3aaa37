import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { setUpTestCompany, testRecord } from '../miner/test-company.js';
import { createHttpServer, listen } from './http-server.js';

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
    });
    expect(Date.parse(status.lastMinedAt as string)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('answers 404 with JSON for what it does not serve', async () => {
    const response = await fetch(`${base}/api/v1/nothing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});
