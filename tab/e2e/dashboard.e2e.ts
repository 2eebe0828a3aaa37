import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterOptions, Me, SummaryReport } from '../src/api/api-types';
import { expectAccessible } from './accessibility';
import type { Query } from './demo-api';
import { expectKpisOf, lastMonth } from './report-figures';
import { screenshot } from './screenshots';
import { e2eRunForFile, type TabPage } from './tab-session';

const run = e2eRunForFile();

const period = lastMonth();

/** The names a department select offers, without the indentation that shows the tree. */
async function departmentChoices(tab: TabPage): Promise<string[]> {
  const options = await tab.page
    .getByRole('combobox', { name: 'Department', exact: true })
    .locator('option')
    .allTextContents();
  return options
    .map((option) => option.replace(/\u00a0/g, ' ').trim())
    .filter((name) => name !== 'All departments');
}

describe('the dashboard as an admin', () => {
  let tab: TabPage;
  beforeAll(async () => {
    tab = await run.openSignedIn('admin', '/dashboard');
  });
  afterAll(async () => {
    await tab.close();
  });

  it('shows the figures the API gives for each period, site and department chosen', async () => {
    const api = await run.api('admin');
    const { page } = tab;
    const showsSummaryOf = async (query: Query) => {
      const summary = await api.get<SummaryReport>('/api/v1/reports/summary', query);
      expect(summary.totals.calls, JSON.stringify(query)).toBeGreaterThan(0);
      await expectKpisOf(page, summary);
      return summary;
    };

    await page.getByRole('combobox', { name: 'Period', exact: true }).selectOption({ label: 'Last month' });
    await tab.settled();
    expect(new URL(page.url()).searchParams.get('period')).toBe('last-month');
    const month = await showsSummaryOf(period);

    const options = await api.get<FilterOptions>('/api/v1/reports/filters');
    const sales = options.departments.find((department) => department.code === 'SALES-IT');
    const london = options.sites.find((site) => site.code === 'LON');
    expect(sales && london).toBeTruthy();

    await page.getByRole('combobox', { name: 'Department', exact: true }).selectOption(String(sales?.id));
    await tab.settled();
    const department = await showsSummaryOf({ ...period, department: sales?.id });
    expect(department.totals.calls).toBeLessThan(month.totals.calls);

    await page.getByRole('combobox', { name: 'Department', exact: true }).selectOption('');
    await tab.settled();
    await showsSummaryOf(period);
    await page.getByRole('combobox', { name: 'Site', exact: true }).selectOption(String(london?.id));
    await tab.settled();
    const site = await showsSummaryOf({ ...period, site: london?.id });
    expect(site.totals.calls).toBeLessThan(month.totals.calls);
    expect(site.totals.cost.map((cost) => cost.currency)).toEqual(['GBP']);
  });

  it('is accessible and photographed, light and dark', async () => {
    await tab.goto('/dashboard?period=last-month');
    await expectAccessible(tab.page, 'dashboard');
    await screenshot(tab.page, 'dashboard-light');

    const dark = await run.open({ colorScheme: 'dark' });
    await dark.goto('/dashboard?period=last-month');
    await dark.signIn('admin');
    await expectAccessible(dark.page, 'dashboard, dark theme');
    await screenshot(dark.page, 'dashboard-dark');
    await dark.close();
  });
});

describe('the dashboard as an employee', () => {
  it('offers no site or department filter and shows only their own figures', async () => {
    const api = await run.api('employee');
    const tab = await run.openSignedIn('employee', '/dashboard?period=last-month');
    await tab.page.getByRole('combobox', { name: 'Period', exact: true }).waitFor();
    expect(await tab.page.getByRole('combobox', { name: 'Site', exact: true }).count()).toBe(0);
    expect(await tab.page.getByRole('combobox', { name: 'Department', exact: true }).count()).toBe(0);
    const own = await api.get<SummaryReport>('/api/v1/reports/summary', period);
    expect(own.totals.calls).toBeGreaterThan(0);
    await expectKpisOf(tab.page, own);
    await tab.close();
  });
});

describe('the dashboard as a supervisor', () => {
  it('offers only their departments, and each shows what the API gives', async () => {
    const api = await run.api('supervisor');
    const me = await api.get<Me>('/api/v1/me');
    const options = await api.get<FilterOptions>('/api/v1/reports/filters');
    const everyDepartment = await (await run.api('admin')).get<FilterOptions>('/api/v1/reports/filters');
    expect(options.departments.map((department) => department.id).sort()).toEqual(
      [...me.departmentIds].sort(),
    );
    expect(options.departments.length).toBeLessThan(everyDepartment.departments.length);

    const tab = await run.openSignedIn('supervisor', '/dashboard?period=last-month');
    expect((await departmentChoices(tab)).sort()).toEqual(options.departments.map((d) => d.name).sort());

    const first = options.departments[0];
    await tab.page.getByRole('combobox', { name: 'Department', exact: true }).selectOption(String(first?.id));
    await tab.settled();
    const summary = await api.get<SummaryReport>('/api/v1/reports/summary', {
      ...period,
      department: first?.id,
    });
    await expectKpisOf(tab.page, summary);
    await tab.close();
  });
});
