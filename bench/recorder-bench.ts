import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { connect } from '../backend/db/connect.js';
import { migrateToLatest } from '../backend/db/migrations/migrate.js';
import { openCdrSource } from '../backend/recorder/cdr-source-factory.js';
import { applyLcsCdrReplicaSchema } from '../backend/recorder/lcscdr/lcscdr-replica.js';
import {
  LcsCdrReplicaWriter,
  type ReplicaSession,
} from '../backend/recorder/lcscdr/lcscdr-replica-writer.js';
import { Recorder } from '../backend/recorder/recorder.js';
import { seededRandom, syntheticCalls, syntheticNumbers } from './synthetic-traffic.js';

/** Figures of the recorder benchmark. */
export interface RecorderBenchResult {
  sessions: number;
  records: number;
  files: number;
  seconds: number;
  sessionsPerSecond: number;
}

/** Fills an LcsCDR replica with `count` sessions, then times the recorder writing them to spool files. */
export async function runRecorderBench(count: number): Promise<RecorderBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-recorder-bench-'));
  try {
    const random = seededRandom(11);
    const numbers = syntheticNumbers(50_000, random);
    const calls = syntheticCalls(count, numbers.length, random);
    const replica = new SQLite(join(dir, 'lcscdr.db'));
    replica.pragma('journal_mode = WAL');
    applyLcsCdrReplicaSchema(replica);
    const writer = new LcsCdrReplicaWriter(replica);
    const sessions: ReplicaSession[] = [];
    for (let i = 0; i < count; i++) {
      const start = calls.startedAt[i] as number;
      const answered = calls.answered[i] === 1;
      const e164 = numbers[calls.numberIndex[i] as number]!.e164;
      sessions.push({
        start,
        seq: i,
        responseCode: answered ? 200 : 486,
        responseTime: answered ? start + 4_000 : null,
        end: start + 4_000 + (calls.durationSec[i] as number) * 1000,
        starter: `user${i % 300}@contoso.com`,
        other: `${e164}@contoso.com;user=phone`,
        connectedNumber: e164,
        toGateway: 'gw-mil-1.contoso.com',
        mediationServer: 'med-mil.contoso.com',
      });
      if (sessions.length === 20_000) writer.insert(sessions.splice(0));
    }
    writer.insert(sessions);
    replica.close();

    const billing = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(billing);
    const source = openCdrSource(`sqlite:${join(dir, 'lcscdr.db')}`, { now: () => Date.UTC(2026, 5, 1) });
    const recorder = new Recorder(source, billing, {
      spoolDir: join(dir, 'spool'),
    });
    const start = performance.now();
    const pass = await recorder.recordAvailable();
    const seconds = (performance.now() - start) / 1000;
    await source.close();
    await billing.close();
    if (pass.records !== count) throw new Error(`recorded ${pass.records} of ${count} sessions`);
    return {
      sessions: count,
      records: pass.records,
      files: pass.files.length,
      seconds,
      sessionsPerSecond: Math.round(count / seconds),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
