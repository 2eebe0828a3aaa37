import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { connectBrowser, newContext } from './browser';
import { SIGN_IN_BUTTON, demoApi, type DemoApi, type Role } from './demo-api';

/** What every test file shares: the demo's address and the run's browser. */
export interface E2eRun {
  baseUrl: string;
  browser: Browser;
  /** The API as a persona, signed in once per file and role. */
  api(role: Role): Promise<DemoApi>;
  /** A new browser profile on the tab; `close()` it (or the run's browser closes it). */
  open(options?: BrowserContextOptions): Promise<TabPage>;
  /** A new browser profile on a path of the tab, the role's persona picked on the sign-in page. */
  openSignedIn(role: Role, path: string, options?: BrowserContextOptions): Promise<TabPage>;
}

/** One browser profile with one page on the tab. */
export interface TabPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors the page threw: a test fails on any. */
  pageErrors: string[];
  /** Waits until no request is in flight for a moment and no spinner is left. */
  settled(): Promise<void>;
  /** Opens a path of the tab (`/calls?period=last-month`) and waits for it to settle. */
  goto(path: string): Promise<void>;
  /** Picks the role's persona on the demo's sign-in page and waits for the page it opens. */
  signIn(role: Role): Promise<void>;
  /** Closes the profile, then fails the test if the page threw any uncaught error meanwhile. */
  close(): Promise<void>;
}

/** Connects a test file to the run's demo and browser. */
export async function e2eRun(): Promise<E2eRun> {
  const baseUrl = inject('baseUrl');
  const browser = await connectBrowser(inject('browserEndpoint'));
  const apis = new Map<Role, Promise<DemoApi>>();
  const open = (options?: BrowserContextOptions) => openTab(browser, baseUrl, options);
  return {
    baseUrl,
    browser,
    api(role) {
      if (!apis.has(role)) apis.set(role, demoApi(baseUrl, role));
      return apis.get(role) as Promise<DemoApi>;
    },
    open,
    async openSignedIn(role, path, options) {
      const tab = await open(options);
      await tab.goto(path);
      await tab.signIn(role);
      return tab;
    },
  };
}

/**
 * The run's demo and browser for the test file that calls it at its top: connected before the
 * file's first test, let go after its last.
 */
export function e2eRunForFile(): E2eRun {
  let connected: E2eRun | null = null;
  beforeAll(async () => {
    connected = await e2eRun();
  });
  afterAll(async () => {
    await connected?.browser.close();
  });
  const run = () => {
    if (!connected) throw new Error('the e2e run is connected before the first test');
    return connected;
  };
  return {
    get baseUrl() {
      return run().baseUrl;
    },
    get browser() {
      return run().browser;
    },
    api: (role) => run().api(role),
    open: (options) => run().open(options),
    openSignedIn: (role, path, options) => run().openSignedIn(role, path, options),
  };
}

/** The words the header shows for each role ("Elisa Rizzi · Employee"). */
export const ROLE_LABEL: Record<Role, string> = {
  employee: 'Employee',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};

async function openTab(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}) {
  const context = await newContext(browser, { baseURL: baseUrl, ...options });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const network = inFlight(page);
  const settled = () => settle(page, network);
  const tab: TabPage = {
    context,
    page,
    pageErrors,
    settled,
    async goto(path) {
      await page.goto(path);
      await settled();
    },
    async signIn(role) {
      const button = page.getByRole('button', { name: SIGN_IN_BUTTON[role] });
      await button.click();
      await button.waitFor({ state: 'detached' });
      await settled();
      // The pages with the navigation say who is signed in (a channel tab's pages have no header).
      const header = page.getByTestId('signed-in-as');
      if ((await header.count()) > 0) expect(await header.textContent()).toContain(ROLE_LABEL[role]);
    },
    async close() {
      await context.close();
      expect(pageErrors, 'uncaught errors of the page').toEqual([]);
    },
  };
  return tab;
}

/** Counts the page's requests still waiting for an answer. */
function inFlight(page: Page): { count(): number } {
  let pending = 0;
  page.on('request', () => pending++);
  page.on('requestfinished', () => pending--);
  page.on('requestfailed', () => pending--);
  return { count: () => pending };
}

/**
 * Waits until the page has stopped loading: no request in flight for 300 ms and no spinner left
 * (Fluent's `Spinner`, which every loading state of the tab uses).
 */
async function settle(page: Page, network: { count(): number }): Promise<void> {
  const deadline = Date.now() + 30_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const busy = network.count() > 0 || (await page.locator('.fui-Spinner').count()) > 0;
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= 300) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`the page at ${page.url()} kept loading for 30 s`);
}
