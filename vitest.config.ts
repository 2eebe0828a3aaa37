import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'backend',
          include: ['backend/**/*.test.ts', 'bot/**/*.test.ts', 'bench/**/*.test.ts', 'infra/**/*.test.ts'],
          exclude: ['node_modules/**', 'dist/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'tab',
          include: ['tab/src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tab/src/test/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
