import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { DEMO_COMPANY, setUpDemoCompany } from '../demo/demo-company.js';
import { LiveTraffic } from '../demo/live-traffic.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { openCdrSource } from '../recorder/cdr-source-factory.js';
import type { CdrSource } from '../recorder/cdr-source.js';
import { applyLcsCdrReplicaSchema } from '../recorder/lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { mineOnce, recordOnce } from './pipeline-loops.js';
import type { Reporter } from './reporter.js';

/** What the demo keeps between runs, so a second start continues the same company's traffic. */
interface DemoState {
  seed: number;
  startMs: number;
  anomaliesBefore: number;
  generatedUntil: number;
}

/** The demo's data folder, open: billing database, LcsCDR replica, traffic, spool. */
export interface DemoWorld {
  database: Database;
  spoolDir: string;
  source: CdrSource;
  miner: SpoolMiner;
  /** Advances the replica's phone traffic to `nowMs`; returns the sessions started. */
  advance(nowMs: number): number;
  close(): Promise<void>;
}

const DAY = 86_400_000;
/** The history a new demo gets, in days. */
export const DEFAULT_DAYS = 90;

/**
 * Prepares the demo in `dataDir`: the billing schema and the demo company (first run only), the
 * LcsCDR replica with `days` of history up to now (first run) or the traffic of the time the demo
 * was stopped (later runs). The real recorder and miner then read it like a real Skype for
 * Business deployment.
 */
export async function openDemoWorld(
  database: Database,
  dataDir: string,
  days: number,
  reporter: Reporter,
  now = Date.now(),
): Promise<DemoWorld> {
  await migrateToLatest(database);
  const repos = repositoriesFor(database.kysely, database);
  if ((await repos.sites.list()).length === 0) {
    reporter.info(
      `setting up ${DEMO_COMPANY.name}: ${DEMO_COMPANY.sites.length} sites, ${DEMO_COMPANY.users.length} people, ${DEMO_COMPANY.carriers.length} carriers`,
    );
    await setUpDemoCompany(database);
  }

  const statePath = join(dataDir, 'demo.json');
  const fresh = !existsSync(statePath);
  const state: DemoState = fresh
    ? { seed: 1, startMs: now - days * DAY, anomaliesBefore: now, generatedUntil: now - days * DAY - 1 }
    : (JSON.parse(readFileSync(statePath, 'utf8')) as DemoState);
  const replica = new SQLite(join(dataDir, 'lcscdr.db'));
  replica.pragma('journal_mode = WAL');
  replica.pragma('busy_timeout = 5000');
  applyLcsCdrReplicaSchema(replica);
  const writer = new LcsCdrReplicaWriter(replica);
  // History follows the working day; from the first start on, calls keep arriving at any hour.
  const traffic = new LiveTraffic(DEMO_COMPANY, {
    seed: state.seed,
    startMs: state.startMs,
    anomaliesBefore: state.anomaliesBefore,
    liveFrom: state.anomaliesBefore,
  });
  // Replaying up to where the last run stopped rebuilds the calls in progress then; the
  // sessions themselves are in the replica already.
  if (!fresh) traffic.tick(state.generatedUntil);

  const saveState = (generatedUntil: number) => {
    state.generatedUntil = generatedUntil;
    // Written whole, then renamed: a stop in between leaves the previous state.
    writeFileSync(`${statePath}.tmp`, JSON.stringify(state, null, 2));
    renameSync(`${statePath}.tmp`, statePath);
  };
  const advance = (nowMs: number): number => {
    const tick = traffic.tick(nowMs);
    writer.insert(tick.insert);
    for (const end of tick.end) writer.end(end.start, end.seq, end.end, end.responseCode, end.responseTime);
    saveState(nowMs);
    return tick.insert.length;
  };

  const gapDays = (now - state.generatedUntil) / DAY;
  if (fresh) reporter.info(`generating ${days} days of phone traffic in the LcsCDR replica`);
  else {
    if (days !== DEFAULT_DAYS)
      reporter.info(`the demo data exists already: --days applies to a new data folder only`);
    if (gapDays > 1 / 24)
      reporter.info(`catching up ${gapDays.toFixed(1)} days of phone traffic since the demo last ran`);
  }
  // A day at a time, so months of history never sit in memory at once.
  const steps = Math.max(1, Math.ceil(gapDays));
  const bar = steps > 1 ? reporter.progress('writing LcsCDR sessions', steps, 'days') : null;
  for (let step = 1; step <= steps; step++) {
    advance(step === steps ? now : state.generatedUntil + DAY);
    bar?.update(step);
  }
  bar?.stop();

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
    close: async () => {
      await source.close();
      replica.close();
    },
  };
}

/** Records and mines until nothing is left behind; returns the calls recorded. */
export async function catchUp(world: DemoWorld, reporter: Reporter): Promise<number> {
  const recorded = await recordOnce(world.source, world.database, world.spoolDir, reporter);
  await mineOnce(world.database, world.spoolDir, reporter, world.miner);
  return recorded;
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
  const total = counts.rated + counts.unrated + counts.free;
  const costs = byCurrency
    .filter((entry) => entry.currency !== null)
    .map((entry) => {
      const format = new Intl.NumberFormat('en', { style: 'currency', currency: entry.currency as string });
      return `${format.format(entry.cost / 1e6)} (${entry.calls.toLocaleString('en')} calls)`;
    });
  return [
    `${DEMO_COMPANY.name}: ${sites.length} sites, ${users.filter((user) => !user.anonymous).length} people, ${users.filter((user) => user.anonymous).length} anonymous phones`,
    `${total.toLocaleString('en')} calls from ${day(counts.firstStartedAt)} to ${day(counts.lastStartedAt)}: ${counts.rated.toLocaleString('en')} rated, ${counts.unrated.toLocaleString('en')} unrated, ${counts.free.toLocaleString('en')} free (inbound, internal, emergency); ${rejected} rejected lines`,
    `cost: ${costs.join(', ') || 'none yet'}`,
  ];
}
