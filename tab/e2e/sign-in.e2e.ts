import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './accessibility';
import type { Role } from './demo-api';
import { screenshot } from './screenshots';
import { ROLE_LABEL, e2eRunForFile } from './tab-session';

const run = e2eRunForFile();

/** The pages each role finds in the navigation. */
const NAVIGATION: Record<Role, string[]> = {
  employee: ['Dashboard', 'Calls', 'Alarms', 'Status'],
  supervisor: ['Dashboard', 'Calls', 'Alarms', 'Status'],
  admin: ['Dashboard', 'Calls', 'Alarms', 'Status', 'Administration'],
};

describe('the demo sign-in page', () => {
  it('offers the three personas, is accessible and is photographed', async () => {
    const tab = await run.open();
    await tab.goto('/');
    for (const role of ['Employee', 'Supervisor', 'Administrator'])
      await tab.page.getByRole('button', { name: `Sign in as ${role}` }).waitFor();
    await expectAccessible(tab.page, 'demo sign-in');
    await screenshot(tab.page, 'sign-in');
    await tab.close();
  });
});

describe.each(['employee', 'supervisor', 'admin'] as const)('signed in as %s', (role) => {
  it('the header names the persona and the navigation shows only the pages of the role', async () => {
    const me = await (await run.api(role)).get<{ displayName: string; role: Role }>('/api/v1/me');
    expect(me.role).toBe(role);
    const tab = await run.openSignedIn(role, '/dashboard');
    await expect(tab.page.getByTestId('signed-in-as').textContent()).resolves.toBe(
      `${me.displayName} · ${ROLE_LABEL[role]}`,
    );
    const navigation = tab.page.getByRole('navigation', { name: 'Ledgerline pages' });
    expect(await tabNames(navigation)).toEqual(NAVIGATION[role]);
    expect(new URL(tab.page.url()).pathname).toBe('/dashboard');
    await tab.close();
  });
});

describe.each(['employee', 'supervisor'] as const)('administration refused to a %s', (role) => {
  it('typing /admin sends the page away, and the API answers 403 to admin routes', async () => {
    const tab = await run.openSignedIn(role, '/admin/tariff-plans');
    expect(new URL(tab.page.url()).pathname).toBe('/dashboard');
    await tab.close();

    const api = await run.api(role);
    for (const path of ['/api/v1/admin/sites', '/api/v1/admin/tariff-plans', '/api/v1/admin/users'])
      expect((await api.request('GET', path)).status, path).toBe(403);
    expect(
      (await api.request('POST', '/api/v1/admin/rerate', { from: '2026-01-01', to: '2026-01-01' })).status,
    ).toBe(403);
  });
});

describe('administration open to an admin', () => {
  it('typing /admin opens the administration, and the API answers admin routes', async () => {
    const tab = await run.openSignedIn('admin', '/admin');
    expect(new URL(tab.page.url()).pathname).toMatch(/^\/admin/);
    await tab.close();
    expect((await (await run.api('admin')).request('GET', '/api/v1/admin/sites')).status).toBe(200);
  });
});

/** The accessible names of the tabs, in order (a Fluent tab also holds a hidden copy of its text). */
function tabNames(navigation: Locator): Promise<string[]> {
  return navigation
    .getByRole('tab')
    .evaluateAll((tabs) =>
      tabs.map((tab) =>
        (
          tab.getAttribute('aria-label') ??
          tab.querySelector('span:not([aria-hidden])')?.textContent ??
          ''
        ).trim(),
      ),
    );
}
