import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../test-engines.js';
import { migrateToLatest, pendingMigrations } from './migrate.js';

const postgres = testEngines().find((engine) => engine.name === 'postgres');
const url = process.env.TEST_PG_URL;

describe.skipIf(!postgres || !url)('migrations on a PostgreSQL database another application shares', () => {
  const other = `other_app_${randomBytes(4).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: url });

  beforeAll(async () => {
    // Another application that migrates with Kysely keeps its own bookkeeping tables in its schema.
    const client = admin();
    await client.connect();
    await client.query(`create schema ${other}`);
    await client.query(
      `create table ${other}.kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)`,
    );
    await client.query(`insert into ${other}.kysely_migration values ('20240101-their-own', '2024-01-01')`);
    await client.query(
      `create table ${other}.kysely_migration_lock (id varchar(255) primary key, is_locked integer not null default 0)`,
    );
    await client.end();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop schema ${other} cascade`);
    await client.end();
  });

  it('migrates its own schema and never reads the other application’s migrations', async () => {
    const database = await postgres!.open();
    try {
      const pending = await pendingMigrations(database);
      expect(pending).toEqual(expect.arrayContaining(['0001-pipeline-schema', '0003-audit-log']));
      expect(await migrateToLatest(database)).toEqual(pending);
      expect(await pendingMigrations(database)).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
