import { sql } from 'kysely';
import { LedgerlineError } from '../domain/errors.js';
import type { Database } from './database.js';

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running and listening on that port?)',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  ESOCKET: 'could not open a connection',
  ELOGIN: 'login failed (check the user and password)',
  '28P01': 'password authentication failed',
  '28000': 'authentication failed',
  '3D000': 'the database does not exist',
  SQLITE_CANTOPEN: 'cannot open the file (check the folder exists and is writable)',
};

/**
 * Runs a trivial query so a wrong URL, an unreachable server or bad credentials surface as one
 * clear message naming the database, before any real work starts.
 */
export async function checkDatabase(database: Database): Promise<void> {
  try {
    await sql`select 1 as ok`.execute(database.kysely);
  } catch (error) {
    throw new LedgerlineError(
      'unavailable',
      `cannot use the billing database ${database.description}: ${describeConnectionError(error)}`,
      [],
      {
        cause: error,
      },
    );
  }
}

/**
 * A driver's connection error (pg, tedious, better-sqlite3) in a few words a person can act on.
 * Drivers wrap the socket's error (tedious: ESOCKET around an AggregateError around ECONNREFUSED),
 * so the innermost code with a known reason wins: it says what actually went wrong.
 */
export function describeConnectionError(error: unknown): string {
  const seen = new Set<unknown>();
  let reason: string | null = null;
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && REASONS[code]) reason = REASONS[code];
    // AggregateError (several addresses tried) and wrapped causes.
    current = (current as { errors?: unknown[] }).errors?.[0] ?? (current as { cause?: unknown }).cause;
  }
  return reason ?? (error instanceof Error ? error.message : String(error));
}
