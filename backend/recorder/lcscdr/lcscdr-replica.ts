import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { LedgerlineError } from '../../domain/errors.js';
import type { LcsCdrSchema } from './lcscdr-schema.js';

const SCRIPT = join('infra', 'sql', 'lcscdr-replica.sqlite.sql');

/**
 * Finds `infra/sql/lcscdr-replica.sqlite.sql` by walking up from this module to the package
 * root, so the same code works from the sources (vitest) and from `dist/backend/...`.
 */
export function lcsCdrReplicaScriptPath(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, SCRIPT);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) {
      throw new LedgerlineError(
        'configuration',
        `the LcsCDR replica schema ${SCRIPT} was not found in any folder above ${start}: is the package complete?`,
      );
    }
  }
}

/** Creates the replica's tables in an open better-sqlite3 database; harmless on an existing replica. */
export function applyLcsCdrReplicaSchema(handle: SQLite.Database): void {
  const script = readFileSync(lcsCdrReplicaScriptPath(), 'utf8');
  handle.transaction(() => handle.exec(script))();
}

/**
 * Opens (creating if needed) a SQLite replica of the LcsCDR tables the recorder reads, in WAL
 * mode so the demo's call generator can write while the recorder reads. The caller destroys
 * the returned Kysely when done.
 */
export async function createLcsCdrReplica(path: string): Promise<Kysely<LcsCdrSchema>> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const handle = new SQLite(path);
  try {
    handle.pragma('journal_mode = WAL');
    handle.pragma('synchronous = NORMAL');
    handle.pragma('foreign_keys = ON');
    handle.pragma('busy_timeout = 5000');
    applyLcsCdrReplicaSchema(handle);
  } catch (error) {
    handle.close();
    throw error;
  }
  return new Kysely<LcsCdrSchema>({ dialect: new SqliteDialect({ database: handle }) });
}
