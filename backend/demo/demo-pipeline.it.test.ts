import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { parseMoney } from '../domain/money.js';
import type { StoredCall } from '../domain/rated-call.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { openCdrSource } from '../recorder/cdr-source-factory.js';
import { applyLcsCdrReplicaSchema } from '../recorder/lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter, type ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { Recorder, type RecordingPass } from '../recorder/recorder.js';
import { DEMO_COMPANY, setUpDemoCompany } from './demo-company.js';
import { generateTraffic, type GeneratedTraffic } from './demo-traffic.js';

// Tuesday and Wednesday; the anomalies land in them: the marathon call on Tuesday morning in
// London, the toll-fraud night early on Wednesday in Milan.
const FROM = Date.UTC(2026, 2, 3);
const TO = Date.UTC(2026, 2, 5);
const ANOMALIES_BEFORE = Date.UTC(2026, 2, 6);

// A first attempt that failed over (503) is not a call: its retried session (CallFlag 1) is.
const isCall = (session: ReplicaSession) =>
  ((session.mediaTypes ?? 16) & 16) !== 0 && session.responseCode !== 503;

describe.each(testEngines())('demo traffic through the real recorder and miner on $name', (engine) => {
  let dir: string;
  let database: Database;
  let repos: Repositories;
  let traffic: GeneratedTraffic;
  let recorded: RecordingPass;
  let stored: StoredCall[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerline-demo-'));
    traffic = generateTraffic(DEMO_COMPANY, {
      from: FROM,
      to: TO,
      seed: 11,
      anomaliesBefore: ANOMALIES_BEFORE,
    });
    const replica = new SQLite(join(dir, 'lcscdr.db'));
    applyLcsCdrReplicaSchema(replica);
    new LcsCdrReplicaWriter(replica).insert(traffic.sessions);
    replica.close();

    database = await engine.open();
    await migrateToLatest(database);
    await setUpDemoCompany(database);
    repos = repositoriesFor(database.kysely, database);

    const now = () => TO + 3_600_000;
    const source = openCdrSource(`sqlite:${join(dir, 'lcscdr.db')}`, {
      siteByGateway: DEMO_COMPANY.siteByGateway,
      now,
    });
    try {
      recorded = await new Recorder(source, database, {
        spoolDir: join(dir, 'spool'),
        now,
      }).recordAvailable();
    } finally {
      await source.close();
    }
    await new SpoolMiner(database, join(dir, 'spool')).minePending();
    stored = await repos.calls.list({ kind: 'all' }, 20260301, 20260310, { offset: 0, limit: 100_000 });
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records every audio call and skips retried attempts and instant messages', () => {
    const calls = traffic.sessions.filter(isCall);
    const retried = traffic.sessions.filter((session) => session.callFlag === 1).length;
    expect(calls.length).toBeGreaterThan(3000);
    expect(recorded.records).toBe(calls.length);
    // Instant messages are not even read (audio only, in SQL); attempts a retry repeats are skipped.
    expect(recorded.skipped).toBe(retried);
    expect(recorded.openSessions).toBe(0);
    expect(stored).toHaveLength(calls.length);
  });

  it('rejects nothing and finds everyone, except the one phone nobody listed', async () => {
    expect(await repos.rejects.count()).toBe(0);
    const anonymous = (await repos.users.list()).filter((user) => user.anonymous);
    const unlistedCalls = traffic.sessions.filter(
      (session) => isCall(session) && session.starter === DEMO_COMPANY.unlistedPhones[0]!.userUri,
    );
    expect(unlistedCalls.length).toBeGreaterThan(0);
    expect(anonymous.map((user) => user.displayName)).toEqual(['Extension 2690 (Milano)']);
    expect(stored.filter((call) => call.userId === anonymous[0]!.id)).toHaveLength(unlistedCalls.length);
    expect(stored.filter((call) => call.userId === null)).toEqual([]);
  });

  it('charges each call to the person the generator made it for, in their department and site', async () => {
    const users = new Map((await repos.users.list()).map((user) => [user.id, user]));
    const sites = new Map((await repos.sites.list()).map((site) => [site.id, site.code]));
    const byUri = new Map(DEMO_COMPANY.users.map((user) => [user.sipUri.replace(/^sip:/, ''), user]));
    const sessions = new Map(
      traffic.sessions.map((session) => [`${new Date(session.start).toISOString()}#${session.seq}`, session]),
    );
    for (const call of stored) {
      const session = sessions.get(call.sourceId)!;
      const owner = byUri.get(call.direction === 'inbound' ? session.other! : session.starter);
      if (!owner) continue; // the unlisted phone
      const user = users.get(call.userId!)!;
      expect(user.upn, call.sourceId).toBe(owner.upn);
      expect(call.departmentId).toBe(user.departmentId);
      expect(sites.get(call.siteId!)).toBe(owner.siteCode);
    }
  });

  it('rates outbound calls in their site currency, except what no tariff lists; inbound and internal calls are free', async () => {
    const outbound = stored.filter((call) => call.direction === 'outbound');
    const currencies = new Map((await repos.sites.list()).map((site) => [site.id, site.currency]));
    const rated = outbound.filter((call) => call.ratingStatus === 'rated');
    expect(rated.filter((call) => call.currency !== currencies.get(call.siteId!))).toEqual([]);
    // Service short codes are in no tariff, satellite calls only in Aurora's: they wait for a rate.
    const unrated = outbound.filter((call) => call.ratingStatus === 'unrated');
    for (const call of unrated) {
      const satellite =
        call.destNumber?.startsWith('+870') === true && currencies.get(call.siteId!) === 'GBP';
      expect(call.destClass === 'special' || satellite, `${call.destNumber}: ${call.ratingReason}`).toBe(
        true,
      );
    }
    const free = outbound.filter((call) => call.ratingStatus === 'free');
    expect(free.every((call) => call.destClass === 'emergency')).toBe(true);
    expect(
      stored.filter((call) => call.direction !== 'outbound').every((call) => call.ratingStatus === 'free'),
    ).toBe(true);
    const classes = new Set(outbound.map((call) => call.destClass));
    for (const common of ['local', 'national', 'mobile', 'international', 'tollfree', 'premium'])
      expect(classes).toContain(common);
    expect(outbound.filter((call) => call.destClass === 'tollfree' && call.cost > 0)).toEqual([]);
  });

  it('prices the toll-fraud night and the marathon call as their tariffs say', async () => {
    const { tollFraud, marathonCall } = traffic.placement;
    const fraudster = await repos.users.findByUpn(tollFraud.upn);
    const fraud = stored.filter((call) => call.userId === fraudster!.id && call.destCountry === 'CU');
    expect(fraud).toHaveLength(42);
    // Aurora's Cuba rate: 0.10 connect fee + 1.25 per started minute, answered calls only.
    const expected = fraud
      .filter((call) => call.answered)
      .reduce(
        (sum, call) => sum + parseMoney('0.1') + Math.ceil(call.durationSec / 60) * parseMoney('1.25'),
        0,
      );
    expect(fraud.reduce((sum, call) => sum + call.cost, 0)).toBe(expected);
    expect(expected).toBeGreaterThan(parseMoney('250'));
    expect(fraud.every((call) => call.label === 'Cuba' && call.currency === 'EUR')).toBe(true);

    const talker = await repos.users.findByUpn(marathonCall.upn);
    const marathon = stored.filter(
      (call) => call.userId === talker!.id && call.durationSec === marathonCall.talkSec,
    );
    expect(marathon).toHaveLength(1);
    // Albion's UAE mobile rate: 0.05 connect fee + 0.38 a minute, first minute then per second.
    expect(marathon[0]).toMatchObject({
      destClass: 'international',
      destCountry: 'AE',
      label: 'United Arab Emirates - mobile',
      currency: 'GBP',
      cost: parseMoney('75.461'),
    });
  });

  it('keeps the rollups equal to the calls', async () => {
    const all = { kind: 'all' as const };
    const totals = await repos.calls.totals(all, 20260301, 20260310);
    expect(totals.calls).toBe(stored.length);
    expect(totals.unrated).toBe(stored.filter((call) => call.ratingStatus === 'unrated').length);
    expect(await repos.rollups.totals(all, 20260301, 20260310)).toEqual(totals);
  });
});
