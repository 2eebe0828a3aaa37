import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CallPage, FilterOptions, Me, SummaryReport } from '../src/api/api-types';
import { expectAccessible } from './accessibility';
import type { DemoApi, Role } from './demo-api';
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
  it('an employee: only their own calls, the same first page as the API', async () => {
    const api = await run.api('employee');
    const me = await api.get<Me>('/api/v1/me');
    const first = await firstPageOfLastMonth(api);
    expect(first.calls.length).toBeGreaterThan(0);
    expect(new Set(first.calls.map((call) => call.user?.id))).toEqual(new Set([me.userId]));

    const tab = await callsOfLastMonth('employee');
    const rows = await gridRows(tab);
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
  it('Export CSV downloads the calls of the period, and its totals are the dashboard’s', async () => {
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
    const [download] = await Promise.all([
      tab.page.waitForEvent('download', { timeout: 120_000 }),
      tab.page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`calls_${period.from}_${period.to}.csv`);
    // The browser runs apart from this process (connected over its WebSocket): read the file as a stream.
    const exported = csvTotals(await text(await download.createReadStream()));

    // The rows add up to the API's summary, and the totals rows say the same.
    expect(exported.rows).toBe(summary.totals.calls);
    expect(exported.costOfRows).toEqual(
      Object.fromEntries(summary.totals.cost.map((c) => [c.currency, c.micro])),
    );
    expect(exported.totalsRows).toEqual(exported.costOfRows);
    expect(exported.totalCalls).toBe(summary.totals.calls);

    // As the dashboard shows them: the number of calls and the cost in each currency.
    const asShown = await tab.page.evaluate(
      ({ rows, cost }) => ({
        calls: [new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(rows)],
        cost: Object.entries(cost).map(([currency, micro]) =>
          new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(micro / 1_000_000),
        ),
      }),
      { rows: exported.rows, cost: exported.costOfRows },
    );
    expect(asShown).toEqual({ calls: expected.calls, cost: expected.cost });
    await expect(
      tab.page.getByText(`Downloaded calls_${period.from}_${period.to}.csv.`).count(),
    ).resolves.toBe(1);
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

/** What an export's CSV adds up to: its call rows, their cost per currency, and its totals rows. */
function csvTotals(text: string) {
  const records = parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const calls = records.filter((record) => record.Id !== 'Total');
  const totals = records.filter((record) => record.Id === 'Total');
  const micro = (amount: string) => Math.round(Number(amount) * 1_000_000);
  const sum = (rows: Record<string, string>[]) => {
    const byCurrency: Record<string, number> = {};
    for (const row of rows)
      if (row.Cost && row.Currency)
        byCurrency[row.Currency] = (byCurrency[row.Currency] ?? 0) + micro(row.Cost);
    return byCurrency;
  };
  return {
    rows: calls.length,
    costOfRows: sum(calls),
    totalsRows: sum(totals),
    totalCalls: Number(/^(\d+) calls$/.exec(totals[0]?.['Started (local time)'] ?? '')?.[1]),
  };
}
