import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { connect } from '../backend/db/connect.js';
import type { Database } from '../backend/db/database.js';
import { migrateToLatest } from '../backend/db/migrations/migrate.js';
import { repositoriesFor } from '../backend/db/repositories.js';
import { SQLITE_PRAGMAS } from '../backend/db/sqlite/sqlite-connection.js';
import type { CallRecord } from '../backend/domain/call-record.js';
import { installDemoAlarmRules } from '../backend/demo/demo-alarm-rules.js';
import { MiningTablesBuilder } from '../backend/miner/mining-tables.js';
import { mineSpoolFile } from '../backend/miner/spool-file-miner.js';
import { MILAN } from './rating-bench.js';
import { seededRandom, syntheticCalls, syntheticNumbers, syntheticPlan } from './synthetic-traffic.js';

/** Figures of the miner benchmark. */
export interface MinerBenchResult {
  calls: number;
  spoolBytes: number;
  minerSeconds: number;
  minerCallsPerSecond: number;
  baselineSeconds: number;
  baselineRowsPerSecond: number;
  ratio: number;
  minerPeakRssBytes: number;
  /** The same file mined again with the demo's per-call alarm rules on (evaluated in its transaction). */
  withAlarmsSeconds: number;
  withAlarmsCallsPerSecond: number;
  /** Alarms those rules raised on the synthetic traffic. */
  alarmsRaised: number;
}

const USERS = 300;

/** A Milan company of 300 users on one carrier with a 5,000-prefix tariff. */
async function setUpCompany(database: Database, random: () => number): Promise<void> {
  const repos = repositoriesFor(database.kysely, database);
  const { code, name, timeZone, currency, dialPlan } = MILAN;
  const siteId = await repos.sites.save({ code, name, timeZone, currency, dialPlan });
  const departmentId = await repos.departments.save({
    code: 'OPS',
    name: 'Operations',
    parentId: null,
    costCenter: null,
    supervisorGroupId: null,
  });
  for (let i = 0; i < USERS; i++) {
    const userId = await repos.users.save({
      upn: `user${i}@contoso.com`,
      displayName: `User ${i}`,
      entraObjectId: null,
      sipUri: `sip:user${i}@contoso.com`,
      departmentId,
      siteId,
    });
    await repos.users.setNumber({ userId, siteId, kind: 'extension', number: String(2000 + i) });
  }
  const carrierId = await repos.carriers.save({ code: 'synthetic', name: 'Synthetic carrier' });
  await repos.tariffPlans.save(carrierId, syntheticPlan(5_000, random));
  await repos.routingRules.replaceAll([{ priority: 1, siteId: null, trunk: null, prefix: null, carrierId }]);
}

/** Writes `count` CallRecord lines of Milan's synthetic traffic. */
async function writeSpool(path: string, count: number, random: () => number): Promise<number> {
  const numbers = syntheticNumbers(50_000, random);
  const calls = syntheticCalls(count, numbers.length, random);
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const started = calls.startedAt[i] as number;
    const answered = calls.answered[i] === 1;
    const duration = calls.durationSec[i] as number;
    const record: CallRecord = {
      v: 1,
      source: 'sfb',
      sourceId: `${new Date(started).toISOString()}#${i}`,
      startedAt: new Date(started).toISOString(),
      answeredAt: answered ? new Date(started + 4_000).toISOString() : null,
      endedAt: new Date(started + 4_000 + duration * 1000).toISOString(),
      durationSec: duration,
      ringSec: answered ? 4 : 20,
      direction: 'outbound',
      answered,
      responseCode: answered ? 200 : 486,
      caller: { uri: `sip:user${i % USERS}@contoso.com`, number: null },
      callee: { uri: null, number: numbers[calls.numberIndex[i] as number]!.dialled },
      trunk: 'gw-mil-1',
      site: 'MIL',
    };
    chunk += `${JSON.stringify(record)}\n`;
    if (chunk.length > 1 << 20) {
      bytes += chunk.length;
      if (!out.write(chunk)) await new Promise<void>((done) => out.once('drain', () => done()));
      chunk = '';
    }
  }
  bytes += chunk.length;
  out.end(chunk);
  await new Promise<void>((done) => out.on('finish', () => done()));
  return bytes;
}

/**
 * Mines a spool file of `count` calls into SQLite, then, in the same process, inserts the very rows
 * it stored into a copy of the database as it was before mining, with one prepared statement in
 * one transaction: the ratio of the two rates says how close the miner comes to writing alone.
 */
