import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LedgerlineError } from '../domain/errors.js';

/** What the lock file says about the process that holds the folder. */
interface LockOwner {
  pid: number;
  host: string;
  /** What it is doing, for the message another process shows, e.g. "demo on http://…". */
  doing: string;
  since: string;
}

/** A data folder held by this process until `release`. */
export interface DataFolderLock {
  /** Says what the holder is doing now (shown to a second process that finds the folder held). */
  describe(doing: string): void;
  release(): void;
}

/** The lock file inside a data folder. */
export const LOCK_FILE = 'ledgerline.lock';

/**
 * Takes a data folder for this process alone: an exclusively created lock file naming the process.
 * A second process gets a clear error naming the folder and the holder. A lock left by a process
 * that is gone (killed, crashed, or this very pid in an earlier life of a container) is taken over.
 */
export function lockDataFolder(dir: string, doing: string): DataFolderLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  let owner: LockOwner = { pid: process.pid, host: hostname(), doing, since: new Date().toISOString() };
  const temporary = `${path}.${process.pid}.tmp`;
  for (let attempt = 0; ; attempt++) {
    // Written whole under a name of our own, then linked: the lock file never exists half written,
    // and the link fails if another process holds it.
    writeFileSync(temporary, JSON.stringify(owner));
    try {
      linkSync(temporary, path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      removeQuietly(temporary);
    }
    const holder = readOwner(path);
    if (holder !== null && !isStale(holder)) {
      throw new LedgerlineError(
        'conflict',
        `the data folder ${dir} is in use by another Ledgerline (process ${holder.pid}${holder.host === owner.host ? '' : ` on ${holder.host}`}, ${holder.doing}, since ${holder.since}): stop it, or choose another folder with --data or LEDGERLINE_DATA_DIR`,
      );
    }
    if (attempt >= 2)
      throw new LedgerlineError('conflict', `cannot take the lock ${path}: remove it if no Ledgerline runs`);
    // Gone, or a file cut short by a crash: take it over.
    removeQuietly(path);
  }
  const ours = () => readOwner(path)?.since === owner.since && readOwner(path)?.pid === owner.pid;
  return {
    describe(now) {
      if (!ours()) return;
      owner = { ...owner, doing: now };
      writeFileSync(temporary, JSON.stringify(owner));
      renameSync(temporary, path);
    },
    release() {
      if (ours()) removeQuietly(path);
    },
  };
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string'
      ? { pid: owner.pid, host: owner.host, doing: owner.doing ?? 'running', since: owner.since ?? '?' }
      : null;
  } catch {
    return null;
  }
}

/** A holder on this machine that is this process or no process at all. */
function isStale(holder: LockOwner): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
