import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { setUpTestCompany, testRecord } from '../miner/test-company.js';
import { runLedgerline } from './test-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-mine-'));
const db = `sqlite:${join(dir, 'billing.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const database = connect(db);
  await migrateToLatest(database);
  await setUpTestCompany(database);
  await database.close();
});

async function storedCalls(): Promise<number> {
  const database = connect(db);
  const totals = await repositoriesFor(database.kysely, database).calls.totals({ kind: 'all' }, 0, 99999999);
  await database.close();
  return totals.calls;
}

describe('ledgerline mine, import and rate', () => {
  it('mines the spool folder once, logging JSON lines when not on a terminal', async () => {
    mkdirSync(join(dir, 'data', 'spool'), { recursive: true });
    writeFileSync(join(dir, 'data', 'spool', 'sfb-1.ndjson'), `${JSON.stringify(testRecord())}\n{"broken"\n`);
    const run = await runLedgerline(['mine', '--once', '--db', db, '--data', join(dir, 'data')]);
    expect(run.code).toBe(0);
    const log = run.log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; calls?: number; level: number });
    expect(log.find((entry) => entry.msg === 'mined sfb-1.ndjson')).toMatchObject({ calls: 1, rejected: 1 });
    expect(
      log.some((entry) => entry.level === 40 && entry.msg.includes('1 lines of sfb-1.ndjson were rejected')),
    ).toBe(true);
    expect(existsSync(join(dir, 'data', 'spool', 'done', 'sfb-1.ndjson'))).toBe(true);
    expect(await storedCalls()).toBe(1);
  });

  it('imports a file from anywhere once, recognizing it by its content', async () => {
    const file = join(dir, 'export.ndjson');
    writeFileSync(file, [testRecord(), testRecord()].map((record) => JSON.stringify(record)).join('\n'));
    const first = await runLedgerline(['import', file, '--format', 'ndjson', '--db', db]);
    expect(first.code).toBe(0);
    expect(await storedCalls()).toBe(3);
    const again = await runLedgerline(['import', file, '--db', db]);
    expect(again.log).toContain('was mined before; skipped');
    expect((await runLedgerline(['import', file, '--format', 'csv', '--db', db])).err).toContain(
      '--format csv is not supported',
    );
    expect((await runLedgerline(['import', join(dir, 'missing.ndjson'), '--db', db])).err).toContain(
      'no such file',
    );
  });

  it('rates lines from standard input without storing them', async () => {
    const run = await runLedgerline(['rate', '--db', db], {}, dir, [
      JSON.stringify(testRecord({ callee: { uri: null, number: '0333 1234567' }, durationSec: 31 })),
      'garbage',
    ]);
    expect(run.code).toBe(2);
    const rated = JSON.parse(run.out) as {
      destClass: string;
      cost: number;
      costText: string;
      carrier: string;
    };
    expect(rated).toMatchObject({
      destClass: 'mobile',
      cost: 72_000,
      costText: '0.072 EUR',
      carrier: 'telco-it',
    });
    expect(run.err).toContain('line 2: not JSON');
    expect(run.err).toContain('1 of 2 lines were not CallRecord v1 lines');
    expect(await storedCalls()).toBe(3);
  });
});
