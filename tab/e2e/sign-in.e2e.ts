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

/** Routes only administrators may call. */
const ADMIN_ROUTES = ['/api/v1/admin/sites', '/api/v1/admin/tariff-plans', '/api/v1/admin/users'];

describe.each(['employee', 'supervisor', 'admin'] as const)('signed in as %s', (role) => {
  it('the header names the persona, the navigation shows only the pages of the role, /admin only for admins', async () => {
    const api = await run.api(role);
    const me = await api.get<{ displayName: string; role: Role }>('/api/v1/me');
    expect(me.role).toBe(role);
    const tab = await run.openSignedIn(role, '/dashboard');
    await expect(tab.page.getByTestId('signed-in-as').textContent()).resolves.toBe(
      `${me.displayName} · ${ROLE_LABEL[role]}`,
    );
    const navigation = tab.page.getByRole('navigation', { name: 'Ledgerline pages' });
    expect(await tabNames(navigation)).toEqual(NAVIGATION[role]);

    // Typing an administration address: others are sent to the dashboard, and the API refuses them.
    await tab.goto('/admin/tariff-plans');
    const admin = role === 'admin';
    expect(new URL(tab.page.url()).pathname).toBe(admin ? '/admin/tariff-plans' : '/dashboard');
    await tab.close();
    for (const path of ADMIN_ROUTES)
      expect((await api.request('GET', path)).status, path).toBe(admin ? 200 : 403);
    if (!admin)
      expect(
        (await api.request('POST', '/api/v1/admin/rerate', { from: '2026-01-01', to: '2026-01-01' })).status,
      ).toBe(403);
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
