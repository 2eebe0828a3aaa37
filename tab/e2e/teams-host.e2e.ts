import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import type { Role } from './demo-api';
import { e2eRun, type E2eRun } from './tab-session';
import { TAB_ORIGIN, openInTeamsHost, type TeamsHost, type TeamsHostOptions } from './teams-host-stand-in';

interface Me {
  displayName: string | null;
  upn: string | null;
}

/** The FluentProvider's background in each Teams theme (colorNeutralBackground1). */
const BACKGROUND = {
  default: 'rgb(255, 255, 255)',
  dark: 'rgb(41, 41, 41)',
  contrast: 'rgb(0, 0, 0)',
};

describe('the tab inside a Microsoft Teams host', () => {
  let run: E2eRun;
  const hosts: TeamsHost[] = [];

  beforeAll(async () => {
    run = await e2eRun();
  });
  afterEach(async () => {
    for (const host of hosts.splice(0)) {
      expect(host.pageErrors).toEqual([]);
      expect(await host.unknown()).toEqual([]);
      await host.close();
    }
  });
  afterAll(async () => {
    await run?.browser.close();
  });

  /** Opens the tab in the stand-in host, signed in with a real demo token of `role`. */
  async function openAs(role: Role, options: Omit<TeamsHostOptions, 'signIn'>) {
    const api = await run.api(role);
    const me = await api.get<Me>('/api/v1/me');
    const host = await open({
      userPrincipalName: me.upn ?? undefined,
      ...options,
      signIn: { token: api.token },
    });
    return { host, me, token: api.token };
  }

  /** Opens the tab in the stand-in host; closed after the test, which fails on any page error. */
  async function open(options: TeamsHostOptions) {
    const host = await openInTeamsHost(run.browser, run.baseUrl, options);
    hosts.push(host);
    return host;
  }

  it('initializes, reads the context and signs in with the token the host gives', async () => {
    const { host, me, token } = await openAs('supervisor', { path: '/dashboard' });
    const header = host.tab.getByTestId('signed-in-as');
    await header.filter({ hasText: 'Supervisor' }).waitFor();
    expect(await header.textContent()).toBe(`${me.displayName ?? me.upn} · Supervisor`);
    // Signed in by the host: no persona picker, no demo badge, no sign-out.
    expect(await host.tab.getByRole('button', { name: /^Sign in as/ }).count()).toBe(0);
    expect(await host.tab.getByText('Demo', { exact: true }).count()).toBe(0);
    expect(await host.tab.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

    const messages = (await host.received()).map((message) => message.func);
    expect(messages.slice(0, 2)).toEqual(['initialize', 'getContext']);
    expect(messages).toContain('authentication.getAuthToken');
    await host.waitForMessage('appInitialization.success');

    // Every API call went out with the host's token; none to the demo's sign-in.
    const calls = apiCalls(host);
    expect(calls.map((call) => call.path)).toContain('/api/v1/me');
    expect(calls.filter((call) => call.path.startsWith('/api/v1/demo/'))).toEqual([]);
    for (const call of calls) expect(call.authorization).toBe(`Bearer ${token}`);
  });

  it('speaks the language of the host’s locale', async () => {
    const { host } = await openAs('supervisor', { path: '/dashboard', locale: 'it-IT' });
    const nav = host.tab.getByRole('navigation');
    await nav.getByRole('tab', { name: 'Riepilogo' }).waitFor();
    expect(await nav.getByRole('tab', { name: 'Chiamate' }).count()).toBe(1);
    expect(await host.tab.evaluate(() => document.documentElement.lang)).toBe('it-IT');
    expect(await host.tab.getByTestId('signed-in-as').textContent()).toContain('Responsabile');
  });

  it('starts in the host’s theme and follows it when the user switches', async () => {
    const { host } = await openAs('supervisor', { path: '/dashboard', theme: 'dark' });
    await host.tab.getByTestId('signed-in-as').waitFor();
    await expectTheme(host.tab, 'dark');
    await host.waitForMessage('registerHandler', (args) => args[0] === 'themeChange');
    await host.pushTheme('contrast');
    await expectTheme(host.tab, 'contrast');
    await host.pushTheme('default');
    await expectTheme(host.tab, 'default');
  });

  it.each(['resourceRequiresConsent', 'invalid_grant'])(
    'says the organization has to consent when the host cannot get a token (%s)',
    async (error) => {
      const host = await open({ path: '/dashboard', signIn: { error } });
      const alert = host.tab.getByRole('alert');
      await alert.getByRole('heading', { name: 'Ledgerline needs your permission' }).waitFor();
      expect(await host.tab.getByTestId('signed-in-as').count()).toBe(0);
      expect(apiCalls(host)).toEqual([]);
      // Trying again asks the host again (an administrator may have consented meanwhile).
      const asked = await tokenRequests(host);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => tokenRequests(host)).toBe(asked + 1);
      await alert.getByRole('heading', { name: 'Ledgerline needs your permission' }).waitFor();
    },
  );

  it('configures a channel tab: valid at once for an admin, saved with the chosen view', async () => {
    const { host } = await openAs('admin', { path: '/config', frameContext: 'settings' });
    await host.waitForMessage('settings.setValidityState', (args) => args[0] === true);
    await host.waitForMessage('registerHandler', (args) => args[0] === 'save');
    await host.save();
    await host.waitForMessage('settings.save.success');
    const saved = await settingsSaved(host);
    expect(saved.at(-1)).toMatchObject({
      entityId: 'ledgerline-company',
      contentUrl: `${TAB_ORIGIN}/channel?view=company`,
      websiteUrl: `${TAB_ORIGIN}/channel?view=company`,
    });

    // A department instead: the saved page shows that department.
    await host.tab.getByRole('radio', { name: 'A department' }).check();
    const department = host.tab.getByRole('combobox', { name: 'Department' });
    await department.click();
    const option = host.tab.getByRole('option').nth(1);
    const name = (await option.textContent()) ?? '';
    await option.click();
    await host.tab.waitForFunction(
      (expected) => document.querySelector('[role="combobox"]')?.textContent?.includes(expected),
      name,
    );
    const before = saved.length;
    await host.save();
    await expect.poll(async () => (await settingsSaved(host)).length, { timeout: 10_000 }).toBe(before + 1);
    const config = (await settingsSaved(host)).at(-1);
    expect(config?.contentUrl).toMatch(new RegExp(`^${TAB_ORIGIN}/channel\\?department=\\d+$`));
    expect(config?.suggestedDisplayName).toContain(name);
  });

  it('configures a channel tab as a supervisor: valid once a department is chosen, then shown', async () => {
    const { host } = await openAs('supervisor', { path: '/config', frameContext: 'settings' });
    await host.waitForMessage('settings.setValidityState', (args) => args[0] === false);
    expect((await host.received()).some((m) => m.func === 'settings.setValidityState' && m.args[0])).toBe(
      false,
    );
    expect(await host.tab.getByRole('radio', { name: 'The whole company' }).isDisabled()).toBe(true);
    await host.tab.getByRole('radio', { name: 'A department' }).check();
    await host.waitForMessage('settings.setValidityState', (args) => args[0] === true);
    await host.waitForMessage('registerHandler', (args) => args[0] === 'save');
    await host.save();
    await host.waitForMessage('settings.save.success');
    const config = (await settingsSaved(host)).at(-1);
    expect(config?.contentUrl).toMatch(new RegExp(`^${TAB_ORIGIN}/channel\\?department=\\d+$`));
    const department = await host.tab.getByRole('combobox', { name: 'Department' }).textContent();

    // The channel tab as Teams then shows it: that department's dashboard, no navigation.
    const contentUrl = new URL(String(config?.contentUrl));
    const channel = await openAs('supervisor', { path: contentUrl.pathname + contentUrl.search });
    await channel.host.tab.getByText(`Department: ${department}`).waitFor();
    expect(await channel.host.tab.getByRole('heading', { name: 'Dashboard', level: 1 }).count()).toBe(1);
    expect(await channel.host.tab.getByRole('navigation').count()).toBe(0);
  });

  it('is not framed by a page outside Microsoft 365', async () => {
    const host = await open({
      hostOrigin: 'https://intranet.example.com',
      path: '/dashboard',
      signIn: { token: 'never-asked' },
    });
    // The server answered with the page, but its frame-ancestors made the browser refuse it:
    // no tab, no teams-js, no API call.
    expect(host.requests.map((request) => request.path)).toEqual(['/dashboard']);
    expect(host.tab.url()).toMatch(/^chrome-error:/);
    expect(await host.received()).toEqual([]);
  });

  it('does not trust a framing page teams-js does not know as a host, and works as in a browser', async () => {
    // SharePoint may frame the tab (frame-ancestors), but it is not a teams-js host origin.
    const host = await open({
      hostOrigin: 'https://contoso.sharepoint.com',
      path: '/dashboard',
      signIn: { token: 'never-asked' },
    });
    // The demo's persona picker, once the tab has stopped waiting for a host.
    await host.tab.getByRole('button', { name: 'Sign in as Supervisor' }).waitFor();
    expect((await host.received()).map((message) => message.func)).toEqual(['initialize']);
  });
});

/** The tab's calls to the API. */
function apiCalls(host: TeamsHost) {
  return host.requests.filter((request) => request.path.startsWith('/api/'));
}

/** How many times the tab asked the host for a token. */
async function tokenRequests(host: TeamsHost) {
  return (await host.received()).filter((message) => message.func === 'authentication.getAuthToken').length;
}

/** The tab's theme on its root element and the FluentProvider's background in that theme. */
async function expectTheme(tab: Frame, theme: keyof typeof BACKGROUND) {
  await tab.waitForFunction((name) => document.documentElement.dataset.theme === name, theme);
  const background = await tab
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).toBe(BACKGROUND[theme]);
}

/** The configurations the tab saved with `settings.setSettings`, in order. */
async function settingsSaved(host: TeamsHost) {
  return (await host.received())
    .filter((message) => message.func === 'settings.setSettings')
    .map((message) => message.args[0] as Record<string, string>);
}
