import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LedgerlineError } from '../domain/errors.js';

/** Reads a text file named on the command line, with a clear error when it is missing. */
export async function readInputFile(path: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    throw new LedgerlineError('invalid-input', `cannot read ${path}: ${reason}`);
  }
}
