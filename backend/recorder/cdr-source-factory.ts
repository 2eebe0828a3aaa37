import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mssqlKysely } from '../db/mssql/mssql-connection.js';
import { redactUrl } from '../db/postgres/postgres-connection.js';
import { LedgerlineError } from '../domain/errors.js';
import type { CdrSource } from './cdr-source.js';
import {
  LcsCdrSource,
  REPLICA_ENGINE,
  SQL_SERVER_ENGINE,
  type LcsCdrOptions,
} from './drivers/lcscdr-source.js';
import type { LcsCdrSchema } from './lcscdr/lcscdr-schema.js';

/** Options every source driver may take. */
export type CdrSourceOptions = LcsCdrOptions;

/**
 * Opens the call-record source a URL names: `mssql://…/LcsCDR` (Skype for Business on SQL Server)
 * or `sqlite:<file>` (a replica of the LcsCDR tables, as the demo and tests use). The one place
 * that knows every driver.
 */
export function openCdrSource(url: string, options: CdrSourceOptions = {}): CdrSource {
  const scheme = /^([a-z]+):/i.exec(url.trim())?.[1]?.toLowerCase();
  switch (scheme) {
    case 'mssql':
      return new LcsCdrSource(mssqlKysely<LcsCdrSchema>(url), SQL_SERVER_ENGINE, redactUrl(url), options);
    case 'sqlite': {
      const path = resolve(url.trim().slice('sqlite:'.length));
      if (!existsSync(path)) throw new LedgerlineError('configuration', `no LcsCDR replica at ${path}`);
      const handle = new SQLite(path, { readonly: true, fileMustExist: true });
      handle.pragma('busy_timeout = 5000');
      const db = new Kysely<LcsCdrSchema>({ dialect: new SqliteDialect({ database: handle }) });
      return new LcsCdrSource(db, REPLICA_ENGINE, `sqlite:${path}`, options);
    }
    default:
      throw new LedgerlineError(
        'configuration',
        `unsupported call-record source "${redactUrl(url)}": use mssql://user:password@host/LcsCDR or sqlite:<replica file>`,
      );
  }
}
