import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { newContext } from './browser';

/** Where the stand-in host is served: a Microsoft 365 origin teams-js accepts as a parent. */
export const HOST_ORIGIN = 'https://teams.microsoft.com';

/** The tab's origin in the stand-in: https, so nothing is mixed content, forwarded to the demo. */
export const TAB_ORIGIN = 'https://ledgerline.test';

/** A Teams theme, as the host names it. */
export type TeamsTheme = 'default' | 'dark' | 'contrast';

/** What the stand-in host tells the tab and gives it. */
export interface TeamsHostOptions {
  /** Where the host is served; HOST_ORIGIN unless a test wants a host that is not Microsoft's. */
  hostOrigin?: string;
  /** The tab's path, e.g. `/dashboard`, or `/config` for a channel tab's configuration. */
  path: string;
  /** `content` for a tab, `settings` for a channel tab's configuration page. */
  frameContext?: 'content' | 'settings';
  locale?: string;
  theme?: TeamsTheme;
  userPrincipalName?: string;
  /** What `authentication.getAuthToken` gives: a token, or the host's failure reason. */
  signIn: { token: string } | { error: string };
}

/** A message the tab sent to the host, as teams-js posts it. */
export interface HostMessage {
  func: string;
  args: unknown[];
}

/** A request the tab's frame made to the Ledgerline server: its page, its files, the API. */
export interface TabRequest {
  method: string;
  path: string;
  authorization: string | null;
}

/** The stand-in host in a fresh browser profile, with the tab framed in it. */
export interface TeamsHost {
  context: BrowserContext;
  /** The host's page (https://teams.microsoft.com). */
  page: Page;
  /** The tab's frame (https://ledgerline.test). */
  tab: Frame;
  /** Requests the tab's frame sent to the server, in order. */
  requests: TabRequest[];
  /** Uncaught errors the host page or the tab threw. */
  pageErrors: string[];
  /** Every message the tab has sent to the host so far. */
  received(): Promise<HostMessage[]>;
  /** The requests the stand-in does not answer (none, unless the tab asks for something new). */
  unknown(): Promise<string[]>;
  /** Waits for the tab to send `func` (with arguments that `matches` accepts). */
  waitForMessage(func: string, matches?: (args: unknown[]) => boolean): Promise<HostMessage>;
  /** Switches the host's theme, as when the user changes it in Teams' settings. */
  pushTheme(theme: TeamsTheme): Promise<void>;
  /** Presses Save in the channel tab's configuration dialog. */
  save(): Promise<void>;
  close(): Promise<void>;
}

const HOST_PAGE = readFileSync(new URL('./teams-host-stand-in.html', import.meta.url), 'utf8');

/**
 * Opens the tab inside the stand-in Teams host. The browser is asked for two https origins that
 * do not exist: the host's, answered with the stand-in page, and the tab's, forwarded to the demo
 * at `baseUrl`. The CDN list of Microsoft 365 hosts is not reachable, so teams-js uses its own.
 */
export async function openInTeamsHost(
  browser: Browser,
  baseUrl: string,
  options: TeamsHostOptions,
): Promise<TeamsHost> {
  const context = await newContext(browser);
  const requests: TabRequest[] = [];
  const hostOrigin = options.hostOrigin ?? HOST_ORIGIN;
  await context.route(`${hostOrigin}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: HOST_PAGE }),
  );
  const forwarding = inFlight();
  await context.route(`${TAB_ORIGIN}/**`, async (route) => {
    const done = forwarding.start();
    const request = route.request();
    const url = new URL(request.url());
    try {
      requests.push({
        method: request.method(),
        path: url.pathname + url.search,
        authorization: (await request.headerValue('authorization')) ?? null,
      });
      const response = await route.fetch({ url: new URL(url.pathname + url.search, baseUrl).href });
      await route.fulfill({ response });
    } finally {
      done();
    }
  });
  await context.route('https://res.cdn.office.net/**', (route) => route.fulfill({ status: 404 }));

  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const hostOptions = {
    tabUrl: new URL(options.path, TAB_ORIGIN).href,
    frameContext: options.frameContext ?? 'content',
    locale: options.locale ?? 'en-US',
    theme: options.theme ?? 'default',
    userPrincipalName: options.userPrincipalName ?? null,
    token: 'token' in options.signIn ? options.signIn.token : null,
    authError: 'error' in options.signIn ? options.signIn.error : null,
  };
  await page.goto(`${hostOrigin}/_ledgerline#${encodeURIComponent(JSON.stringify(hostOptions))}`);
  const tab = await (await page.locator('iframe#tab').elementHandle())?.contentFrame();
  if (!tab) throw new Error('the stand-in host has no tab frame');

  const received = () => page.evaluate(() => (window as unknown as StandIn).teamsHost.received());
  return {
    context,
    page,
    tab,
    requests,
    pageErrors,
    received,
    unknown: () => page.evaluate(() => (window as unknown as StandIn).teamsHost.unknown()),
    async waitForMessage(func, matches = () => true) {
      // Well within a test's minute, for a slow machine.
      const deadline = Date.now() + 45_000;
      for (;;) {
        const found = (await received()).find((message) => message.func === func && matches(message.args));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`the tab did not send ${func} to the host`);
        await page.waitForTimeout(50);
      }
    },
    pushTheme: (theme) =>
      page.evaluate((name) => (window as unknown as StandIn).teamsHost.pushTheme(name), theme),
    save: () => page.evaluate(() => (window as unknown as StandIn).teamsHost.save()),
    async close() {
      // Requests the tab still has under way (a lazy page, a report) finish first: closing the
      // profile would cut the demo off in the middle of its answer.
      await forwarding.quiet(page);
      await context.close();
    },
  };
}

/** Counts the requests being forwarded to the demo, to close a profile only once none is. */
function inFlight() {
  let count = 0;
  return {
    start() {
      count++;
      return () => void count--;
    },
    async quiet(page: Page) {
      const deadline = Date.now() + 15_000;
      let quietSince = Date.now();
      while (Date.now() < deadline && Date.now() - quietSince < 300) {
        if (count > 0) quietSince = Date.now();
        await page.waitForTimeout(50);
      }
    },
  };
}

/** What the stand-in page puts on its window for the test. */
interface StandIn {
  teamsHost: {
    received(): HostMessage[];
    unknown(): string[];
    pushTheme(theme: TeamsTheme): void;
    save(): void;
  };
}
