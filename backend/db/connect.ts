import { resolve } from 'node:path';
import { LedgerlineError } from '../domain/errors.js';
import type { Database } from './database.js';
import { openMssql } from './mssql/mssql-connection.js';
import { openPostgres } from './postgres/postgres-connection.js';
import { openSqlite } from './sqlite/sqlite-connection.js';

/** A database URL Ledgerline cannot use, with what it expected. */
export class DatabaseUrlError extends LedgerlineError {
  override readonly name = 'DatabaseUrlError';
  constructor(message: string) {
    super('configuration', message);
  }
}

/**
 * Opens the billing database a URL names: `sqlite:<path>` (or `sqlite::memory:`),
 * `postgres://…` / `postgresql://…`, or `mssql://…`. The one factory for every engine.
 */
export function connect(url: string): Database {
  const trimmed = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'sqlite': {
      const path = trimmed.slice('sqlite:'.length).replace(/^\/\/(?=\/|\.)/, '');
      if (!path) throw new DatabaseUrlError('a sqlite URL needs a file: sqlite:./data/ledgerline.db');
      return openSqlite(path === ':memory:' ? path : resolve(path));
    }
    case 'postgres':
    case 'postgresql':
      return openPostgres(trimmed);
    case 'mssql':
      try {
        return openMssql(trimmed);
      } catch (error) {
        throw new DatabaseUrlError((error as Error).message);
      }
    default:
      throw new DatabaseUrlError(
        `unsupported database URL "${trimmed.replace(/:[^:@/]*@/, ':***@')}": use sqlite:<file>, postgres://… or mssql://…`,
      );
  }
}
