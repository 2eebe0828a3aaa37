import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import type { TestEngine } from '../db/test-engines.js';
import type { CallRecord } from '../domain/call-record.js';
import { mineSpoolFile } from '../miner/spool-file-miner.js';
import { MiningTablesBuilder } from '../miner/mining-tables.js';
import { setUpTestCompany } from '../miner/test-company.js';
import { alarmRuleToStore } from './alarm-rule.js';

/** The test company (Milan and London) on a fresh database, with ways to add rules and mine calls. */
export interface AlarmWorld {
  database: Database;
  repos: Repositories;
  /** Validates and stores a rule; returns its id. */
  addRule(rule: unknown): Promise<number>;
  /** Mines the records as one spool file, in one transaction as the miner does. */
  mine(records: readonly CallRecord[]): Promise<void>;
  /** Outbox rows, oldest first. */
  outbox(): Promise<
    { kind: string; channel: string; recipient: string; dedupeKey: string; payload: unknown }[]
  >;
  close(): Promise<void>;
}

/** Opens the test company on `engine` for alarm tests. */
export async function openAlarmWorld(engine: TestEngine): Promise<AlarmWorld> {
  const database = await engine.open();
  await migrateToLatest(database);
  await setUpTestCompany(database);
  const repos = repositoriesFor(database.kysely, database);
  const spool = mkdtempSync(join(tmpdir(), 'ledgerline-alarms-'));
  const builder = new MiningTablesBuilder();
  let files = 0;
  return {
    database,
    repos,
    addRule: async (rule) => repos.alarmRules.create(alarmRuleToStore(rule)),
    async mine(records) {
      const name = `calls-${++files}.ndjson`;
      const path = join(spool, name);
      writeFileSync(path, records.map((record) => JSON.stringify(record)).join('\n'));
      await mineSpoolFile(database, builder, { path, name, parallel: false });
    },
    async outbox() {
      const rows = await database.kysely.selectFrom('outbox').selectAll().orderBy('id').execute();
      return rows.map((row) => ({
        kind: row.kind,
        channel: row.channel,
        recipient: row.recipient,
        dedupeKey: row.dedupe_key,
        payload: JSON.parse(row.payload_json) as unknown,
      }));
    },
    async close() {
      await database.close();
      rmSync(spool, { recursive: true, force: true });
    },
  };
}
