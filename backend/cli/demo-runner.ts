import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { DEMO_COMPANY, setUpDemoCompany } from '../demo/demo-company.js';
import { LEGACY_EXPORT_FILE, legacyPbxExport } from '../demo/legacy-export.js';
import { LiveTraffic } from '../demo/live-traffic.js';
import { installDemoAlarmRules } from '../demo/demo-alarm-rules.js';
import { installDemoSchedules } from '../demo/demo-schedules.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { openCdrSource } from '../recorder/cdr-source-factory.js';
import type { CdrSource } from '../recorder/cdr-source.js';
import { applyLcsCdrReplicaSchema } from '../recorder/lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter, type ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { readDemoState, writeDemoState, type DemoState } from './demo-state.js';
import { importFiles } from './import-files.js';
import { FILES_BAR_FROM, mineOnce, recordOnce, type MiningTotals } from './pipeline-loops.js';
import type { Progress, Reporter } from './reporter.js';

/** The demo's data folder, open: billing database, LcsCDR replica, traffic, spool. */
export interface DemoWorld {
  database: Database;
  spoolDir: string;
  source: CdrSource;
  miner: SpoolMiner;
  /** Advances the replica's phone traffic to `nowMs`; returns the calls started. */
  advance(nowMs: number): number;
  /** Calls written to the replica that the recorder has not read yet (an estimate, for bars). */
  unrecorded: number;
  /** The old PBX's export, imported on the first catch-up (each start checks it is). */
  legacyExport: string;
  close(): Promise<void>;
}

/** How a demo world is opened. */
export interface DemoWorldOptions {
  /** The demo's start: history and catch-up end here. */
  now?: number;
  /** The demo runs on after the catch-up: from `now` on, calls arrive every few seconds. */
  live?: boolean;
  /** Stops writing the history early (the person pressed Ctrl-C). */
  signal?: AbortSignal;
}

const DAY = 86_400_000;
/** The history a new demo gets, in days. */
export const DEFAULT_DAYS = 90;
/** From this many calls on, a catch-up shows a bar while recording. */
const RECORDING_BAR_FROM = 2_000;

/** An audio session the recorder writes out (not an instant message, not an attempt that failed over). */
function isCall(session: ReplicaSession): boolean {
  return ((session.mediaTypes ?? 16) & 16) !== 0 && session.responseCode !== 503;
}

/**
 * Prepares the demo in `dataDir`: the billing schema and the demo company (first run only), the
 * LcsCDR replica with `days` of history up to now (first run) or the traffic of the time the demo
 * was stopped (later runs), both following the working day. The real recorder and miner then read
 * it like a real Skype for Business deployment.
 */
