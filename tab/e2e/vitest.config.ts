import { defineConfig } from 'vitest/config';

/**
 * The tab's browser tests: one demo server and one Chromium for the whole run (global setup),
 * the files one after another, since they share both.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tab/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['tab/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});
