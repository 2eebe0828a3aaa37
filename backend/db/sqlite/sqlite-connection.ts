import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { BillingSchema } from '../billing-schema.js';
import type { Database } from '../database.js';
import { sqliteAdapter } from './sqlite-adapter.js';
import { sqliteBulkInserter } from './sqlite-bulk-inserter.js';

/**
 * How every billing connection is set up: WAL (readers never block the writer), synchronous FULL
 * (a commit is on disk before it returns: a mined spool file moves to done/ only after its calls
 * would survive a power cut; commits are few, one per file), foreign keys enforced, a 64 MiB page
 * cache so the calls indexes stay in memory while mining, and a wait of up to 30 seconds rather
 * than an error when another process (a recorder beside the miner) holds the write lock.
 */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  'cache_size = -65536',
  'busy_timeout = 30000',
] as const;

/**
 * The file a `sqlite:` URL names, read as connect() reads it (`sqlite:./x.db`, `sqlite:///abs.db`,
 * `sqlite://./x.db`); null for other URLs and for `sqlite::memory:`. Lets a caller tell a missing
 * database file from one that is there before opening it creates it.
 */
export function sqliteFileOf(url: string): string | null {
  const trimmed = url.trim();
  if (!/^sqlite:/i.test(trimmed)) return null;
  const path = trimmed.slice('sqlite:'.length).replace(/^\/\/(?=\/|\.)/, '');
  return path === '' || path === ':memory:' ? null : resolve(path);
}

/**
 * Opens (creating if needed) a SQLite billing database in WAL mode: readers never block the
 * miner's writes, and a crash loses at most the transaction in flight.
 */
export function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const handle = new SQLite(path);
  for (const pragma of SQLITE_PRAGMAS) handle.pragma(pragma);
  // The statistics the query planner needs to pick the report indexes, gathered (within a limit)
  // on the tables that lack them, as SQLite recommends for connections that stay open.
  handle.pragma('optimize = 0x10002');
  const kysely = new Kysely<BillingSchema>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    engine: 'sqlite',
    adapter: sqliteAdapter,
    kysely,
    bulk: sqliteBulkInserter(handle),
    description: `sqlite:${path}`,
    close: () => kysely.destroy(),
  };
}
