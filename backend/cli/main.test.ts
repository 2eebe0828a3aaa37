import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
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

  it('names the inner cause when SQL Server cannot be reached', async () => {
    const run = await runLedgerline(['migrate', '--db', 'mssql://sa:secret@127.0.0.1:1/ledgerline']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('cannot use the billing database');
    expect(run.err).toContain('connection refused (is the server running and listening on that port?)');
    expect(run.err).not.toContain('secret');
  }, 30_000);

  it('refuses a demo history it cannot make, with the usage', async () => {
    const run = await runLedgerline(['demo', '--days', 'lots', '--data', join(dir, 'demo')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('--days: "lots" is not a whole number of days from 1 to 730');
    expect(run.err).toContain('usage: ledgerline demo [options]');
    expect(existsSync(join(dir, 'demo'))).toBe(false);
  });

  it('refuses a port that is not a port before opening anything, with the usage', async () => {
    const db = `sqlite:${join(dir, 'never.db')}`;
    for (const [args, env, name] of [
      [['serve', '--port', '99999', '--db', db], {}, '--port: "99999"'],
      [['serve', '--db', db], { PORT: 'abc' }, 'PORT: "abc"'],
      [['demo', '--port', 'abc', '--data', join(dir, 'demo')], {}, '--port: "abc"'],
    ] as const) {
      const run = await runLedgerline([...args], env);
      expect(run.code).toBe(2);
      expect(run.err).toContain(`${name} is not a port number`);
      expect(run.err).toContain(`usage: ledgerline ${args[0]} [options]`);
    }
    expect(existsSync(join(dir, 'never.db'))).toBe(false);
    expect(existsSync(join(dir, 'demo'))).toBe(false);
  });

  it('creates a billing database only with migrate or demo', async () => {
    const missing = join(dir, 'nowhere', 'billing.db');
    for (const args of [
      ['serve'],
      ['rate'],
      ['mine', '--once'],
      ['rerate', '--from', '2026-01-01', '--to', '2026-01-02'],
    ]) {
      const run = await runLedgerline([...args, '--db', `sqlite:${missing}`]);
      expect(run.code).toBe(1);
      expect(run.err).toContain(
        `no billing database at ${missing} (run \`ledgerline migrate\` or \`ledgerline demo\``,
      );
    }
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('writes the final error as a JSON log line when not on a terminal', async () => {
    const run = await runLedgerline(['rerate', '--from', '2026-02-30', '--to', '2026-03-01']);
    expect(run.code).toBe(2);
    const last = JSON.parse(run.log.trim().split('\n').at(-1) ?? '') as { level: number; msg: string };
    expect(last).toMatchObject({ level: 50, msg: '--from: "2026-02-30" is not a date (YYYY-MM-DD)' });
  });
});

describe('ledgerline directory import', () => {
  it('asks for migrate first on a database without the schema', async () => {
    const run = await runLedgerline([
      'directory',
      'import',
      '--sites',
      'x.csv',
      '--db',
      `sqlite:${join(dir, 'new.db')}`,
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('cannot read x.csv: no such file');
    writeFileSync(
      join(dir, 'sites.csv'),
      'code,name,country,time_zone,currency\nMIL,Milano,IT,Europe/Rome,EUR\n',
    );
    new SQLite(join(dir, 'new.db')).close();
    const unmigrated = await runLedgerline([
      'directory',
      'import',
      '--sites',
      join(dir, 'sites.csv'),
      '--db',
      `sqlite:${join(dir, 'new.db')}`,
    ]);
    expect(unmigrated.code).toBe(1);
    expect(unmigrated.err).toContain('run `ledgerline migrate` first');
  });

  it('imports files and reports every problem of a bad one with exit code 2', async () => {
    const db = `sqlite:${join(dir, 'directory.db')}`;
    await runLedgerline(['migrate', '--db', db]);
    writeFileSync(join(dir, 'departments.csv'), 'code,name,parent_code\nSALES,Sales,\n');
    writeFileSync(
      join(dir, 'users.csv'),
      'upn,display_name,department_code,site_code\nanna@contoso.com,Anna,SALES,MIL\nbad,Bad,,\ncarl@contoso.com,Carl,NOPE,\n',
    );
    const bad = await runLedgerline([
      'directory',
      'import',
      '--db',
      db,
      '--sites',
      join(dir, 'sites.csv'),
      '--departments',
      join(dir, 'departments.csv'),
      '--users',
      join(dir, 'users.csv'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('nothing was imported: 2 problems in the directory files');
    expect(bad.err).toContain('users.csv line 3, upn: "bad" is not a user principal name (user@domain)');
    expect(bad.err).toContain(
      'users.csv line 4, department_code: no department "NOPE" in the file or the database',
    );

    writeFileSync(
      join(dir, 'users.csv'),
      'upn,display_name,department_code,site_code\nanna@contoso.com,Anna,SALES,MIL\n',
    );
    const good = await runLedgerline([
      'directory',
      'import',
      '--db',
      db,
      '--sites',
      join(dir, 'sites.csv'),
      '--departments',
      join(dir, 'departments.csv'),
      '--users',
      join(dir, 'users.csv'),
    ]);
    expect(good).toMatchObject({ code: 0, err: '' });
    expect(good.out).toContain('imported 1 sites, 1 departments, 1 users, 0 numbers');
  });
});
