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

  it('shows one bar over many files, and a line at the end', async () => {
    const spool = join(dir, 'many');
    mkdirSync(spool);
    for (const n of [1, 2, 3])
      writeFileSync(
        join(spool, `sfb-many-${n}.ndjson`),
        `${JSON.stringify(testRecord({ sourceId: `many-${n}` }))}\n`,
      );
    const run = await runLedgerline(['mine', '--once', '--spool', spool, '--db', db]);
    expect(run.code).toBe(0);
    expect(run.log).toContain('"total":3,"unit":"files","msg":"mining spool files: started"');
    expect(run.log).toContain('"msg":"mined 3 files: 3 calls stored, 0 duplicates, 0 lines rejected"');
    expect(run.log).not.toContain('"msg":"mined sfb-many-1.ndjson"');
  });

  it('imports a file from anywhere once, recognizing it by its content', async () => {
    const file = join(dir, 'export.ndjson');
    writeFileSync(file, [testRecord(), testRecord()].map((record) => JSON.stringify(record)).join('\n'));
    const stored = await storedCalls();
    const first = await runLedgerline(['import', file, '--format', 'ndjson', '--db', db]);
    expect(first.code).toBe(0);
    expect(first.out).toBe('imported 1 file: 2 calls stored, 0 duplicates (stored before), 0 lines rejected');
    expect(await storedCalls()).toBe(stored + 2);
    const again = await runLedgerline(['import', file, '--db', db]);
    expect(again.log).toContain('was mined before; skipped');
    expect(again.out).toContain('1 file was imported before and skipped');
    expect((await runLedgerline(['import', file, '--format', 'csv', '--db', db])).err).toContain(
      '--format csv is not supported',
    );
    expect((await runLedgerline(['import', join(dir, 'missing.ndjson'), '--db', db])).err).toContain(
      'no such file',
    );
    const folder = await runLedgerline(['import', dir, '--db', db]);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain(`cannot import ${dir}: it is a folder`);
  });

  it('says which lines of an imported file were rejected, and where to find them all', async () => {
    const file = join(dir, 'old-pbx.ndjson');
    writeFileSync(
      file,
      [JSON.stringify(testRecord({ sourceId: 'old-1' })), '{"v":1,', '', 'null'].join('\n'),
    );
    const run = await runLedgerline(['import', file, '--db', db]);
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('imported 1 file: 1 calls stored, 0 duplicates (stored before), 2 lines rejected');
    expect(lines[1]).toMatch(/^ {2}old-pbx\.ndjson line 2: /);
    expect(lines[2]).toMatch(/^ {2}old-pbx\.ndjson line 4: /);
    expect(lines[3]).toContain('rejects table');
  });

  it('refuses a spool folder that is not there', async () => {
    for (const args of [['--once'], []]) {
      const run = await runLedgerline(['mine', ...args, '--spool', join(dir, 'nope'), '--db', db]);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`--spool: no folder ${join(dir, 'nope')}`);
    }
  });

  it('rates lines from standard input without storing them', async () => {
    const stored = await storedCalls();
    const record = testRecord({ callee: { uri: null, number: '0333 1234567' }, durationSec: 31 });
    const run = await runLedgerline(['rate', '--db', db], {}, dir, [
      '',
      JSON.stringify(record),
      '  ',
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
      startedAt: new Date(record.startedAt).toISOString(),
    });
    expect(run.log).toContain('"line":4,"msg":"line 4: not JSON');
    expect(run.err).toContain('1 of 2 lines were not CallRecord v1 lines');
    expect(await storedCalls()).toBe(stored);
  });

  it('re-rates only with a carrier it knows', async () => {
    const run = await runLedgerline([
      'rerate',
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
      '--carrier',
      'nope',
      '--db',
      db,
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--carrier: no carrier "nope"');
    expect(run.err).toContain('(carriers: telco-it');
    const known = await runLedgerline([
      'rerate',
      '--from',
      '2026-02-01',
      '--to',
      '2026-02-28',
      '--carrier',
      'telco-it',
      '--db',
      db,
    ]);
    expect(known.code).toBe(0);
    expect(known.out).toMatch(/^re-rated \d+ calls on \d+ days: \d+ changed$/);
  });
});
