import { createHash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CallRecord } from '../domain/call-record.js';

/** `2026-02-03T09:00:00.123Z#45` as `20260203T090000123-45`: sortable and safe in file names. */
function compactPosition(position: string): string {
  const [time = '', seq = ''] = position.split('#');
  return `${time.replace(/[-:.Z]/g, '')}-${seq}`;
}

/**
 * The name of the spool file holding `records`: the source, the first and last session keys (so
 * names sort in session order) and a digest of the keys. The same calls always get the same name,
 * so a file written again after a crash replaces the first (or, once mined, is recognized); a file
 * with other calls never takes the name of one already mined.
 */
export function spoolFileName(source: string, records: readonly CallRecord[]): string {
  const ids = records.map((record) => record.sourceId).sort();
  const digest = createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 8);
  return `${source}-${compactPosition(ids[0] ?? '')}_${compactPosition(ids[ids.length - 1] ?? '')}-${digest}.ndjson`;
}

/**
 * Writes records as one CallRecord v1 line each, atomically: to a hidden temporary name, flushed
 * to disk, renamed into place, and the folder flushed, so the miner never sees half a file and
 * a power cut never leaves a file the checkpoint says is written but is not.
 */
export async function writeSpoolFile(
  spoolDir: string,
  name: string,
  records: readonly CallRecord[],
): Promise<string> {
  await mkdir(spoolDir, { recursive: true });
  const temporary = join(spoolDir, `.${name}.tmp`);
  const final = join(spoolDir, name);
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, final);
  await syncFolder(spoolDir);
  return final;
}

/**
 * Removes the temporary files a source's writer left behind when it stopped mid-write (their
 * names start with a dot, so the miner never takes them): the calls in them are written again,
 * since the checkpoint never moved past them. Returns the names removed.
 */
export async function removeTemporaryFiles(spoolDir: string, source: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(spoolDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const leftovers = names.filter((name) => name.startsWith(`.${source}-`) && name.endsWith('.ndjson.tmp'));
  for (const name of leftovers) await rm(join(spoolDir, name), { force: true });
  return leftovers;
}

/** Flushes a folder's entries (the rename) to disk; Windows cannot open folders for this, and need not. */
async function syncFolder(path: string): Promise<void> {
  if (process.platform === 'win32') return;
  const folder = await open(path, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
