import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium (`npx playwright install` has no browser download here); overridable for other machines. */
export const CHROMIUM_PATH = process.env.LEDGERLINE_E2E_CHROMIUM ?? '/usr/bin/chromium';

/** Headless, no sandbox (CI runs as root), nothing fetched from outside while tests run. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];

/** The screen every page is tested and photographed at. */
export const VIEWPORT = { width: 1366, height: 768 };

/** Connects to the browser the run's global setup started. */
export function connectBrowser(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}

/**
 * A fresh browser profile (its own session storage, so its own signed-in person), in English,
 * at the screenshot size. The page's own Content-Security-Policy stays in force. Motion is
 * reduced, as a person may ask of their system: Fluent then opens dialogs without a fade, so
 * the accessibility checks and screenshots never see one half-drawn.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'en-US',
    acceptDownloads: true,
    reducedMotion: 'reduce',
    ...options,
  });
  // Two shared cores under a build can make a page take its time; a wait still ends in a minute.
  context.setDefaultTimeout(60_000);
  return context;
}
