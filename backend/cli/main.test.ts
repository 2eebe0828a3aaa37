import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLedgerline } from './test-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledgerline', () => {
  it('lists its commands in --help', async () => {
    const run = await runLedgerline(['--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/migrate\s+create or upgrade/);
  });

  it('migrates a new database, then says it is up to date', async () => {
    const db = `sqlite:${join(dir, 'billing.db')}`;
    const first = await runLedgerline(['migrate', '--db', db]);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain('applied 0001-pipeline-schema');
    const second = await runLedgerline(['migrate'], { LEDGERLINE_DB_URL: db });
    expect(second.out).toContain('schema is up to date');
  });

  it('puts the embedded database in the data folder', async () => {
    const run = await runLedgerline(['migrate'], { LEDGERLINE_DATA_DIR: join(dir, 'data') });
    expect(run.out).toContain(`sqlite:${join(dir, 'data', 'ledgerline.db')}`);
  });

  it('explains a database URL it cannot use', async () => {
    const run = await runLedgerline(['migrate', '--db', 'mysql://root@localhost/billing']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('unsupported database URL "mysql://root@localhost/billing"');
  });

  it('explains an unreachable server without showing the password', async () => {
    const run = await runLedgerline(['migrate', '--db', 'postgres://billing:secret@127.0.0.1:1/ledgerline']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'cannot use the billing database postgres://billing:***@127.0.0.1:1/ledgerline',
    );
    expect(run.err).toContain('connection refused');
    expect(run.err).not.toContain('secret');
  });

  it('says plainly that the demo is not there yet', async () => {
    const run = await runLedgerline(['demo']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('the demo is not built yet');
  });
});
