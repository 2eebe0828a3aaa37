import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';
import { startDemo, type DemoServer } from './demo-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the demo serves the tab and the API. */
    baseUrl: string;
    /** The shared browser's WebSocket endpoint, for `chromium.connect`. */
    browserEndpoint: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Once per run: checks that the product is built, starts one browser and one demo (history
 * enough for last month, no live calls while the tests read figures) and hands both to the
 * test files. `LEDGERLINE_E2E_URL` points the tests at a demo already running instead.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.LEDGERLINE_E2E_URL;
  if (!given) requireBuild();
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`e2e: no Chromium at ${CHROMIUM_PATH}; install Debian's chromium package`);
  const browser = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  let demo: DemoServer | null = null;
  try {
    if (!given) demo = await startDemo({ root: ROOT, days: 65, intervalSec: 3600, startTimeoutMs: 180_000 });
    project.provide('baseUrl', given ?? (demo as DemoServer).url);
    project.provide('browserEndpoint', browser.wsEndpoint());
  } catch (error) {
    await browser.close();
    throw error;
  }
  return async () => {
    await browser.close();
    await demo?.stop();
  };
}

/** The e2e run tests what `npm run build` made; it builds nothing itself. */
function requireBuild(): void {
  const missing = [join('dist', 'backend', 'cli', 'main.js'), join('dist', 'tab', 'index.html')].filter(
    (file) => !existsSync(join(ROOT, file)),
  );
  if (missing.length > 0)
    throw new Error(
      `e2e: ${missing.join(' and ')} missing: run \`npm run build\` before \`npm run test:e2e\``,
    );
}
