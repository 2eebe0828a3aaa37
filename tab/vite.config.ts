import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The tab: built into dist/tab, which `ledgerline serve` serves beside the API. */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev:tab`: the API of a running `ledgerline demo` on 3978 behind Vite's dev server.
    proxy: { '/api': 'http://127.0.0.1:3978', '/health': 'http://127.0.0.1:3978' },
  },
});
