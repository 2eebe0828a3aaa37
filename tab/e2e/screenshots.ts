import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where the run writes the screenshots the README shows. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/**
 * Saves the top of the page, at the viewport's size (1366x768), as `docs/screenshots/<name>.png`.
 * Animations are finished and the caret hidden, so a run gives the same picture as the last.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: `${SCREENSHOT_DIR}${name}.png`,
    animations: 'disabled',
    caret: 'hide',
  });
}
