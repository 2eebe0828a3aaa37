import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilterOptions, PipelineStatus, SummaryReport } from '../src/api/api-types';
import { pipelineHealth } from '../src/pages/status/pipeline-health';
import { expectAccessible } from './accessibility';
import { expectKpisOf, lastMonth } from './report-figures';
import { screenshot } from './screenshots';
import { e2eRunForFile, type TabPage } from './tab-session';

const run = e2eRunForFile();

describe('status', () => {
  let tab: TabPage;
  beforeAll(async () => {
    tab = await run.openSignedIn('admin', '/status');
  });
  afterAll(async () => {
    await tab.close();
  });

  it('the status page says how the pipeline is, as its rules read the API’s status', async () => {
    const overall = tab.page.getByTestId('status-overall');
    await overall.waitFor();
    const status = (await (await run.api('admin')).get<PipelineStatus>('/api/v1/status')) as PipelineStatus;
    const expected = pipelineHealth(status, new Date()).state;
    expect(await overall.getAttribute('data-state')).toBe(expected);
    const words = { green: 'Working', amber: 'Needs a look', red: 'Not working' }[expected];
    expect(await overall.textContent()).toContain(words);
    await expectAccessible(tab.page, 'status');
    await screenshot(tab.page, 'status');
  });
});

describe('the channel tab', () => {
  it('its configuration page lets an admin choose the company or a department', async () => {
    const departments = (await (await run.api('admin')).get<FilterOptions>('/api/v1/reports/filters'))
      .departments;
    const tab = await run.openSignedIn('admin', '/config');
    const { page } = tab;
    await page.getByRole('heading', { name: 'Set up Ledgerline for this channel' }).waitFor();
    const company = page.getByRole('radio', { name: 'The whole company' });
    expect(await company.isChecked()).toBe(true);
    expect(await company.isEnabled()).toBe(true);
    await expectAccessible(page, 'channel tab configuration');
    await screenshot(page, 'channel-config');

    await page.getByRole('radio', { name: 'A department' }).check();
    const choice = page.getByRole('combobox', { name: 'Department' });
    await choice.click();
    const offered = await page.getByRole('option').allTextContents();
    expect(offered.sort()).toEqual(departments.map((department) => department.name).sort());
    await page.getByRole('option', { name: 'Sales UK' }).click();
    expect(await choice.textContent()).toContain('Sales UK');
    await expectAccessible(page, 'channel tab configuration, a department chosen');
    await tab.close();
  });

  it('its content shows the department’s dashboard, without the navigation', async () => {
    const api = await run.api('admin');
    const departments = (await api.get<FilterOptions>('/api/v1/reports/filters')).departments;
    const salesUk = departments.find((department) => department.code === 'SALES-UK');
    const tab = await run.openSignedIn('admin', `/channel?department=${salesUk?.id}&period=last-month`);
    const summary = await api.get<SummaryReport>('/api/v1/reports/summary', {
      ...lastMonth(),
      department: salesUk?.id,
    });
    await expectKpisOf(tab.page, summary);
    expect(await tab.page.getByRole('navigation', { name: 'Ledgerline pages' }).count()).toBe(0);
    expect(await tab.page.getByRole('combobox', { name: 'Department', exact: true }).count()).toBe(0);
    await expectAccessible(tab.page, 'channel tab content');
    await screenshot(tab.page, 'channel-department');
    await tab.close();
  });
});
