import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { parseMoney } from '../domain/money.js';
import type { Principal } from '../domain/principal.js';
import { exportCalls } from './call-export.js';
import { CallRows } from './call-list.js';
import { NumberMask } from './number-mask.js';
import { callExportQuerySchema, summaryQuerySchema } from './report-query.js';
import type { ReportTotals } from './report-totals.js';
import { ReportService } from './report.service.js';
import { principalFor, seedReportData, type ReportData } from './test-report-data.js';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

async function bytesOf(body: Readable): Promise<Buffer> {
  return Buffer.concat((await body.toArray()) as Buffer[]);
}

const HEADER = [
  'Id',
  'Started (local time)',
  'Direction',
  'Site',
  'User',
  'Department',
  'Caller',
  'Callee',
  'Destination',
  'Class',
  'Country',
  'Carrier',
  'Answered',
  'Talk (s)',
  'Billed (s)',
  'Cost',
  'Currency',
  'Status',
];
const col = (name: string) => HEADER.indexOf(name);

/** The figures of an export's `Total` rows, read the way a person would add them up. */
function totalsIn(rows: readonly (readonly unknown[])[]): Omit<ReportTotals, 'minutes'> {
  const totals = rows.filter((row) => row[0] === 'Total');
  const first = totals[0] as readonly unknown[];
  return {
    calls: Number(String(first[1]).replace(' calls', '')),
    answered: Number(first[col('Answered')]),
    talkSec: Number(first[col('Talk (s)')]),
    billedSec: Number(first[col('Billed (s)')]),
    cost: totals.map((row) => ({
      currency: String(row[col('Currency')]),
      micro: parseMoney(String(row[col('Cost')])),
    })) as ReportTotals['cost'],
  };
}

