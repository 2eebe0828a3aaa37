import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownReport } from '../src/api/api-types';
import type { TariffPlan } from '../src/pages/admin/admin-types';
import { expectAccessible } from './accessibility';
import { localDay } from './report-figures';
import { screenshot } from './screenshots';
import { e2eRunForFile, type TabPage } from './tab-session';

const run = e2eRunForFile();
let tab: TabPage;
beforeAll(async () => {
  tab = await run.openSignedIn('admin', '/admin');
});
afterAll(async () => {
  await tab?.close();
});

/** Administration's sub-navigation: each section's name and path. */
const SECTIONS = [
  ['Sites', 'sites'],
  ['Departments', 'departments'],
  ['Carriers', 'carriers'],
  ['Tariff plans', 'tariff-plans'],
  ['Routing rules', 'routing-rules'],
  ['Users', 'users'],
  ['Alarm rules', 'alarm-rules'],
  ['Scheduled reports', 'report-schedules'],
  ['Re-rate', 'rerate'],
  ['Audit log', 'audit'],
] as const;

/** Opens a section through the sub-navigation, as an admin would. */
async function openSection(name: string): Promise<void> {
  await tab.page
    .getByRole('navigation', { name: 'Administration sections' })
    .getByRole('tab', { name })
    .click();
  await tab.settled();
}

describe('administration', () => {
  // First, so that the audit log photographed after it shows the change and the re-rating.
  it('an admin edits a rate and re-rates: the API has the new rate and the calls its price', async () => {
    const api = await run.api('admin');
    const plans = await api.get<{ id: number; name: string }[]>('/api/v1/admin/tariff-plans');
    const aurora = plans.find((plan) => plan.name.startsWith('Aurora'));
    const before = await api.get<TariffPlan>(`/api/v1/admin/tariff-plans/${aurora?.id}`);
    const mobile = before.rates.find((rate) => rate.label === 'Italia - rete mobile');
    expect(mobile).toBeDefined();
    const fee = (mobile?.connectFee ?? 0) + 100_000; // ten cents more on every answered call
    const days = { from: localDay(new Date(), -7), to: localDay(new Date(), -1) };
    const mobileCalls = () =>
      api
        .get<BreakdownReport>('/api/v1/reports/breakdown', { ...days, dimension: 'destination', limit: 100 })
        .then((report) => report.rows.find((row) => row.label === 'Italia - rete mobile'));
    const costBefore = await mobileCalls();
    expect(costBefore?.answered).toBeGreaterThan(0);

    // Administration → Tariff plans → the plan → Edit rate → Save.
    await openSection('Tariff plans');
    await tab.page.getByRole('button', { name: `Open plan ${before.name}` }).click();
    await tab.settled();
    await tab.page.getByRole('table', { name: 'Rates' }).waitFor();
    await expectAccessible(tab.page, 'administration: a tariff plan');
    await screenshot(tab.page, 'admin-tariff-plan');
    await tab.page.getByRole('button', { name: 'Edit rate Italia - rete mobile' }).click();
    const dialog = tab.page.getByRole('dialog');
    await dialog.getByLabel('Connection fee', { exact: true }).fill(String(fee / 1_000_000));
    await expectAccessible(tab.page, 'administration: the rate dialog');
    await screenshot(tab.page, 'admin-rate-edit');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await tab.page.getByText('Rate Italia - rete mobile saved.', { exact: false }).waitFor();
    await tab.page.getByRole('button', { name: 'Re-rate those days' }).waitFor();

    const after = await api.get<TariffPlan>(`/api/v1/admin/tariff-plans/${aurora?.id}`);
    expect(after.rates.find((rate) => rate.id === mobile?.id)).toEqual({ ...mobile, connectFee: fee });

    // Re-rate: the last seven days, the plan's carrier.
    await openSection('Re-rate');
    await tab.page.getByLabel('From').fill(days.from);
    await tab.page.getByLabel('To').fill(days.to);
    await tab.page.getByLabel('Carrier').selectOption({ label: after.carrier.name });
    await tab.page.getByRole('button', { name: 'Re-rate', exact: true }).click();
    const result = tab.page.getByTestId('rerate-result');
    await result.waitFor({ timeout: 120_000 });
    await screenshot(tab.page, 'admin-rerate-result');
    const costAfter = await mobileCalls();
    expect(await result.textContent()).toContain(
      `${new Intl.NumberFormat('en-US').format(costBefore?.answered ?? 0)} changed`,
    );

    // Every answered call to Italian mobiles now costs ten cents more.
    const euros = (row: typeof costBefore) => row?.cost.find((cost) => cost.currency === 'EUR')?.micro ?? 0;
    expect(euros(costAfter) - euros(costBefore)).toBe((costBefore?.answered ?? 0) * 100_000);
  });

  it.each(SECTIONS)('%s: opened from the sub-navigation, accessible, photographed', async (name, path) => {
    await openSection(name);
    expect(new URL(tab.page.url()).pathname).toBe(`/admin/${path}`);
    await expectAccessible(tab.page, `administration: ${name}`);
    await screenshot(tab.page, `admin-${path}`);
  });
});
