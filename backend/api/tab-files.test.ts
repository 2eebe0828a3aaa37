import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { createHttpServer, listen } from './http-server.js';

describe('the tab’s files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-tab-files-'));
  const built = join(dir, 'tab');
  let database: Database;
  const servers: Server[] = [];

  const serve = async (tabDir: string) => {
    const server = createHttpServer({ database, spoolDir: join(dir, 'spool'), version: '1.0.0', tabDir });
    servers.push(server);
    return `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  };

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    mkdirSync(join(built, 'assets'), { recursive: true });
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>Ledgerline</title><div id="root"></div>');
    writeFileSync(join(built, 'assets', 'index-abc123.js'), 'console.log("tab")');
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  });
  afterAll(async () => {
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and at every page path the tab routes itself, never cached', async () => {
    const base = await serve(built);
    for (const path of ['/', '/dashboard', '/calls?period=last-month', '/admin/tariff-plans/3']) {
      const response = await fetch(`${base}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with their type, cached for a year', async () => {
    const base = await serve(built);
    const response = await fetch(`${base}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe('console.log("tab")');
  });

  it('answers a missing file with 404, not the page, and never leaves the tab’s folder', async () => {
    const base = await serve(built);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text()).not.toContain('not for the web');
    }
  });

  it('leaves the API’s paths to the API: an unknown one is a JSON 404', async () => {
    const base = await serve(built);
    const response = await fetch(`${base}/api/v1/no-such-route`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not-found');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/health`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${base}/somewhere-else`)).status).toBe(404);
  });

  it('keeps serving when a browser goes away in the middle of a file', async () => {
    writeFileSync(join(built, 'assets', 'large-abc123.js'), 'x'.repeat(8 * 1024 * 1024));
    const base = await serve(built);
    for (let i = 0; i < 3; i += 1) {
      const controller = new AbortController();
      const response = await fetch(`${base}/assets/large-abc123.js`, { signal: controller.signal });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      controller.abort();
      await reader.read().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await fetch(`${base}/dashboard`)).status).toBe(200);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('says how to build the tab when it is not built', async () => {
    const base = await serve(join(dir, 'not-built'));
    const response = await fetch(`${base}/dashboard`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
