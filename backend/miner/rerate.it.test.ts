import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { rollupsAndCallGroups } from '../db/test-rollups.js';
import { parseMoney } from '../domain/money.js';
import { parseTariffFile } from '../tariffs/tariff-file.js';
import { storeTariff } from '../tariffs/tariff-store.js';
import { rerateCalls } from './rerate.js';
import { SpoolMiner } from './spool-miner.js';
import { setUpTestCompany, testRecord } from './test-company.js';

describe.each(testEngines())('re-rating on $name', (engine) => {
  let database: Database;
  let repos: Repositories;
  let spool: string;
  const february = testRecord({
    startedAt: '2026-02-10T09:00:00.000Z',
    answeredAt: '2026-02-10T09:00:05.000Z',
    endedAt: '2026-02-10T09:01:35.000Z',
  });
  const july = testRecord({
    startedAt: '2026-07-10T09:00:00.000Z',
    answeredAt: '2026-07-10T09:00:05.000Z',
    endedAt: '2026-07-10T09:01:35.000Z',
  });
  const london = testRecord({
    caller: { uri: 'sip:james.smith@contoso.com', number: null },
    callee: { uri: null, number: '9020 7946 0000' },
    trunk: 'gw-lon-2',
    site: 'LON',
  });

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    await setUpTestCompany(database);
    repos = repositoriesFor(database.kysely, database);
    spool = mkdtempSync(join(tmpdir(), 'ledgerline-rerate-'));
    writeFileSync(join(spool, 'a.ndjson'), [february, july, london].map((r) => JSON.stringify(r)).join('\n'));
    await new SpoolMiner(database, spool).minePending();
  });
  afterAll(async () => {
    await database.close();
    rmSync(spool, { recursive: true, force: true });
  });

  const cost = async (sourceId: string) => (await repos.calls.findBySource('sfb', sourceId))!;

  it('prices each call with the plan in force when it started, and moves the rollups', async () => {
    expect((await cost(february.sourceId)).cost).toBe(parseMoney('0.04'));
    // A new plan from July: February's call keeps its price, July's changes.
    const stored = await storeTariff(
      database,
      parseTariffFile(`version: 1
carrier: { code: telco-it, name: Telco Italia }
name: Summer 2026
currency: EUR
activeFrom: 2026-07-01
rounding: { decimals: 4, method: up }
rates:
  - { prefix: '39', label: Italia fisso estate, pricePerMinute: 0.01, increments: 1/1 }
`),
    );
    // The import says which stored calls the new plan should price.
    expect(stored.affected).toEqual({ calls: 1, firstDay: 20260710, lastDay: 20260710 });
    const outcome = await rerateCalls(database, {
      fromDay: 20260101,
      toDay: 20261231,
      carrierCode: 'telco-it',
    });
    // Telco Italia's two calls, and London's unrated call that no route takes (it stays so).
    expect(outcome).toEqual({ days: 3, calls: 3, changed: 1, skipped: 0 });
    expect(await cost(february.sourceId)).toMatchObject({ cost: parseMoney('0.04'), label: 'Italia fisso' });
    expect(await cost(july.sourceId)).toMatchObject({
      cost: parseMoney('0.015'),
      label: 'Italia fisso estate',
      billedSec: 90,
    });
    const all = { kind: 'all' as const };
    expect(await repos.rollups.totals(all, 20260101, 20261231)).toEqual(
      await repos.calls.totals(all, 20260101, 20261231),
    );
  });

  it('with a carrier, also takes the unrated calls no route took anywhere', async () => {
    expect(await cost(london.sourceId)).toMatchObject({ ratingStatus: 'unrated', carrierId: null });
    // Still no route for London's gw-lon-2: looked at, left unrated, nothing changed.
    const outcome = await rerateCalls(database, {
      fromDay: 20260101,
      toDay: 20261231,
      carrierCode: 'telco-uk',
    });
    expect(outcome).toEqual({ days: 1, calls: 1, changed: 0, skipped: 0 });
  });

  it('rates calls that were unrated once their route exists', async () => {
    expect(await cost(london.sourceId)).toMatchObject({ ratingStatus: 'unrated' });
    const rules = await repos.routingRules.list();
    const uk = (await repos.carriers.findByCode('telco-uk'))!.id;
    await repos.routingRules.replaceAll([
      ...rules,
      {
        priority: 20,
        siteId: (await repos.sites.findByCode('LON'))!.id,
        trunk: null,
        prefix: null,
        carrierId: uk,
      },
    ]);
    const outcome = await rerateCalls(database, {
      fromDay: 20260101,
      toDay: 20261231,
      carrierCode: 'telco-uk',
    });
    expect(outcome.changed).toBe(1);
    expect(await cost(london.sourceId)).toMatchObject({
      ratingStatus: 'rated',
      carrierId: uk,
      currency: 'GBP',
      cost: parseMoney('0.06'),
    });
    const all = { kind: 'all' as const };
    const totals = await repos.rollups.totals(all, 20260101, 20261231);
    expect(totals).toEqual(await repos.calls.totals(all, 20260101, 20261231));
    expect(totals.unrated).toBe(0);
    const { stored, fromCalls } = await rollupsAndCallGroups(database);
    expect(stored).toEqual(fromCalls);
    const site = await rollupsAndCallGroups(database, 'site');
    expect(site.stored).toEqual(site.fromCalls);
  });

  it('moves a call to another carrier without leaving an empty rollup row', async () => {
    // Milan's calls now go out through Telco UK: each moves from one carrier's rollup to the other's.
    const rules = await repos.routingRules.list();
    const uk = (await repos.carriers.findByCode('telco-uk'))!.id;
    const italy = (await repos.carriers.findByCode('telco-it'))!.id;
    await repos.routingRules.replaceAll(
      rules.map((rule) => (rule.carrierId === italy ? { ...rule, carrierId: uk } : rule)),
    );
    const outcome = await rerateCalls(database, { fromDay: 20260101, toDay: 20261231 });
    expect(outcome.changed).toBe(2);
    expect(await cost(february.sourceId)).toMatchObject({ carrierId: uk, ratingStatus: 'unrated' });
    const { stored, fromCalls } = await rollupsAndCallGroups(database);
    expect(stored).toEqual(fromCalls);
    const site = await rollupsAndCallGroups(database, 'site');
    expect(site.stored).toEqual(site.fromCalls);
    expect(stored.filter((row) => row.carrier_id === italy)).toEqual([]);
  });

  it('refuses an unknown carrier', async () => {
    await expect(
      rerateCalls(database, { fromDay: 20260101, toDay: 20261231, carrierCode: 'nope' }),
    ).rejects.toThrow('no carrier "nope"');
  });
});