export async function runMinerBench(count: number): Promise<MinerBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-bench-'));
  try {
    const random = seededRandom(7);
    const database = connect(`sqlite:${join(dir, 'miner.db')}`);
    await migrateToLatest(database);
    await setUpCompany(database, random);
    // The baseline writes into the same database as it is before mining: same schema, directory,
    // constraints and settings.
    await sql`vacuum into ${join(dir, 'baseline.db')}`.execute(database.kysely);
    await sql`vacuum into ${join(dir, 'alarms.db')}`.execute(database.kysely);
    const spool = join(dir, 'sfb-bench.ndjson');
    const spoolBytes = await writeSpool(spool, count, random);
    globalThis.gc?.();

    const start = performance.now();
    const outcome = await mineSpoolFile(database, new MiningTablesBuilder(), {
      path: spool,
      name: 'sfb-bench.ndjson',
    });
    const minerSeconds = (performance.now() - start) / 1000;
    const minerPeakRssBytes = process.resourceUsage().maxRSS * 1024;
    await database.close();
    if (outcome.calls !== count)
      throw new Error(`mined ${outcome.calls} calls of ${count} (${outcome.rejected} rejected)`);

    const baselineSeconds = await baselineInsert(join(dir, 'miner.db'), join(dir, 'baseline.db'));
    const withAlarms = await mineWithAlarmRules(join(dir, 'alarms.db'), spool, count);
    return {
      calls: count,
      spoolBytes,
      minerSeconds,
      minerCallsPerSecond: Math.round(count / minerSeconds),
      baselineSeconds,
      baselineRowsPerSecond: Math.round(count / baselineSeconds),
      ratio: baselineSeconds / minerSeconds,
      minerPeakRssBytes,
      withAlarmsSeconds: withAlarms.seconds,
      withAlarmsCallsPerSecond: Math.round(count / withAlarms.seconds),
      alarmsRaised: withAlarms.alarms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Mines the spool file into the database as it was before mining, with the demo's alarm rules
 * installed: the per-call ones (expensive call, premium numbers, out of hours) run in the file's
 * transaction. Returns the seconds it took and how many alarms were raised.
 */
async function mineWithAlarmRules(
  path: string,
  spool: string,
  count: number,
): Promise<{ seconds: number; alarms: number }> {
  const database = connect(`sqlite:${path}`);
  try {
    await installDemoAlarmRules(database, null);
    globalThis.gc?.();
    const start = performance.now();
    const outcome = await mineSpoolFile(database, new MiningTablesBuilder(), {
      path: spool,
      name: 'sfb-bench.ndjson',
    });
    const seconds = (performance.now() - start) / 1000;
    if (outcome.calls !== count) throw new Error(`mined ${outcome.calls} calls of ${count} with alarm rules`);
    const { alarms } = await database.kysely
      .selectFrom('alarms')
      .select((eb) => eb.fn.countAll<number>().as('alarms'))
      .executeTakeFirstOrThrow();
    return { seconds, alarms: Number(alarms) };
  } finally {
    await database.close();
  }
}

/**
 * Seconds to insert the miner's rows into the copy of the database taken before mining: one
 * prepared statement, one transaction, the connection set up as the miner's (foreign keys on).
 */
async function baselineInsert(sourcePath: string, targetPath: string): Promise<number> {
  const db = new SQLite(targetPath);
  for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
  db.prepare('attach database ? as source').run(sourcePath);
  // The rows point at the spool file and anonymous users the miner created: copy those first.
  db.exec('insert into spool_files select * from source.spool_files');
  db.exec('insert into users select * from source.users where id not in (select id from main.users)');
  const columns = (db.prepare('select * from source.calls limit 1').columns() as { name: string }[])
    .map((column) => column.name)
    .filter((name) => name !== 'id');
  const insert = db.prepare(
    `insert into calls (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  const read = db
    .prepare(`select id, ${columns.join(', ')} from source.calls where id > ? order by id limit 50000`)
    .raw();
  let seconds = 0;
  let last = 0;
  db.exec('begin');
  for (;;) {
    const rows = read.all(last) as unknown[][];
    if (rows.length === 0) break;
    last = (rows[rows.length - 1] as unknown[])[0] as number;
    const values = rows.map((row) => row.slice(1));
    const start = performance.now();
    for (const row of values) insert.run(row);
    seconds += (performance.now() - start) / 1000;
  }
  const start = performance.now();
  db.exec('commit');
  seconds += (performance.now() - start) / 1000;
  db.close();
  return seconds;
}
