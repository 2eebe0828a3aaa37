import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataFolder } from './data-folder-lock.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the data folder lock', () => {
  it('lets one process hold a folder and names it to the next', () => {
    const folder = join(dir, 'held');
    const lock = lockDataFolder(folder, 'a demo');
    lock.describe('a demo on http://127.0.0.1:4000');
    const ours = JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8')) as Record<string, unknown>;
    expect(ours).toMatchObject({ pid: process.pid, doing: 'a demo on http://127.0.0.1:4000' });
    // The same lock as another live process (the one that started this test) would leave it.
    writeFileSync(join(folder, LOCK_FILE), JSON.stringify({ ...ours, pid: process.ppid }));
    expect(() => lockDataFolder(folder, 'a demo')).toThrow(
      `the data folder ${folder} is in use by another Ledgerline (process ${process.ppid}, a demo on http://127.0.0.1:4000, since ${String(ours.since)}): stop it, or choose another folder with --data or LEDGERLINE_DATA_DIR`,
    );
    rmSync(join(folder, LOCK_FILE));
    const again = lockDataFolder(folder, 'a demo');
    again.release();
    expect(existsSync(join(folder, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock left by a process that is gone, or cut short', () => {
    const folder = join(dir, 'stale');
    const gone = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString();
    lockDataFolder(folder, 'first').release();
    writeFileSync(
      join(folder, LOCK_FILE),
      JSON.stringify({ pid: Number(gone), host: hostname(), doing: 'x' }),
    );
    const lock = lockDataFolder(folder, 'a demo');
    expect(JSON.parse(readFileSync(join(folder, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
    writeFileSync(join(folder, LOCK_FILE), '{"pid":');
    lockDataFolder(folder, 'a demo').release();
  });

  it('leaves alone a lock another process took after it', () => {
    const folder = join(dir, 'taken');
    const lock = lockDataFolder(folder, 'a demo');
    const other = JSON.stringify({
      pid: process.ppid,
      host: hostname(),
      doing: 'another demo',
      since: 'now',
    });
    writeFileSync(join(folder, LOCK_FILE), other);
    lock.release();
    expect(readFileSync(join(folder, LOCK_FILE), 'utf8')).toBe(other);
  });
});