describe.each(testEngines())('call exports on $name', (engine) => {
  let database: Database;
  let data: ReportData;
  let repos: Repositories;
  let service: ReportService;
  let admin: Principal;
  let supervisor: Principal;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    data = await seedReportData(database);
    repos = repositoriesFor(database.kysely, database);
    service = new ReportService(repos);
    admin = principalFor('admin', null, { kind: 'all' });
    supervisor = principalFor('supervisor', data.users.anna, {
      kind: 'departments',
      departmentIds: [data.departments.sales, data.departments.north],
    });
  });
  afterAll(() => database.close());

  const exported = async (principal: Principal, query: Record<string, unknown>) => {
    const file = await service.exportCalls(principal, callExportQuerySchema.parse({ ...NOVEMBER, ...query }));
    return { ...file, bytes: await bytesOf(file.body) };
  };
  const csvRows = (bytes: Buffer): string[][] => parse(bytes, { bom: true, relax_column_count: true });
  const rowOf = (rows: string[][], n: number) => rows.find((row) => row[0] === String(data.calls.get(n)));
  const summaryTotals = async (principal: Principal, query: Record<string, unknown>) => {
    const { minutes: _minutes, ...totals } = (
      await service.summary(principal, summaryQuerySchema.parse({ ...NOVEMBER, ...query }))
    ).totals;
    return { ...totals, cost: totals.cost.map(({ currency, micro }) => ({ currency, micro })) };
  };

  it('writes CSV: a header, the calls oldest first, totals equal to the summary', async () => {
    const file = await exported(admin, { format: 'csv' });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect(file.fileName).toBe('calls_2026-11-01_2026-11-30.csv');
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(file.bytes);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(1 + 24 + 2);
    // Oldest first: Dave's 09:00 in London is 09:00 UTC, after Anna's 09:00 in Milan (08:00 UTC).
    expect(rows.slice(1, 4).map((row) => row[0])).toEqual([1, 2, 13].map((n) => String(data.calls.get(n))));
    // 24 calls, 20 answered, 3,540 s talk, 2,760 s billed, EUR 4.6 and GBP 1.1 (see the summary test).
    expect(rows.slice(-2)).toEqual([
      ['Total', '24 calls', '', '', '', '', '', '', '', '', '', '', '20', '3540', '2760', '4.6', 'EUR', ''],
      ['Total', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '1.1', 'GBP', ''],
    ]);
    expect(totalsIn(rows)).toEqual(await summaryTotals(admin, {}));
    expect(rowOf(rows, 8)).toEqual([
      String(data.calls.get(8)),
      '2026-11-09 09:00:00',
      'outbound',
      'Milano',
      'Bruno Conti',
      'Sales North',
      '2002',
      "'+393471234508",
      'Italy mobile',
      'mobile',
      'IT',
      'Aurora Telecom',
      'yes',
      '120',
      '120',
      '0.3',
      'EUR',
      'rated',
    ]);
  });

  it('makes text that starts like a formula safe, in CSV and in Excel', async () => {
    const rows = csvRows((await exported(admin, { format: 'csv' })).bytes);
    expect(rowOf(rows, 17)?.[col('User')]).toBe('\'=HYPERLINK("http://evil.example","Emma")');
    expect(rowOf(rows, 19)?.[col('Destination')]).toBe("'@UK freephone");
    expect(rowOf(rows, 23)?.[col('Destination')]).toBe("'-United States");
    expect(rowOf(rows, 15)?.[col('Destination')]).toBe("'\tItaly");
    expect(rowOf(rows, 5)?.[col('Destination')]).toBe("'\rUnited Kingdom");
    expect(rowOf(rows, 4)?.[col('Caller')]).toBe("'+390612345604");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);

    const file = await exported(admin, { format: 'xlsx' });
    expect(file.fileName).toBe('calls_2026-11-01_2026-11-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    // exceljs's declarations predate Node's generic Buffer.
    await workbook.xlsx.load(file.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Calls');
    const values: unknown[][] = [];
    sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values[0]).toEqual(HEADER);
    expect(values).toHaveLength(1 + 24 + 2);
    sheet?.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
    const byId = (n: number) => values.find((row) => row[0] === data.calls.get(n)) as unknown[];
    expect(byId(17)[col('User')]).toBe('\'=HYPERLINK("http://evil.example","Emma")');
    expect(byId(15)[col('Destination')]).toBe("'\tItaly");
    expect(byId(8)[col('Callee')]).toBe("'+393471234508");
    expect(byId(8)[col('Cost')]).toBe(0.3);
    expect(byId(8)[col('Talk (s)')]).toBe(120);
    expect(values.slice(-2).map((row) => [row[0], row[1], row[col('Cost')], row[col('Currency')]])).toEqual([
      ['Total', '24 calls', 4.6, 'EUR'],
      ['Total', undefined, 1.1, 'GBP'],
    ]);
  });

  it('masks numbers as the list does and keeps to the scope and filters', async () => {
    const rows = csvRows((await exported(supervisor, { format: 'csv' })).bytes);
    // Sales and Sales North: 16 calls; Bruno's number masked, the supervisor's own in full.
    expect(rows).toHaveLength(1 + 16 + 2);
    expect(rowOf(rows, 8)?.[col('Callee')]).toBe("'+393471234xxx");
    expect(rowOf(rows, 2)?.[col('Callee')]).toBe("'+393471234502");
    expect(totalsIn(rows)).toEqual(await summaryTotals(supervisor, {}));
    for (const query of [
      { site: data.sites.LON },
      { answered: 'true' },
      { q: 'Conti' },
      { destClass: 'mobile' },
    ]) {
      const filtered = csvRows((await exported(admin, { format: 'csv', ...query })).bytes);
      expect(totalsIn(filtered), JSON.stringify(query)).toEqual(await summaryTotals(admin, query));
    }
    await expect(
      exported(supervisor, { format: 'csv', department: data.departments.finance }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('reads calls a page at a time: small pages give the same file', async () => {
    const criteria = { fromDay: 20261101, toDay: 20261130 };
    const file = async (pageSize: number) => {
      const rows = new CallRows(repos.reports, repos.sites, new NumberMask(admin));
      return bytesOf(exportCalls(repos.callList, rows, { kind: 'all' }, criteria, 'csv', pageSize).body);
    };
    const [paged, whole] = [await file(5), await file(1_000)];
    expect(paged.equals(whole)).toBe(true);
    const empty = csvRows(
      await bytesOf(
        exportCalls(
          repos.callList,
          new CallRows(repos.reports, repos.sites, new NumberMask(admin)),
          { kind: 'none' },
          criteria,
          'csv',
        ).body,
      ),
    );
    expect(empty.slice(1)).toEqual([
      ['Total', '0 calls', '', '', '', '', '', '', '', '', '', '', '0', '0', '0', '', '', ''],
    ]);
  });
});
