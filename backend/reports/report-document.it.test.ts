import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { formatMoney } from '../domain/money.js';
import type { Principal } from '../domain/principal.js';
import { companyLogo } from './company-logo.js';
import { reportContent, type DocumentReportName, type ReportContent } from './report-content.js';
import { reportDocument } from './report-document.js';
import { reportFiltersSchema } from './report-query.js';
import { ReportService } from './report.service.js';
import { principalFor, seedReportData, type ReportData } from './test-report-data.js';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** The text a PDF written uncompressed shows: pdfkit writes it as hex strings in TJ arrays. */
function pdfText(pdf: Buffer): string {
  const lines = pdf
    .toString('latin1')
    .split('\n')
    .filter((line) => line.endsWith('TJ'));
  return lines
    .map((line) =>
      [...line.matchAll(/<([0-9a-f]*)>/g)]
        .map((match) => Buffer.from(match[1] as string, 'hex').toString('latin1'))
        .join(''),
    )
    .join('\n');
}

describe.each(testEngines())('report documents on $name', (engine) => {
  let database: Database;
  let data: ReportData;
  let service: ReportService;
  let admin: Principal;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    data = await seedReportData(database);
    service = new ReportService(repositoriesFor(database.kysely, database));
    admin = principalFor('admin', null, { kind: 'all' });
  });
  afterAll(() => database.close());

  const content = (report: DocumentReportName, principal: Principal = admin): Promise<ReportContent> =>
    reportContent(service, repositoriesFor(database.kysely, database), principal, {
      report,
      filters: reportFiltersSchema.parse(NOVEMBER),
      periodLabel: 'last month',
      now: Date.UTC(2026, 11, 1, 6),
    });

  it('writes a PDF with the period and scope in words, the charts and the totals', async () => {
    const pdf = await reportDocument('pdf').render(await content('summary'), {
      compress: false,
      logo: companyLogo(PNG),
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Period: last month (2026-11-01 to 2026-11-30)');
    expect(text).toContain('Covers: the whole company');
    expect(text).toContain('24 calls (20 answered), 59 minutes, 4.60 EUR + 1.10 GBP');
    expect(text).toContain('Cost (EUR) by department');
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('writes the call list as a PDF over several pages', async () => {
    const pdf = await reportDocument('pdf').render(await content('calls'), { compress: false });
    expect(pdfText(pdf)).toContain('Anna Rossi');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Page\b/);
  });

  it('writes an Excel workbook whose Total row is the summary', async () => {
    const summary = await service.summary(admin, reportFiltersSchema.parse(NOVEMBER));
    const file = await reportDocument('xlsx').render(await content('departments'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const header = rows[0]?.slice(1);
    expect(header).toEqual(['Department', 'Calls', 'Answered', 'Minutes', 'Cost EUR', 'Cost GBP']);
    const total = rows.find((row) => row[1] === 'Total')?.slice(1);
    expect(total).toEqual([
      'Total',
      summary.totals.calls,
      summary.totals.answered,
      summary.totals.minutes,
      4.6,
      1.1,
    ]);
    const body = rows.slice(1, -1).map((row) => row.slice(1));
    expect(body.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(summary.totals.calls);
  });

  it('writes a CSV whose Total row is the summary, and the calls with the export columns', async () => {
    const summary = await service.summary(admin, reportFiltersSchema.parse(NOVEMBER));
    const csv = (await reportDocument('csv').render(await content('trend'))).toString('utf8');
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Day', 'Calls', 'Answered', 'Minutes', 'Cost EUR', 'Cost GBP']);
    expect(rows).toHaveLength(1 + 30 + 1);
    expect(rows.at(-1)).toEqual([
      'Total',
      String(summary.totals.calls),
      String(summary.totals.answered),
      String(summary.totals.minutes),
      formatMoney(summary.totals.cost[0]?.micro ?? -1),
      formatMoney(summary.totals.cost[1]?.micro ?? -1),
    ]);

    const calls = parse((await reportDocument('csv').render(await content('calls'))).toString('utf8'), {
      bom: true,
    }) as string[][];
    expect(calls.filter((row) => row[0] !== 'Id' && row[0] !== 'Total')).toHaveLength(24);
    expect(calls.find((row) => row[0] === 'Total')?.[1]).toBe('24 calls');
    // Text that would run as a formula is made safe in the spreadsheet formats.
    expect(calls.some((row) => row[4]?.startsWith(`'=HYPERLINK`))).toBe(true);
  });

  it('writes an HTML page with SVG charts, the logo inlined and names escaped', async () => {
    const html = (
      await reportDocument('html').render(await content('users'), { logo: companyLogo(PNG) })
    ).toString('utf8');
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('Period: last month (2026-11-01 to 2026-11-30)');
    expect(html).toContain('src="data:image/png;base64,');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
    expect(html).not.toContain('<a href="http://evil');
  });

  it("holds only a supervisor's departments for a supervisor", async () => {
    const sales = [data.departments.sales, data.departments.north];
    const supervisor = principalFor('supervisor', data.users.anna, {
      kind: 'departments',
      departmentIds: sales,
    });
    const own = await content('departments', supervisor);
    expect(own.scopeLabel).toBe('the departments Sales, Sales North');
    expect(own.breakdown?.rows.map((row) => row.label).sort()).toEqual(['Sales', 'Sales North']);
    const expected = await service.summary(supervisor, reportFiltersSchema.parse(NOVEMBER));
    expect(own.totals).toEqual(expected.totals);
    expect(own.totals.calls).toBeLessThan((await content('departments')).totals.calls);
    const html = (await reportDocument('html').render(own)).toString('utf8');
    expect(html).not.toContain('Finance');
  });

  it('refuses a logo that is not a PNG or JPEG', () => {
    expect(() => companyLogo(Buffer.from('GIF89a'))).toThrow(/not a PNG or JPEG/);
  });
});
