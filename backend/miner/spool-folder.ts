import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Spool files end in this; temporary files being written start with a dot and are skipped. */
export const SPOOL_EXTENSION = '.ndjson';

/** The spool files waiting in a folder, in the order they were written (their names sort so). */
export async function pendingSpoolFiles(spoolDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(spoolDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((name) => name.endsWith(SPOOL_EXTENSION) && !name.startsWith('.')).sort();
}

/** Moves a mined file into `done/` beside it, where it is kept for audit but not read again. */
export async function archiveSpoolFile(spoolDir: string, name: string): Promise<void> {
  const done = join(spoolDir, 'done');
  await mkdir(done, { recursive: true });
  await rename(join(spoolDir, name), join(done, name));
}

/**
 * Sets aside a file that keeps failing: moves it into `failed/` with `<name>.reason.txt` beside
 * it, so the files after it are mined and an administrator can see what went wrong.
 */
export async function quarantineSpoolFile(spoolDir: string, name: string, reason: string): Promise<void> {
  const failed = join(spoolDir, 'failed');
  await mkdir(failed, { recursive: true });
  await writeFile(join(failed, `${name}.reason.txt`), reason);
  await rename(join(spoolDir, name), join(failed, name));
}

/** The files set aside in `failed/`. */
export async function failedSpoolFiles(spoolDir: string): Promise<string[]> {
  return (await pendingSpoolFiles(join(spoolDir, 'failed'))).sort();
}
