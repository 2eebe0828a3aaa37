import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAggregateRules } from '../alarms/alarm-evaluator.js';
import type { AlarmRecord } from '../db/alarm.repository.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { openCdrSource } from '../recorder/cdr-source-factory.js';
import { applyLcsCdrReplicaSchema } from '../recorder/lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { Recorder } from '../recorder/recorder.js';
import { DEMO_ALARM_RULES, installDemoAlarmRules } from './demo-alarm-rules.js';
import { DEMO_COMPANY, setUpDemoCompany } from './demo-company.js';
import { generateTraffic, type GeneratedTraffic } from './demo-traffic.js';

// Tuesday to Thursday morning: the marathon call on Tuesday in London, the toll fraud early on Wednesday in Milan.
const FROM = Date.UTC(2026, 2, 3);
const TO = Date.UTC(2026, 2, 5);
const ADMIN_GROUP = '0d3b5f7a-1c2e-4a6b-8d9f-0e1f2a3b4c5d';

describe.each(testEngines())('the demo alarm rules on demo traffic, on $name', (engine) => {
  let dir: string;
  let database: Database;
  let repos: Repositories;
  let traffic: GeneratedTraffic;
  let alarms: AlarmRecord[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerline-demo-alarms-'));
    traffic = generateTraffic(DEMO_COMPANY, {
      from: FROM,
      to: TO,
      seed: 11,
      anomaliesBefore: Date.UTC(2026, 2, 6),
    });
    const replica = new SQLite(join(dir, 'lcscdr.db'));
    applyLcsCdrReplicaSchema(replica);
    new LcsCdrReplicaWriter(replica).insert(traffic.sessions);
    replica.close();
    database = await engine.open();
    await migrateToLatest(database);
    await setUpDemoCompany(database);
    repos = repositoriesFor(database.kysely, database);
    expect(await installDemoAlarmRules(database, ADMIN_GROUP)).toBe(DEMO_ALARM_RULES.length);
    expect(await installDemoAlarmRules(database, ADMIN_GROUP)).toBe(0);

    const now = () => TO + 3_600_000;
    const source = openCdrSource(`sqlite:${join(dir, 'lcscdr.db')}`, {
      siteByGateway: DEMO_COMPANY.siteByGateway,
      now,
    });
    try {
      await new Recorder(source, database, { spoolDir: join(dir, 'spool'), now }).recordAvailable();
    } finally {
      await source.close();
    }
    await new SpoolMiner(database, join(dir, 'spool')).minePending();
    const outcome = await evaluateAggregateRules(database, now());
    expect(outcome.failed).toEqual([]);
    alarms = await repos.alarms.list({ scope: { kind: 'all' }, status: 'all', limit: 500 });
  }, 120_000);
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const of = (rule: string) => alarms.filter((alarm) => alarm.ruleName === rule);
  const userIdOf = async (upn: string) =>
    (await repos.users.list()).find((user) => user.upn === upn)?.id ?? null;

  it('flags the marathon call as a very expensive call, and no ordinary one', async () => {
    const marathon = traffic.placement.marathonCall;
    const expensive = of('A very expensive call');
    expect(expensive.map((alarm) => [alarm.userId, alarm.measured.startedAt])).toEqual([
      [await userIdOf(marathon.upn), marathon.startMs],
    ]);
  });

  it('flags the toll-fraud night as an anomaly and its calls as out of hours', async () => {
    const fraud = traffic.placement.tollFraud;
    const fraudster = await userIdOf(fraud.upn);
    const anomalies = of('International calls at night (toll fraud?)');
    expect(anomalies.map((alarm) => alarm.userId)).toEqual([fraudster]);
    expect(anomalies[0]!.measured.value).toBeGreaterThanOrEqual(30);
    const night = of('Costly calls out of hours');
    expect(night.length).toBeGreaterThanOrEqual(10);
    expect(night.filter((alarm) => alarm.userId === fraudster).length).toBeGreaterThanOrEqual(10);
  });

  it('writes the outbox messages of every alarm, admins by their group', async () => {
    const outbox = await database.kysely.selectFrom('outbox').select(['recipient', 'payload_json']).execute();
    const anomaly = of('International calls at night (toll fraud?)')[0]!;
    expect(
      outbox.filter((row) => JSON.parse(row.payload_json).alarmId === anomaly.id).map((row) => row.recipient),
    ).toContain(`group:${ADMIN_GROUP}`);
  });
});
