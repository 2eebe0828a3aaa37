import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect } from '../db/connect.js';
import { checkDatabase } from '../db/database-check.js';
import type { Database } from '../db/database.js';
import { pendingMigrations } from '../db/migrations/migrate.js';
import { sqliteFileOf } from '../db/sqlite/sqlite-connection.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Reporter } from './reporter.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Writes a line of output (results, for people and scripts). */
  print(line: string): void;
  /** Writes a line to stderr (warnings, progress). */
  warn(line: string): void;
  /** Logs and progress of long work. */
  reporter: Reporter;
  /** Lines of standard input, for filters such as `ledgerline rate`. */
  stdin(): AsyncIterable<string>;
  /** Aborted when the process is asked to stop (SIGINT, SIGTERM). */
  signal: AbortSignal;
  /** The configuration file whose settings `env` includes, once read at start; null when none. */
  configFile?: string | null;
}

/** The options every command that touches the billing database accepts. */
export interface DatabaseOptions {
  db?: string;
  data?: string;
}

/** The data folder: --data, else LEDGERLINE_DATA_DIR, else ./data (relative to the working folder). */
export function dataDir(options: DatabaseOptions, context: CliContext): string {
  return resolve(context.cwd, options.data ?? context.env.LEDGERLINE_DATA_DIR ?? 'data');
}

/** The billing database URL: --db, else LEDGERLINE_DB_URL, else SQLite in the data folder. */
export function databaseUrl(options: DatabaseOptions, context: CliContext): string {
  if (options.db) return options.db;
  if (context.env.LEDGERLINE_DB_URL) return context.env.LEDGERLINE_DB_URL;
  return `sqlite:${join(dataDir(options, context), 'ledgerline.db')}`;
}

/**
 * Opens the database, checks it answers (and, unless told otherwise, that its schema is current),
 * runs `work`, and always closes it. Only `create` (migrate, demo) may make a new SQLite file: for
 * every other command a missing file is a mistyped path or a step left out, not an empty database.
 */
export async function withDatabase<T>(
  url: string,
  work: (database: Database) => Promise<T>,
  { requireSchema = true, create = false } = {},
): Promise<T> {
  const file = sqliteFileOf(url);
  if (!create && file !== null && !existsSync(file)) {
    throw new LedgerlineError(
      'configuration',
      `no billing database at ${file} (run \`ledgerline migrate\` or \`ledgerline demo\`, or choose another with --db or --data)`,
    );
  }
  const database = connect(url);
  try {
    await checkDatabase(database);
    if (requireSchema) {
      const pending = await pendingMigrations(database);
      if (pending.length > 0) {
        throw new LedgerlineError(
          'configuration',
          `the billing database ${database.description} is not up to date (${pending.join(', ')} not applied): run \`ledgerline migrate\` first`,
        );
      }
    }
    return await work(database);
  } finally {
    await database.close();
  }
}