export async function openDemoWorld(
  database: Database,
  dataDir: string,
  days: number,
  reporter: Reporter,
  { now = Date.now(), live = false, signal }: DemoWorldOptions = {},
): Promise<DemoWorld> {
  await migrateToLatest(database);
  const repos = repositoriesFor(database.kysely, database);
  if ((await repos.sites.list()).length === 0) {
    reporter.info(
      `setting up ${DEMO_COMPANY.name}: ${DEMO_COMPANY.sites.length} sites, ${DEMO_COMPANY.users.length} people, ${DEMO_COMPANY.carriers.length} carriers`,
    );
    await setUpDemoCompany(database);
  }
  // Before any call is mined, so the history's anomalies raise their alarms as they are stored.
  await installDemoAlarmRules(database, DEMO_COMPANY.adminGroupId);
  await installDemoSchedules(database);

  const statePath = join(dataDir, 'demo.json');
  const saved = readDemoState(statePath);
  const state: DemoState = saved ?? {
    seed: 1,
    startMs: now - days * DAY,
    anomaliesBefore: now,
    generatedUntil: now - days * DAY - 1,
    nextSeq: 1,
    open: [],
  };
  const replica = new SQLite(join(dataDir, 'lcscdr.db'));
  replica.pragma('journal_mode = WAL');
  replica.pragma('busy_timeout = 5000');
  applyLcsCdrReplicaSchema(replica);
  // The demo keeps its months of history: no purge job runs on this replica, and it says so.
  replica.prepare('update PurgeSettings set EnablePurge = 0').run();
  const writer = new LcsCdrReplicaWriter(replica);
  // Carries on from the saved state; only the live time of this run gets extra calls.
  const traffic = new LiveTraffic(DEMO_COMPANY, {
    seed: state.seed,
    startMs: state.generatedUntil + 1,
    firstSeq: state.nextSeq,
    open: state.open,
    anomaliesBefore: state.anomaliesBefore,
    ...(live ? { liveFrom: now } : {}),
  });
  // A stop between writing sessions and saving the state leaves sessions the state does not know.
  let written = lastSeqInReplica(replica);

  // Calls the recorder can read now: ended ones (a call in progress is read when it ends).
  let unrecorded = 0;
  const callsInProgress = new Set(state.open.filter(isCall).map((session) => session.seq));
  const advance = (nowMs: number): number => {
    const tick = traffic.tick(nowMs);
    const fresh = tick.insert.filter((session) => session.seq > written);
    writer.insert(fresh);
    for (const end of tick.end) {
      writer.end(end.start, end.seq, end.end, end.responseCode, end.responseTime);
      if (callsInProgress.delete(end.seq)) unrecorded++;
    }
    written = Math.max(written, traffic.nextSeq - 1);
    writeDemoState(statePath, {
      ...state,
      generatedUntil: nowMs,
      nextSeq: traffic.nextSeq,
      open: [...traffic.openSessions],
    });
    const calls = fresh.filter(isCall);
    for (const call of calls) {
      if (call.end === null) callsInProgress.add(call.seq);
      else unrecorded++;
    }
    return calls.length;
  };

  const gap = now - state.generatedUntil - 1;
  if (!saved) reporter.info(`generating ${days} days of phone traffic in the LcsCDR replica`);
  else {
    if (days !== DEFAULT_DAYS)
      reporter.info(`the demo data exists already: --days applies to a new data folder only`);
    if (gap > DAY / 24)
      reporter.info(`catching up ${(gap / DAY).toFixed(1)} days of phone traffic since the demo last ran`);
  }
  // A day at a time, so months of history never sit in memory at once.
  const steps = Math.max(1, Math.ceil(gap / DAY));
  const bar = steps > 1 ? reporter.progress('writing LcsCDR sessions', steps, 'days') : null;
  for (let step = 1; step <= steps && !signal?.aborted; step++) {
    advance(step === steps ? now : state.generatedUntil + step * DAY);
    bar?.update(step);
  }
  bar?.stop();

  const legacyExport = join(dataDir, 'import', LEGACY_EXPORT_FILE);
  if (!saved) {
    mkdirSync(join(dataDir, 'import'), { recursive: true });
    writeFileSync(legacyExport, legacyPbxExport(DEMO_COMPANY, state.seed, state.startMs));
  }

  const spoolDir = join(dataDir, 'spool');
  const source = openCdrSource(`sqlite:${join(dataDir, 'lcscdr.db')}`, {
    siteByGateway: DEMO_COMPANY.siteByGateway,
  });
  return {
    database,
    spoolDir,
    source,
    miner: new SpoolMiner(database, spoolDir),
    advance,
    legacyExport,
    get unrecorded() {
      return unrecorded;
    },
    set unrecorded(value: number) {
      unrecorded = value;
    },
    close: async () => {
      await source.close();
      replica.close();
    },
  };
}

