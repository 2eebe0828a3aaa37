import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmJson, AlarmList, AlarmRule, ReportSchedule } from '../src/api/api-types';
import { expectAccessible } from './accessibility';
import { screenshot } from './screenshots';
import { e2eRunForFile, type TabPage } from './tab-session';

const run = e2eRunForFile();

/** The ids of the alarms the page's table shows, top to bottom. */
async function shownAlarmIds(tab: TabPage): Promise<number[]> {
  const rows = tab.page.getByRole('table', { name: 'Alarms' }).locator('tr[data-alarm-id]');
  return (await rows.evaluateAll((each) => each.map((row) => row.getAttribute('data-alarm-id')))).map(Number);
}

describe('alarms, as a supervisor', () => {
  let tab: TabPage;
  beforeAll(async () => {
    tab = await run.openSignedIn('supervisor', '/alarms?status=all');
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('the page lists the alarms the API gives that person, newest first, in the same order', async () => {
    const api = await run.api('supervisor');
    const { alarms } = await api.get<AlarmList>('/api/v1/alarms', { status: 'all', limit: 500 });
    // The demo's rules fire on its anomalies: a supervisor has alarms of their departments.
    expect(alarms.length).toBeGreaterThan(0);
    const raised = alarms.map((alarm) => Date.parse(alarm.raisedAt));
    expect(raised).toEqual([...raised].sort((a, b) => b - a));
    await tab.page.getByRole('table', { name: 'Alarms' }).waitFor();
    expect(await shownAlarmIds(tab)).toEqual(alarms.map((alarm) => alarm.id));
    await expectAccessible(tab.page, 'alarms, all');
  });

  it('acknowledging an open alarm changes its status, on the page and in the API', async () => {
    const api = await run.api('supervisor');
    // The filter lives in the URL: the radio shows the new choice once the page has navigated.
    await tab.page.getByRole('radio', { name: 'Open' }).click();
    await tab.page.waitForURL((url) => !url.searchParams.has('status'));
    await tab.settled();
    expect(new URL(tab.page.url()).search).toBe('');
    const open = (await api.get<AlarmList>('/api/v1/alarms', { status: 'open', limit: 500 })).alarms;
    expect(open.length).toBeGreaterThan(0);
    expect(await shownAlarmIds(tab)).toEqual(open.map((alarm) => alarm.id));
    await screenshot(tab.page, 'alarms');

    const first = open[0] as AlarmJson;
    await tab.page
      .getByRole('button', { name: `Acknowledge alarm ${first.rule}: ${first.subject}` })
      .first()
      .click();
    await tab.page.getByText(`Alarm ${first.rule} acknowledged.`).waitFor();
    await tab.settled();
    expect(await shownAlarmIds(tab)).not.toContain(first.id);

    const acknowledged = (await api.get<AlarmList>('/api/v1/alarms', { status: 'acknowledged', limit: 500 }))
      .alarms;
    const now = acknowledged.find((alarm) => alarm.id === first.id);
    expect(now).toMatchObject({ id: first.id, status: 'acknowledged' });
    expect(now?.acknowledgedAt).not.toBeNull();

    await tab.page.getByRole('radio', { name: 'Acknowledged' }).click();
    await tab.page.waitForURL((url) => url.searchParams.get('status') === 'acknowledged');
    await tab.settled();
    expect(new URL(tab.page.url()).searchParams.get('status')).toBe('acknowledged');
    const row = tab.page.locator(`tr[data-alarm-id="${first.id}"]`);
    expect(await row.textContent()).toContain('Acknowledged');
    expect(await row.getByRole('button').count()).toBe(0);
  });
});

describe('alarm rules and scheduled reports, as an admin', () => {
  let tab: TabPage;
  beforeAll(async () => {
    tab = await run.openSignedIn('admin', '/admin/alarm-rules');
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('Alarm rules lists the rules the API has', async () => {
    const rules = await (await run.api('admin')).get<AlarmRule[]>('/api/v1/admin/alarm-rules');
    expect(rules.length).toBeGreaterThan(0);
    const table = tab.page.getByRole('table', { name: 'Alarm rules' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(rules.length + 1);
    for (const rule of rules)
      expect(await table.getByRole('switch', { name: `Rule ${rule.name} enabled` }).isChecked()).toBe(
        rule.enabled,
      );
    await tab.page.getByRole('button', { name: `Edit alarm rule ${rules[0]?.name}` }).click();
    const dialog = tab.page.getByRole('dialog');
    expect(await dialog.getByLabel('Name', { exact: false }).first().inputValue()).toBe(rules[0]?.name);
    await expectAccessible(tab.page, 'administration: an alarm rule');
    await screenshot(tab.page, 'admin-alarm-rule-edit');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('Scheduled reports lists the schedules the API has, with their next run', async () => {
    const schedules = await (await run.api('admin')).get<ReportSchedule[]>('/api/v1/admin/report-schedules');
    expect(schedules.length).toBeGreaterThan(0);
    await tab.goto('/admin/report-schedules');
    const table = tab.page.getByRole('table', { name: 'Scheduled reports' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(schedules.length + 1);
    for (const schedule of schedules)
      expect(await table.getByRole('button', { name: `Send now: ${schedule.name}` }).isEnabled()).toBe(true);
    await expectAccessible(tab.page, 'administration: scheduled reports');
  });
});
