import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { BillingSchema } from '../billing-schema.js';
import type { Database } from '../database.js';
import { sqliteAdapter } from './sqlite-adapter.js';

/**
 * Opens (creating if needed) a SQLite billing database in WAL mode: readers never block the
 * miner's writes, and a crash loses at most the transaction in flight.
 */
export function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const handle = new SQLite(path);
  handle.pragma('journal_mode = WAL');
  handle.pragma('synchronous = NORMAL');
  handle.pragma('foreign_keys = ON');
  handle.pragma('busy_timeout = 5000');
  const kysely = new Kysely<BillingSchema>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    engine: 'sqlite',
    adapter: sqliteAdapter,
    kysely,
    description: `sqlite:${path}`,
    close: () => kysely.destroy(),
  };
}