function lastSeqInReplica(replica: SQLite.Database): number {
  const row = replica
    .prepare(
      'select SessionIdSeq as seq from SessionDetails order by SessionIdTime desc, SessionIdSeq desc limit 1',
    )
    .get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

/** What a catch-up did. */
export interface CatchUp {
  recorded: number;
  mined: MiningTotals;
}

/**
 * Records and mines until nothing is left behind. A long catch-up (the first start, a restart
 * after days) shows a bar over the calls recorded and one over the files mined; a live round
 * (`quiet`) logs its files at debug level only.
 */
export async function catchUp(
  world: DemoWorld,
  reporter: Reporter,
  { quiet = false, signal }: { quiet?: boolean; signal?: AbortSignal } = {},
): Promise<CatchUp> {
  const expected = world.unrecorded;
  const bar: Progress | null =
    !quiet && expected >= RECORDING_BAR_FROM ? reporter.progress('recording calls', expected, 'calls') : null;
  let recorded = 0;
  try {
    await recordOnce(world.source, world.database, world.spoolDir, reporter, (name, records) => {
      recorded += records;
      bar?.update(recorded);
      reporter.debug(`recorded ${name}`, { calls: records });
    });
  } finally {
    bar?.stop();
  }
  world.unrecorded = Math.max(0, world.unrecorded - recorded);
  const empty: MiningTotals = { files: 0, skipped: 0, calls: 0, duplicates: 0, rejected: 0 };
  if (signal?.aborted) return { recorded, mined: empty };
  // A line per spool file says little here: many files get a bar and a line, a few one line below.
  const mined = await mineOnce(world.database, world.spoolDir, reporter, world.miner, { quiet: true });
  if (!quiet && mined.files > 0 && mined.files < FILES_BAR_FROM) {
    reporter.info(
      `caught up: ${mined.calls.toLocaleString('en')} calls recorded and stored${mined.duplicates > 0 ? `, ${mined.duplicates} stored before` : ''}${mined.rejected > 0 ? `, ${mined.rejected} lines rejected` : ''}`,
    );
  }
  if (!quiet && existsSync(world.legacyExport)) await importLegacyExport(world, reporter);
  return { recorded, mined };
}

/** Imports the old PBX's export as an administrator would with `ledgerline import` (once). */
async function importLegacyExport(world: DemoWorld, reporter: Reporter): Promise<void> {
  const { totals } = await importFiles(world.database, [world.legacyExport], reporter, { quiet: true });
  if (totals.skipped > 0) return;
  reporter.info(
    `imported the old PBX's last week (${world.legacyExport}): ${totals.calls} calls, ${totals.rejected} lines rejected`,
  );
}

/** A few lines on what the demo holds now. */
export async function demoSummary(database: Database): Promise<string[]> {
  const repos = repositoriesFor(database.kysely, database);
  const counts = await repos.calls.pipelineCounts();
  const rejected = await repos.rejects.count();
  const byCurrency = await repos.calls.costByCurrency(19700101, 99991231);
  const users = await repos.users.list();
  const sites = await repos.sites.list();
  const day = (ms: number | null) => (ms === null ? 'none' : new Date(ms).toISOString().slice(0, 10));
  const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
  const total = counts.rated + counts.unrated + counts.free;
  const costs = byCurrency
    .filter((entry) => entry.currency !== null)
    .map((entry) => {
      const format = new Intl.NumberFormat('en', { style: 'currency', currency: entry.currency as string });
      return `${format.format(entry.cost / 1e6)} (${count(entry.calls, 'call', 'calls')})`;
    });
  const anonymous = users.filter((user) => user.anonymous).length;
  return [
    `${DEMO_COMPANY.name}: ${count(sites.length, 'site', 'sites')}, ${count(users.length - anonymous, 'person', 'people')}, ${count(anonymous, 'anonymous phone', 'anonymous phones')}`,
    `${count(total, 'call', 'calls')} from ${day(counts.firstStartedAt)} to ${day(counts.lastStartedAt)}: ${counts.rated.toLocaleString('en')} rated, ${counts.unrated.toLocaleString('en')} unrated, ${counts.free.toLocaleString('en')} free (inbound, internal, emergency); ${count(rejected, 'rejected line', 'rejected lines')}`,
    `cost: ${costs.join(', ') || 'none yet'}`,
  ];
}
