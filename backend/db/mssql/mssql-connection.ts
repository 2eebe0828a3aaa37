import { Kysely, MssqlDialect } from 'kysely';
import * as tarn from 'tarn';
import * as tedious from 'tedious';
import type { BillingSchema } from '../billing-schema.js';
import { multiRowInserter } from '../bulk-inserter.js';
import type { Database } from '../database.js';
import { redactUrl } from '../postgres/postgres-connection.js';
import { mssqlAdapter } from './mssql-adapter.js';

/** What an `mssql://user:password@host:port/database?encrypt=true&trustServerCertificate=true` URL says. */
export interface MssqlTarget {
  server: string;
  port: number;
  database: string;
  user: string;
  password: string;
  encrypt: boolean;
  trustServerCertificate: boolean;
  instanceName?: string;
}

/** Reads an mssql:// URL; `?instance=NAME` selects a named instance. */
export function parseMssqlUrl(url: string): MssqlTarget {
  const parsed = new URL(url);
  if (parsed.protocol !== 'mssql:') throw new TypeError(`not an mssql:// URL: ${redactUrl(url)}`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname || !database) {
    throw new TypeError(`an mssql URL needs a host and a database: mssql://user:password@host:1433/database`);
  }
  const flag = (name: string, fallback: boolean) => {
    const value = parsed.searchParams.get(name);
    return value === null ? fallback : value === 'true' || value === '1';
  };
  const instanceName = parsed.searchParams.get('instance') ?? undefined;
  return {
    server: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 1433,
    database,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    encrypt: flag('encrypt', true),
    trustServerCertificate: flag('trustServerCertificate', false),
    ...(instanceName ? { instanceName } : {}),
  };
}

/**
 * A Kysely instance over a tedious connection pool on the SQL Server database an mssql:// URL
 * names (the billing database, or LcsCDR for the recorder). Nothing connects until first use.
 */
export function mssqlKysely<DB>(url: string): Kysely<DB> {
  const target = parseMssqlUrl(url);
  return new Kysely<DB>({
    dialect: new MssqlDialect({
      // A connection that cannot be made fails the query at once instead of being retried until a timeout.
      tarn: { ...tarn, options: { min: 0, max: 10, propagateCreateError: true } },
      tedious: {
        ...tedious,
        connectionFactory: () =>
          new tedious.Connection({
            server: target.server,
            authentication: {
              type: 'default',
              options: { userName: target.user, password: target.password },
            },
            options: {
              database: target.database,
              encrypt: target.encrypt,
              trustServerCertificate: target.trustServerCertificate,
              ...(target.instanceName ? { instanceName: target.instanceName } : { port: target.port }),
              useUTC: true,
            },
          }),
      },
    }),
  });
}

/** Opens a tedious connection pool on a SQL Server billing database. Nothing connects until first use. */
export function openMssql(url: string): Database {
  const kysely = mssqlKysely<BillingSchema>(url);
  return {
    engine: 'mssql',
    adapter: mssqlAdapter,
    kysely,
    bulk: multiRowInserter(mssqlAdapter),
    description: redactUrl(url),
    close: () => kysely.destroy(),
  };
}
