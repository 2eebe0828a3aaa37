import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import type { CallRecord } from '../domain/call-record.js';
import { readSpoolRecord } from '../miner/spool-record.js';
import { openCdrSource } from './cdr-source-factory.js';
import type { CdrSource } from './cdr-source.js';
import { applyLcsCdrReplicaSchema } from './lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter, type ReplicaSession } from './lcscdr/lcscdr-replica-writer.js';
import { Recorder } from './recorder.js';

const T0 = Date.UTC(2026, 1, 3, 9, 0, 0);
const min = 60_000;

function session(n: number, fields: Partial<ReplicaSession> = {}): ReplicaSession {
  return {
    start: T0 + n * min,
    seq: n,
    responseCode: 200,
    responseTime: T0 + n * min + 5_000,
    end: T0 + n * min + 95_000,
    starter: 'anna.rossi@contoso.com',
    other: '+390212345678@contoso.com;user=phone',
    connectedNumber: '+390212345678',
    toGateway: 'gw-mil-1.contoso.com',
    mediationServer: 'med-mil.contoso.com',
    ...fields,
  };
}

describe('the SfB recorder on an LcsCDR replica', () => {
  let dir: string;
  let replica: SQLite.Database;
  let writer: LcsCdrReplicaWriter;
  let billing: Database;
  let source: CdrSource;
  const now = T0 + 3_600_000;

  const recorder = (batchSize = 100) =>
    new Recorder(source, billing, {
      spoolDir: join(dir, 'spool'),
      batchSize,
      now: () => now,
    });
  const spooled = (): CallRecord[] =>
    readdirSync(join(dir, 'spool'))
      .filter((name) => name.endsWith('.ndjson'))
      .sort()
      .flatMap((name) =>
        readFileSync(join(dir, 'spool', name), 'utf8')
          .trim()
          .split('\n'),
      )
      .map((line) => {
        const read = readSpoolRecord(line);
        if (!read.ok) throw new Error(read.reason);
        return read.record;
      });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerline-recorder-'));
    replica = new SQLite(join(dir, 'lcscdr.db'));
    replica.pragma('journal_mode = WAL');
    applyLcsCdrReplicaSchema(replica);
    writer = new LcsCdrReplicaWriter(replica);
    billing = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(billing);
    source = openCdrSource(`sqlite:${join(dir, 'lcscdr.db')}`, {
      siteByGateway: { 'gw-mil-1.contoso.com': 'MIL' },
      now: () => now,
    });
  });
  afterEach(async () => {
    await source.close();
    await billing.close();
    replica.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records audio calls in all directions, skips the rest, and comes back for calls in progress', async () => {
    writer.insert([
      session(1),
      session(2, { responseCode: 486, responseTime: null, end: T0 + 2 * min + 20_000 }),
      session(3, {
        starter: '+390612345678@contoso.com;user=phone',
        other: 'anna.rossi@contoso.com',
        target: 'anna.rossi@contoso.com',
        fromNumber: '+390612345678',
        connectedNumber: '+390212342001',
        toGateway: null,
        fromGateway: 'gw-mil-1.contoso.com',
      }),
      session(4, {
        other: 'luca.bianchi@contoso.com',
        connectedNumber: null,
        toGateway: null,
        mediationServer: null,
      }),
      session(5, { mediaTypes: 1 }),
      session(6, { mediaTypes: 48 }),
      // A retried attempt that failed is skipped; the retry that was answered is the call.
      session(7, { callFlag: 1, responseCode: 503, responseTime: null, end: T0 + 7 * min + 1_000 }),
      session(8, { end: null }),
      session(9),
      session(10, { start: T0 + 7 * min + 2_000, seq: 10, callFlag: 1 }),
    ]);
    const pass = await recorder().recordAvailable();
    // The call in progress (8) does not hold back the one after it (9).
    expect(pass).toMatchObject({
      records: 7,
      skipped: 1,
      openSessions: 1,
      position: JSON.stringify({ at: '2026-02-03T09:09:00.000Z#9', open: ['2026-02-03T09:08:00.000Z#8'] }),
    });
    const records = spooled();
    expect(records.map((r) => [r.sourceId, r.direction, r.answered])).toEqual([
      ['2026-02-03T09:01:00.000Z#1', 'outbound', true],
      ['2026-02-03T09:02:00.000Z#2', 'outbound', false],
      ['2026-02-03T09:03:00.000Z#3', 'inbound', true],
      ['2026-02-03T09:04:00.000Z#4', 'internal', true],
      ['2026-02-03T09:06:00.000Z#6', 'outbound', true],
      ['2026-02-03T09:07:02.000Z#10', 'outbound', true],
      ['2026-02-03T09:09:00.000Z#9', 'outbound', true],
    ]);
    // Still in progress on the next pass: nothing written, nothing lost.
    expect(await recorder().recordAvailable()).toMatchObject({ records: 0, files: [], openSessions: 1 });
    expect(records[0]).toEqual({
      v: 1,
      source: 'sfb',
      sourceId: '2026-02-03T09:01:00.000Z#1',
      startedAt: '2026-02-03T09:01:00.000Z',
      answeredAt: '2026-02-03T09:01:05.000Z',
      endedAt: '2026-02-03T09:02:35.000Z',
      durationSec: 90,
      ringSec: 5,
      direction: 'outbound',
      answered: true,
      responseCode: 200,
      caller: { uri: 'sip:anna.rossi@contoso.com', number: null },
      callee: { uri: 'sip:+390212345678@contoso.com;user=phone', number: '+390212345678' },
      trunk: 'gw-mil-1.contoso.com',
      site: 'MIL',
    });
    expect(records[1]).toMatchObject({ answeredAt: null, durationSec: 0, ringSec: 20, responseCode: 486 });
    expect(records[2]).toMatchObject({
      caller: { uri: 'sip:+390612345678@contoso.com;user=phone', number: '+390612345678' },
      callee: { uri: 'sip:anna.rossi@contoso.com', number: '+390212342001' },
      trunk: 'gw-mil-1.contoso.com',
    });
    expect(records[3]).toMatchObject({
      callee: { uri: 'sip:luca.bianchi@contoso.com', number: null },
      trunk: null,
      site: null,
    });

    // The call in progress ends: the next pass records it, and the checkpoint has nothing open.
    writer.end(T0 + 8 * min, 8, T0 + 8 * min + 65_000, 200, T0 + 8 * min + 5_000);
    const second = await recorder().recordAvailable();
    expect(second).toMatchObject({ records: 1, openSessions: 0, position: '2026-02-03T09:09:00.000Z#9' });
    expect(
      spooled()
        .filter((r) => r.sourceId.endsWith('#8'))
        .map((r) => r.durationSec),
    ).toEqual([60]);

    // A restart resumes where it stopped: nothing is recorded twice.
    expect(await recorder().recordAvailable()).toMatchObject({ records: 0, files: [] });
    expect(spooled()).toHaveLength(8);
  });

  it('records calls whose rows arrive after later calls were read, once, within the look-back', async () => {
    // LcsCDR writes a call when it ends: a long call (1, started first) arrives after a short one (2).
    writer.insert([session(2)]);
    expect((await recorder().recordAvailable()).records).toBe(1);
    writer.insert([session(1, { end: T0 + 40 * min })]);
    const late = await recorder().recordAvailable();
    expect(late).toMatchObject({ records: 1, late: 1, position: '2026-02-03T09:02:00.000Z#2' });
    expect(spooled().map((record) => record.sourceId)).toEqual([
      '2026-02-03T09:01:00.000Z#1',
      '2026-02-03T09:02:00.000Z#2',
    ]);
    // Nothing is written twice on later passes, late or not.
    writer.insert([session(3)]);
    expect(await recorder().recordAvailable()).toMatchObject({ records: 1, late: 0 });
    expect(await recorder().recordAvailable()).toMatchObject({ records: 0, late: 0 });
    expect(spooled()).toHaveLength(3);
    // A row later than the look-back is out of reach (the look-back must exceed the longest call).
    writer.insert([session(0, { start: T0 - 30 * 3_600_000, end: T0 + 4 * min })]);
    expect(await recorder().recordAvailable()).toMatchObject({ records: 0 });
  });

  it('ends an unanswered call at its refusal when LcsCDR has no end time for it', async () => {
    writer.insert([session(1, { responseCode: 487, responseTime: T0 + min + 12_000, end: null })]);
    const pass = await recorder().recordAvailable();
    expect(pass).toMatchObject({ records: 1, openSessions: 0, warnings: [] });
    expect(spooled()[0]).toMatchObject({
      answered: false,
      endedAt: '2026-02-03T09:01:12.000Z',
      ringSec: 12,
      durationSec: 0,
    });
  });

  it('writes a file per batch, named in session order, and moves the checkpoint after each', async () => {
    writer.insert(Array.from({ length: 7 }, (_, i) => session(i + 1)));
    const pass = await recorder(3).recordAvailable();
    expect(pass.files).toEqual([
      expect.stringMatching(/^sfb-20260203T090100000-1_20260203T090300000-3-[0-9a-f]{8}\.ndjson$/),
      expect.stringMatching(/^sfb-20260203T090400000-4_20260203T090600000-6-[0-9a-f]{8}\.ndjson$/),
      expect.stringMatching(/^sfb-20260203T090700000-7_20260203T090700000-7-[0-9a-f]{8}\.ndjson$/),
    ]);
    expect([...pass.files].sort()).toEqual(pass.files);
    expect(readdirSync(join(dir, 'spool')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await repositoriesFor(billing.kysely, billing).checkpoints.get('sfb')).toBe(
      '2026-02-03T09:07:00.000Z#7',
    );
  });

  it('keeps the checkpoint where it was when the spool file cannot be written', async () => {
    writer.insert([session(1)]);
    writeFileSync(join(dir, 'spool'), 'a file where the spool folder should be');
    await expect(recorder().recordAvailable()).rejects.toThrow();
    expect(await repositoriesFor(billing.kysely, billing).checkpoints.get('sfb')).toBeUndefined();
    rmSync(join(dir, 'spool'));
    expect((await recorder().recordAvailable()).records).toBe(1);
  });

  it('records a session that never got an end time after a day, with a warning', async () => {
    writer.insert([session(1, { start: now - 30 * 3_600_000, end: null }), session(2)]);
    const pass = await recorder().recordAvailable();
    expect(pass.records).toBe(2);
    expect(pass.warnings).toEqual([expect.stringContaining('has had no end time for over 24 h')]);
  });

  it('warns when it falls behind the purge horizon, and when rows were purged unread', async () => {
    const checkpoints = repositoriesFor(billing.kysely, billing).checkpoints;
    replica.prepare('update PurgeSettings set KeepCallDetailForDays = 60').run();
    // Recorded up to 57 days ago, rows still there: a warning with days left.
    writer.insert([session(0, { start: now - 57 * 86_400_000 })]);
    await checkpoints.set('sfb', new Date(now - 57 * 86_400_000 - 1000).toISOString() + '#0');
    expect((await recorder().recordAvailable()).warnings).toEqual([
      expect.stringMatching(/falling behind the purge horizon.*2 days left/),
    ]);
    // Recorded up to 70 days ago while the oldest row left is newer: calls were lost.
    await checkpoints.set('sfb', new Date(now - 70 * 86_400_000).toISOString() + '#0');
    expect((await recorder().recordAvailable()).warnings).toEqual([
      expect.stringMatching(/behind the purge horizon.*calls in between are lost/),
    ]);
  });
});
