import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { seedReportData } from '../reports/test-report-data.js';
import { runLedgerline } from './test-cli.js';

describe('ledgerline report', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerline-report-'));
    db = `sqlite:${join(dir, 'billing.db')}`;
    const database = connect(db);
    await migrateToLatest(database);
    await seedReportData(database);
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const november = ['--from', '2026-11-01', '--to', '2026-11-30'];

  it('writes the document a schedule would send, for every call (admin view)', async () => {
    const out = join(dir, 'departments.csv');
    const run = await runLedgerline([
      '--db',
      db,
      'report',
      'departments',
      ...november,
      '--format',
      'csv',
      '--out',
      out,
    ]);
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toBe(`wrote Cost by department for 2026-11-01..2026-11-30 (24 calls) to ${out}`);
    const rows = parse(readFileSync(out, 'utf8'), { bom: true }) as string[][];
    expect(rows.at(-1)).toEqual(['Total', '24', '20', '59', '4.6', '1.1']);
  });

  it('narrows by department code and writes a PDF', async () => {
    const out = join(dir, 'sales.pdf');
    const run = await runLedgerline([
      '--db',
      db,
      'report',
      'summary',
      ...november,
      '--department',
      'SALES-N',
      '--format',
      'pdf',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(run.out).toMatch(/Call cost summary .* \((\d+) calls\)/);
    expect(Number(/\((\d+) calls\)/.exec(run.out)?.[1])).toBeLessThan(24);
  });

  it('names what is wrong: the report, the format, the period, a code', async () => {
    const out = join(dir, 'x');
    const fail = (args: string[]) => runLedgerline(['--db', db, 'report', ...args, '--out', out]);
    expect((await fail(['nothing', ...november, '--format', 'pdf'])).err).toContain(
      'no report "nothing" (reports: summary, departments',
    );
    expect((await fail(['users', ...november, '--format', 'docx'])).err).toContain(
      '--format: "docx" is not one of pdf, html, xlsx, csv',
    );
    expect(
      (await fail(['users', '--from', '2026-11-30', '--to', '2026-11-01', '--format', 'pdf'])).err,
    ).toContain('to (2026-11-01) is before from (2026-11-30)');
    const unknown = await fail(['users', ...november, '--format', 'pdf', '--site', 'XYZ']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--site: no site with the code "XYZ"');
  });

  it('lists the reports in its help', async () => {
    const help = await runLedgerline(['report', '--help']);
    for (const name of ['summary', 'departments', 'users', 'destinations', 'trend', 'calls'])
      expect(help.out).toContain(`  ${name}`);
  });
});
