import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
  /** Sessions in the day behind the checkpoint during the steady-state polls. */
  steadySessions: number;
  /** Polls timed in the steady state, each after a few new calls ended. */
  steadyPolls: number;
  steadyMsPerPoll: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Sessions as a busy Skype for Business pool leaves them: outbound, inbound and internal calls,
 * unanswered ones, originals whose failure was retried through another gateway (CallFlag 1 on the
 * retry), response-group agent legs (CallFlag 2), and a few calls still in progress at `now`.
 */
function mixedSessions(count: number, seed: number, spread: { from: number; days: number; now: number }) {
  const random = seededRandom(seed);
  const numbers = syntheticNumbers(50_000, random);
  const calls = syntheticCalls(count, numbers.length, random);
  const sessions: ReplicaSession[] = [];
  let seq = 0;
  for (let i = 0; i < count; i++) {
    // syntheticCalls lays calls over 90 days from 2026-01-01: fold them into the wanted span.
    const offset = ((calls.startedAt[i] as number) - Date.UTC(2026, 0, 1)) % (spread.days * DAY);
    const start = spread.from + offset;
    const answered = calls.answered[i] === 1;
    const e164 = numbers[calls.numberIndex[i] as number]!.e164;
    const user = `user${i % 300}@contoso.com`;
    const talkMs = (calls.durationSec[i] as number) * 1000;
    const kind = random();
    const base: ReplicaSession = {
      start,
      seq: seq++,
      responseCode: answered ? 200 : 486,
      responseTime: start + 4_000,
      end: start + 4_000 + talkMs,
      starter: user,
      other: `${e164}@contoso.com;user=phone`,
      connectedNumber: e164,
      toGateway: 'gw-mil-1.contoso.com',
      mediationServer: 'med-mil.contoso.com',
    };
    if (kind < 0.25) {
      sessions.push({
        ...base,
        starter: `${e164}@contoso.com;user=phone`,
        other: user,
        fromNumber: e164,
        connectedNumber: null,
        toGateway: null,
        fromGateway: 'gw-mil-1.contoso.com',
      });
    } else if (kind < 0.4) {
      sessions.push({
        ...base,
        other: `user${(i + 7) % 300}@contoso.com`,
        connectedNumber: null,
        toGateway: null,
      });
    } else if (kind < 0.405) {
      // A response-group agent leg: an internal leg of an inbound call.
      sessions.push({
        ...base,
        other: `agent${i % 20}@contoso.com`,
        connectedNumber: null,
        toGateway: null,
        callFlag: 2,
      });
    } else if (kind < 0.415) {
      // The first attempt fails on one gateway; the retry through the other is the call.
      sessions.push({
        ...base,
        responseCode: 503,
        responseTime: start + 500,
        end: start + 500,
        toGateway: 'gw-mil-2.contoso.com',
      });
      sessions.push({
        ...base,
        start: start + 2_000,
        seq: seq++,
        responseTime: start + 6_000,
        end: start + 6_000 + talkMs,
        callFlag: 1,
      });
    } else if (kind < 0.416) {
      // Still going on: started in the last hour before now.
      sessions.push({
        ...base,
        start: spread.now - HOUR + (i % 3_000) * 1_000,
        responseTime: null,
        end: null,
        responseCode: 200,
      });
    } else {
      sessions.push(base);
    }
  }
  return sessions;
}

/** A replica file filled with sessions, 20,000 to a transaction; its handle stays open for more. */
function fillReplica(path: string, sessions: ReplicaSession[]) {
  const replica = new SQLite(path);
  replica.pragma('journal_mode = WAL');
  applyLcsCdrReplicaSchema(replica);
  const writer = new LcsCdrReplicaWriter(replica);
  for (let start = 0; start < sessions.length; start += 20_000)
    writer.insert(sessions.slice(start, start + 20_000));
  return { replica, writer };
}

/**
 * The recorder on a SQLite LcsCDR replica: a cold pass over `count` sessions of mixed traffic
 * (sessions per second), then the steady state: a replica holding a day of `steadyCount` sessions
 * behind the checkpoint, polled again and again with a few new calls each time (ms per poll; each
 * poll reads back over the look-back window for calls whose rows arrived late).
 */
export async function runRecorderBench(count: number, steadyCount = count / 4): Promise<RecorderBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-recorder-bench-'));
  try {
    const now = Date.UTC(2026, 2, 31, 23);
    const sessions = mixedSessions(count, 11, { from: Date.UTC(2026, 0, 1), days: 89, now });
    fillReplica(join(dir, 'lcscdr.db'), sessions).replica.close();
    const billing = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(billing);
    const source = openCdrSource(`sqlite:${join(dir, 'lcscdr.db')}`, { now: () => now });
    const recorder = new Recorder(source, billing, { spoolDir: join(dir, 'spool'), now: () => now });
    const start = performance.now();
    const pass = await recorder.recordAvailable();
    const seconds = (performance.now() - start) / 1000;
    await source.close();
    await billing.close();
    if (pass.records + pass.skipped + pass.openSessions !== sessions.length)
      throw new Error(
        `of ${sessions.length} sessions, ${pass.records} recorded, ${pass.skipped} skipped, ${pass.openSessions} open`,
      );
    const steady = await runSteadyState(join(dir, 'steady'), Math.round(steadyCount));
    return {
      sessions: sessions.length,
      records: pass.records,
      files: pass.files.length,
      seconds,
      sessionsPerSecond: Math.round(sessions.length / seconds),
      steadySessions: steady.sessions,
      steadyPolls: steady.polls,
      steadyMsPerPoll: steady.msPerPoll,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A day of sessions recorded, then polls timed, each after five more calls ended. */
async function runSteadyState(
  dir: string,
  count: number,
): Promise<{ sessions: number; polls: number; msPerPoll: number }> {
  mkdirSync(dir, { recursive: true });
  const dayStart = Date.UTC(2026, 3, 1);
  let now = dayStart + DAY;
  const sessions = mixedSessions(count, 13, { from: dayStart, days: 1, now });
  const replicaPath = join(dir, 'lcscdr.db');
  const { replica, writer } = fillReplica(replicaPath, sessions);
  const billing = connect(`sqlite:${join(dir, 'billing.db')}`);
  await migrateToLatest(billing);
  const source = openCdrSource(`sqlite:${replicaPath}`, { now: () => now });
  const recorder = new Recorder(source, billing, { spoolDir: join(dir, 'spool'), now: () => now });
  await recorder.recordAvailable();
  await recorder.recordAvailable();
  const polls = 20;
  let seq = 10_000_000;
  let elapsed = 0;
  for (let poll = 0; poll < polls; poll++) {
    now += 10_000;
    writer.insert(
      Array.from({ length: 5 }, (_, i) => ({
        start: now - 70_000 + i * 1_000,
        seq: seq++,
        responseCode: 200,
        responseTime: now - 65_000 + i * 1_000,
        end: now - 5_000,
        starter: `user${i}@contoso.com`,
        other: '+390212345678@contoso.com;user=phone',
        connectedNumber: '+390212345678',
        toGateway: 'gw-mil-1.contoso.com',
      })),
    );
    const start = performance.now();
    const pass = await recorder.recordAvailable();
    elapsed += performance.now() - start;
    if (pass.records < 5) throw new Error(`a steady-state poll recorded ${pass.records} of 5 new calls`);
  }
  await source.close();
  await billing.close();
  replica.close();
  return { sessions: sessions.length, polls, msPerPoll: Math.round((elapsed / polls) * 10) / 10 };
}
