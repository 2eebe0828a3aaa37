import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['backend/**/*.test.ts', 'bot/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'tab/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
