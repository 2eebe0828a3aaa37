import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { connect } from './connect.js';
import type { Database } from './database.js';
import type { EngineName } from './engine-adapter.js';
import { openPostgres } from './postgres/postgres-connection.js';

/** An engine the contract suites run against, and how to open a fresh, empty database on it. */
export interface TestEngine {
  name: EngineName;
  open(): Promise<Database>;
}

/**
 * SQLite always (a temporary file); PostgreSQL when TEST_PG_URL is set (a schema per database,
 * dropped on close); SQL Server when TEST_MSSQL_URL is set (a database per open, dropped on close).
 */
export function testEngines(): TestEngine[] {
  const engines: TestEngine[] = [{ name: 'sqlite', open: openTestSqlite }];
  const pgUrl = process.env.TEST_PG_URL;
  if (pgUrl) engines.push({ name: 'postgres', open: () => openTestPostgres(pgUrl) });
  const mssqlUrl = process.env.TEST_MSSQL_URL;
  if (mssqlUrl) engines.push({ name: 'mssql', open: () => openTestMssql(mssqlUrl) });
  return engines;
}

async function openTestSqlite(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-test-'));
  const database = connect(`sqlite:${join(dir, 'billing.db')}`);
  return {
    ...database,
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openTestPostgres(url: string): Promise<Database> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openPostgres(url, { searchPath: schema });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

async function openTestMssql(url: string): Promise<Database> {
  const name = `ledgerline_t_${randomBytes(6).toString('hex')}`;
  const master = new URL(url);
  master.pathname = '/master';
  const admin = connect(master.toString());
  await sql`create database ${sql.raw(name)}`.execute(admin.kysely);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = connect(target.toString());
  return {
    ...database,
    close: async () => {
      await database.close();
      await sql`alter database ${sql.raw(name)} set single_user with rollback immediate`.execute(
        admin.kysely,
      );
      await sql`drop database ${sql.raw(name)}`.execute(admin.kysely);
      await admin.close();
    },
  };
}
