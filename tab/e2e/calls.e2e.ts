import { describe, expect, it } from 'vitest';
import type { CallPage, FilterOptions, Me, SummaryReport } from '../src/api/api-types';
import { expectAccessible } from './accessibility';
import type { DemoApi, Role } from './demo-api';
import { csvRecords, exportTotals, xlsxRecords } from './export-files';
import { expectedKpis, lastMonth, readKpis } from './report-figures';
import { screenshot } from './screenshots';
import { e2eRunForFile, type TabPage } from './tab-session';

const run = e2eRunForFile();

const period = lastMonth();

/** A row of the calls grid: its cells' texts by column. */
interface GridRow {
  start: string;
  user: string;
  department: string;
  direction: string;
  number: string;
  destination: string;
  duration: string;
  cost: string;
}

const COLUMNS = [
  'start',
  'user',
  'department',
  'direction',
  'number',
  'destination',
  'duration',
  'cost',
] as const;

/** The rows the calls grid shows now (the header row left out). */
async function gridRows(tab: TabPage): Promise<GridRow[]> {
  const grid = tab.page.getByRole('grid', { name: 'Calls' });
  await grid.getByRole('gridcell').first().waitFor();
  const cells = await grid
    .getByRole('row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('[role="gridcell"]')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );
  return cells
    .filter((row) => row.length === COLUMNS.length)
    .map(
      (row) => Object.fromEntries(COLUMNS.map((column, index) => [column, row[index]])) as unknown as GridRow,
    );
}

/** Opens the calls of last month as a role. */
function callsOfLastMonth(role: Role): Promise<TabPage> {
  return run.openSignedIn(role, '/calls?period=last-month');
}

/** The first page of last month's calls from the API, in the calls page's first order. */
function firstPageOfLastMonth(api: DemoApi): Promise<CallPage> {
  return api.get<CallPage>('/api/v1/calls', { ...period, sort: 'startedAt', order: 'desc', limit: 50 });
}

describe('the calls page shows each role only the calls it may see', () => {
  it('an employee: only their own calls, the same first page as the API, no site or department filter', async () => {
    const api = await run.api('employee');
    const me = await api.get<Me>('/api/v1/me');
    const first = await firstPageOfLastMonth(api);
    expect(first.calls.length).toBeGreaterThan(0);
    expect(new Set(first.calls.map((call) => call.user?.id))).toEqual(new Set([me.userId]));

    const tab = await callsOfLastMonth('employee');
    const rows = await gridRows(tab);
    expect(await tab.page.getByRole('combobox', { name: 'Site', exact: true }).count()).toBe(0);
    expect(await tab.page.getByRole('combobox', { name: 'Department', exact: true }).count()).toBe(0);
    expect(rows.map((row) => row.user)).toEqual(first.calls.map(() => me.displayName));
    expect(rows.map((row) => [row.department, row.number])).toEqual(
      first.calls.map((call) => [call.department?.name, call.number ?? '—']),
    );
    await tab.close();
  });

  it('a supervisor: only calls of their departments', async () => {
    const api = await run.api('supervisor');
    const options = await api.get<FilterOptions>('/api/v1/reports/filters');
    const theirs = new Set(options.departments.map((department) => department.name));
    const first = await firstPageOfLastMonth(api);
    expect(first.calls.length).toBe(50);

    const tab = await callsOfLastMonth('supervisor');
    const rows = await gridRows(tab);
    expect(rows).toHaveLength(50);
    for (const row of rows) expect(theirs, row.department).toContain(row.department);
    expect(rows.map((row) => row.user)).toEqual(first.calls.map((call) => call.user?.name ?? '—'));

    // Another department's calls are refused, not answered empty.
    const everyDepartment = await (await run.api('admin')).get<FilterOptions>('/api/v1/reports/filters');
    const other = everyDepartment.departments.find((department) => !theirs.has(department.name));
    expect(
      (await api.request('GET', '/api/v1/calls', undefined, { ...period, department: other?.id })).status,
    ).toBe(403);
    await tab.close();
  });
});

describe('exports', () => {
  it('Export CSV and Export Excel download the calls of the period, whose totals are the dashboard’s', async () => {
    const api = await run.api('admin');
    const options = await api.get<FilterOptions>('/api/v1/reports/filters');
    const sales = options.departments.find((department) => department.code === 'SALES');
    const filters = `period=last-month&department=${sales?.id}`;
    const summary = await api.get<SummaryReport>('/api/v1/reports/summary', {
      ...period,
      department: sales?.id,
    });

    const tab = await run.openSignedIn('admin', `/dashboard?${filters}`);
    const expected = await expectedKpis(tab.page, summary);
    await expect.poll(() => readKpis(tab.page), { timeout: 30_000 }).toEqual(expected);

    await tab.goto(`/calls?${filters}`);
    const download = async (button: string, fileName: string) => {
      const [file] = await Promise.all([
        tab.page.waitForEvent('download', { timeout: 120_000 }),
        tab.page.getByRole('button', { name: button }).click(),
      ]);
      expect(file.suggestedFilename()).toBe(fileName);
      await tab.page.getByText(`Downloaded ${fileName}.`).waitFor();
      // The browser runs apart from this process (connected over its WebSocket): read it as a stream.
      return file.createReadStream();
    };
    const csv = exportTotals(
      await csvRecords(await download('Export CSV', `calls_${period.from}_${period.to}.csv`)),
    );

    // The rows add up to the API's summary, and the totals rows say the same.
    expect(csv.rows).toBe(summary.totals.calls);
    expect(csv.costOfRows).toEqual(Object.fromEntries(summary.totals.cost.map((c) => [c.currency, c.micro])));
    expect(csv.totalsRows).toEqual(csv.costOfRows);
    expect(csv.totalCalls).toBe(summary.totals.calls);

    // As the dashboard shows them: the number of calls and the cost in each currency.
    const asShown = await tab.page.evaluate(
      ({ rows, cost }) => ({
        calls: [new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(rows)],
        cost: Object.entries(cost).map(([currency, micro]) =>
          new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(micro / 1_000_000),
        ),
      }),
      { rows: csv.rows, cost: csv.costOfRows },
    );
    expect(asShown).toEqual({ calls: expected.calls, cost: expected.cost });

    // The workbook holds the same calls and totals.
    const xlsx = await xlsxRecords(await download('Export Excel', `calls_${period.from}_${period.to}.xlsx`));
    expect(exportTotals(xlsx)).toEqual(csv);
    await tab.close();
  });
});

describe('the calls page', () => {
  it('is accessible, and so is a call’s details; both photographed', async () => {
    const tab = await callsOfLastMonth('admin');
    await gridRows(tab);
    await expectAccessible(tab.page, 'calls');
    await screenshot(tab.page, 'calls');

    await tab.page.getByRole('grid', { name: 'Calls' }).getByRole('row').nth(1).click();
    const details = tab.page.getByRole('dialog', { name: 'Call details' });
    await details.waitFor();
    await tab.settled();
    await expectAccessible(tab.page, 'call details');
    await screenshot(tab.page, 'call-details');
    await details.getByRole('button', { name: 'Close details' }).click();
    await details.waitFor({ state: 'hidden' });
    await tab.close();
  });
});
