import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { BillingSchema } from '../billing-schema.js';
import { multiRowInserter } from '../bulk-inserter.js';
import type { Database } from '../database.js';
import { postgresAdapter } from './postgres-adapter.js';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * bigint and numeric arrive from pg as strings; Ledgerline's are epoch milliseconds, micro-units
 * and sums of them, all safe integers, so they are read as numbers (and refused if not safe).
 */
function readSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`database value ${text} is not a safe integer`);
  return value;
}

/** Per-pool type parsers, so nothing global in pg is changed. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return readSafeInteger;
    return pg.types.getTypeParser(oid, format);
  },
};

/** Options the tests use to put each suite in its own schema. */
export interface PostgresOptions {
  searchPath?: string;
}

/** Opens a pool on a PostgreSQL billing database. */
export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  // An idle connection the server drops (a restart) is an 'error' event on the pool: without a
  // listener it would end the process. The pool replaces the connection on the next query.
  pool.on('error', () => undefined);
  const kysely = new Kysely<BillingSchema>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    adapter: postgresAdapter,
    kysely,
    bulk: multiRowInserter(postgresAdapter),
    description: redactUrl(url),
    close: () => kysely.destroy(),
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
