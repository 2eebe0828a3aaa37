import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import type { CallRecord } from '../domain/call-record.js';
import { readSpoolRecord } from '../miner/spool-record.js';
import { openCdrSource } from './cdr-source-factory.js';
import type { CdrSource } from './cdr-source.js';
import type { LcsCdrOptions } from './drivers/lcscdr-source.js';
import { applyLcsCdrReplicaSchema } from './lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter, type ReplicaSession } from './lcscdr/lcscdr-replica-writer.js';
import { decodePosition, type RecorderPosition } from './recorder-position.js';
import { Recorder, type RecorderOptions } from './recorder.js';

/** 2026-02-03 09:00 UTC: the tests' sessions start from here, a minute apart. */
export const T0 = Date.UTC(2026, 1, 3, 9, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Session `n`: an outbound call to Milan started `n` minutes after T0, answered after 5 s, 90 s of talk. */
export function session(n: number, fields: Partial<ReplicaSession> = {}): ReplicaSession {
  return {
    start: T0 + n * MINUTE,
    seq: n,
    responseCode: 200,
    responseTime: T0 + n * MINUTE + 5_000,
    end: T0 + n * MINUTE + 95_000,
    starter: 'anna.rossi@contoso.com',
    other: '+390212345678@contoso.com;user=phone',
    connectedNumber: '+390212345678',
    toGateway: 'gw-mil-1.contoso.com',
    mediationServer: 'med-mil.contoso.com',
    ...fields,
  };
}

/** A replica, a billing database and a spool folder in a temporary folder, on a clock the test moves. */
export interface RecorderWorld {
  dir: string;
  spoolDir: string;
  /** The replica, writable (the source opens it read-only). */
  replica: SQLite.Database;
  writer: LcsCdrReplicaWriter;
  billing: Database;
  source: CdrSource;
  clock: { now: number };
  /** A new recorder (as after a restart) with the test clock. */
  recorder(options?: Partial<RecorderOptions>): Recorder;
  /** Every call in the spool folder's files, in file-name order. */
  spooled(): CallRecord[];
  /** The spool files, in name order (temporary files left out). */
  spoolFiles(): string[];
  position(): Promise<RecorderPosition>;
  close(): Promise<void>;
}

/** Sets up a RecorderWorld; the clock starts an hour after T0. */
export async function openRecorderWorld(sourceOptions: LcsCdrOptions = {}): Promise<RecorderWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-recorder-'));
  const spoolDir = join(dir, 'spool');
  const replica = new SQLite(join(dir, 'lcscdr.db'));
  replica.pragma('journal_mode = WAL');
  applyLcsCdrReplicaSchema(replica);
  const billing = connect(`sqlite:${join(dir, 'billing.db')}`);
  await migrateToLatest(billing);
  const clock = { now: T0 + HOUR };
  const source = openCdrSource(`sqlite:${join(dir, 'lcscdr.db')}`, {
    siteByGateway: { 'gw-mil-1.contoso.com': 'MIL' },
    now: () => clock.now,
    ...sourceOptions,
  });
  const spoolFiles = () => {
    try {
      return readdirSync(spoolDir)
        .filter((name) => name.endsWith('.ndjson') && !name.startsWith('.'))
        .sort();
    } catch {
      return [];
    }
  };
  return {
    dir,
    spoolDir,
    replica,
    writer: new LcsCdrReplicaWriter(replica),
    billing,
    source,
    clock,
    recorder: (options = {}) =>
      new Recorder(source, billing, { spoolDir, batchSize: 100, now: () => clock.now, ...options }),
    spoolFiles,
    spooled: () =>
      spoolFiles()
        .flatMap((name) => readFileSync(join(spoolDir, name), 'utf8').trim().split('\n'))
        .map((line) => {
          const read = readSpoolRecord(line);
          if (!read.ok) throw new Error(read.reason);
          return read.record;
        }),
    position: async () =>
      decodePosition(await repositoriesFor(billing.kysely, billing).checkpoints.get(source.id)),
    close: async () => {
      await source.close();
      await billing.close();
      replica.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
