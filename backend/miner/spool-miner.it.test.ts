import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { rollupsAndCallGroups } from '../db/test-rollups.js';
import { parseMoney } from '../domain/money.js';
import { SpoolMiner } from './spool-miner.js';
import { setUpTestCompany, testRecord } from './test-company.js';

describe.each(testEngines())('mining spool files on $name', (engine) => {
  let database: Database;
  let repos: Repositories;
  let spool: string;
  const local = testRecord();
  const records = {
    local,
    mobile: testRecord({ callee: { uri: 'tel:+393331234567', number: null }, durationSec: 31 }),
    london: testRecord({ callee: { uri: null, number: '000442079460018' }, durationSec: 61 }),
    inbound: testRecord({
      direction: 'inbound',
      caller: { uri: null, number: '+390612345678' },
      callee: { uri: 'sip:anna.rossi@contoso.com', number: '+390212342001' },
    }),
    internal: testRecord({ direction: 'internal', callee: { uri: null, number: '2002' }, trunk: null }),
    stranger: testRecord({ caller: { uri: null, number: '2999' } }),
    emergency: testRecord({ callee: { uri: null, number: '0112' } }),
    unrouted: testRecord({
      caller: { uri: 'sip:james.smith@contoso.com', number: null },
      callee: { uri: null, number: '9020 7946 0000' },
      trunk: 'gw-lon-2',
      site: 'LON',
    }),
    unanswered: testRecord({
      answered: false,
      answeredAt: null,
      durationSec: 0,
      responseCode: 486,
      endedAt: '2026-02-03T09:00:20.000Z',
      ringSec: 20,
    }),
  };

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    await setUpTestCompany(database);
    repos = repositoriesFor(database.kysely, database);
    spool = mkdtempSync(join(tmpdir(), 'ledgerline-spool-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(spool, { recursive: true, force: true });
  });

  it('mines a file: rates, resolves, rejects bad lines with their line numbers, skips duplicates', async () => {
    const lines = [
      ...Object.values(records).map((record) => JSON.stringify(record)),
      'this is not json',
      JSON.stringify({ ...local, sourceId: 'x', startedAt: 'yesterday' }),
      '',
      JSON.stringify(local),
    ];
    writeFileSync(join(spool, 'sfb-20260203T090000000-000001.ndjson'), `${lines.join('\n')}\n`);
    const pass = await new SpoolMiner(database, spool).minePending();
    expect(pass.files).toEqual([
      {
        name: 'sfb-20260203T090000000-000001.ndjson',
        skipped: false,
        lines: 13,
        calls: 9,
        duplicates: 1,
        rejected: 2,
      },
    ]);
    expect(readdirSync(join(spool, 'done'))).toEqual(['sfb-20260203T090000000-000001.ndjson']);
    expect((await repos.rejects.list()).map((reject) => [reject.line, reject.reason.split(':')[0]])).toEqual([
      [10, 'not JSON'],
      [11, 'not a CallRecord v1'],
    ]);
  });

  it('prices each call by its carrier and says why the others are free or unrated', async () => {
    const call = async (record: { sourceId: string }) =>
      (await repos.calls.findBySource('sfb', record.sourceId))!;
    const anna = (await repos.users.findByUpn('anna.rossi@contoso.com'))!;
    expect(await call(records.local)).toMatchObject({
      userId: anna.id,
      departmentId: anna.departmentId,
      destClass: 'local',
      destNumber: '+390212345678',
      ratingStatus: 'rated',
      cost: parseMoney('0.04'),
      billedSec: 120,
      currency: 'EUR',
      label: 'Italia fisso',
      localDay: 20260203,
      localHour: 10,
      localWeekday: 2,
    });
    // 31 s on 30/6 -> 36 s at 0.12/min = 0.072
    expect(await call(records.mobile)).toMatchObject({
      destClass: 'mobile',
      cost: parseMoney('0.072'),
      label: 'Italia mobile',
    });
    // connect 0.05 + 2 min at 0.06
    expect(await call(records.london)).toMatchObject({
      destClass: 'international',
      destCountry: 'GB',
      cost: parseMoney('0.17'),
    });
    expect(await call(records.inbound)).toMatchObject({
      userId: anna.id,
      ratingStatus: 'free',
      ratingReason: 'inbound call',
      callerNormalized: '+390612345678',
      cost: 0,
    });
    expect(await call(records.internal)).toMatchObject({ destClass: 'internal', ratingStatus: 'free' });
    expect(await call(records.emergency)).toMatchObject({
      destClass: 'emergency',
      ratingStatus: 'free',
      ratingReason: 'emergency call',
    });
    expect(await call(records.unrouted)).toMatchObject({
      ratingStatus: 'unrated',
      ratingReason: 'no routing rule for site LON, trunk gw-lon-2',
      cost: 0,
    });
    expect(await call(records.unanswered)).toMatchObject({ ratingStatus: 'rated', cost: 0, billedSec: 0 });
  });

  it('charges an unknown extension to an anonymous user in Unassigned', async () => {
    const stranger = (await repos.calls.findBySource('sfb', records.stranger.sourceId))!;
    const user = (await repos.users.get(stranger.userId!))!;
    expect(user).toMatchObject({ anonymous: true, displayName: 'Extension 2999 (Milano)' });
    expect((await repos.departments.findByCode('UNASSIGNED'))?.id).toBe(user.departmentId);
  });

  it('keeps rollups equal to the stored calls', async () => {
    const all = { kind: 'all' as const };
    expect(await repos.rollups.totals(all, 20260101, 20261231)).toEqual(
      await repos.calls.totals(all, 20260101, 20261231),
    );
    expect((await repos.calls.totals(all, 20260101, 20261231)).calls).toBe(9);
    const { stored, fromCalls } = await rollupsAndCallGroups(database);
    expect(stored).toEqual(fromCalls);
    const site = await rollupsAndCallGroups(database, 'site');
    expect(site.stored).toEqual(site.fromCalls);
    expect(stored.length).toBeGreaterThan(3);
  });

  it('leaves no empty rollup row when a repeated call comes back with other content', async () => {
    // The same call id again, now to London on another day: a duplicate, so nothing of it counts.
    const changed = {
      ...records.mobile,
      startedAt: '2026-03-03T09:00:00.000Z',
      answeredAt: '2026-03-03T09:00:05.000Z',
      endedAt: '2026-03-03T09:01:35.000Z',
      callee: { uri: null, number: '00442079460018' },
    };
    writeFileSync(join(spool, 'sfb-20260303T090000000-000009.ndjson'), `${JSON.stringify(changed)}\n`);
    const pass = await new SpoolMiner(database, spool).minePending();
    expect(pass.files[0]).toMatchObject({ calls: 0, duplicates: 1 });
    const { stored, fromCalls } = await rollupsAndCallGroups(database);
    expect(stored).toEqual(fromCalls);
    const site = await rollupsAndCallGroups(database, 'site');
    expect(site.stored).toEqual(site.fromCalls);
    expect(stored.filter((row) => row.local_day === 20260303)).toEqual([]);
  });

  it('makes one anonymous user for an unknown SIP address or number, whichever site names it', async () => {
    const visitor = { uri: 'sip:Visitor@Partner.example', number: null };
    const lone = { uri: null, number: '+390299887766' };
    const lines = [
      testRecord({ caller: visitor, site: 'MIL' }),
      testRecord({
        caller: visitor,
        site: 'LON',
        trunk: 'gw-lon-1',
        callee: { uri: null, number: '9020 7946 0000' },
      }),
      testRecord({ caller: lone, site: 'MIL' }),
      testRecord({
        caller: lone,
        site: 'LON',
        trunk: 'gw-lon-1',
        callee: { uri: null, number: '9020 7946 0000' },
      }),
    ];
    writeFileSync(
      join(spool, 'sfb-20260203T110000000-000003.ndjson'),
      `${lines.map((record) => JSON.stringify(record)).join('\n')}\n`,
    );
    const pass = await new SpoolMiner(database, spool).minePending();
    expect(pass.files[0]).toMatchObject({ calls: 4, rejected: 0 });
    const owners = await Promise.all(
      lines.map(async (record) => (await repos.calls.findBySource('sfb', record.sourceId))!.userId),
    );
    expect(owners[0]).toBe(owners[1]);
    expect(owners[2]).toBe(owners[3]);
    expect(await repos.users.get(owners[0]!)).toMatchObject({
      anonymous: true,
      sipUri: 'sip:visitor@partner.example',
      displayName: 'visitor@partner.example',
    });
    expect(await repos.users.findByNumber('+390299887766', null)).toMatchObject({
      id: owners[2],
      anonymous: true,
    });
  });

  it('rejects, line by line, what a database column could not hold; the rest of the file goes on', async () => {
    const longAddress = `sip:${'a'.repeat(300)}@partner.example`;
    const lines = [
      JSON.stringify(testRecord({ caller: { uri: longAddress, number: null } })),
      JSON.stringify(testRecord({ durationSec: 3_000_000_000 })),
      JSON.stringify(testRecord({ trunk: 'gw\u0000mil' })),
      `{"v":1,"raw":"nul \u0000 byte"`,
      JSON.stringify(testRecord({ responseCode: 2 ** 40 })),
      JSON.stringify(testRecord({ sourceId: '2026-02-03T09:00:00.000Z#1 ' })),
      JSON.stringify(testRecord()),
    ];
    writeFileSync(join(spool, 'sfb-20260203T120000000-000004.ndjson'), `${lines.join('\n')}\n`);
    const pass = await new SpoolMiner(database, spool).minePending();
    expect(pass.files[0]).toMatchObject({
      name: 'sfb-20260203T120000000-000004.ndjson',
      calls: 2,
      rejected: 5,
    });
    const rejects = (await repos.rejects.list('sfb-20260203T120000000-000004.ndjson')).map((reject) => ({
      line: reject.line,
      reason: reject.reason,
      raw: reject.raw,
    }));
    expect(rejects.map((reject) => reject.line)).toEqual([2, 3, 4, 5, 6]);
    expect(rejects[0]!.reason).toMatch(/durationSec/);
    expect(rejects[1]!.reason).toMatch(/trunk: contains a NUL character/);
    expect(rejects[2]!.raw).toBe('{"v":1,"raw":"nul \\u0000 byte"');
    expect(rejects[3]!.reason).toMatch(/responseCode/);
    expect(rejects[4]!.reason).toMatch(/sourceId: starts or ends with a blank/);
    // An address longer than the directory holds: the call is stored, charged to nobody.
    const long = JSON.parse(lines[0]!) as { sourceId: string };
    expect(await repos.calls.findBySource('sfb', long.sourceId)).toMatchObject({ userId: null });
  });

  it('never stores a call twice, even from another file', async () => {
    writeFileSync(
      join(spool, 'sfb-20260203T100000000-000002.ndjson'),
      `${JSON.stringify(records.local)}\n${JSON.stringify(records.mobile)}`,
    );
    const before = (await repos.calls.totals({ kind: 'all' }, 20260101, 20261231)).calls;
    const pass = await new SpoolMiner(database, spool).minePending();
    expect(pass.files[0]).toMatchObject({ calls: 0, duplicates: 2, rejected: 0 });
    expect((await repos.calls.totals({ kind: 'all' }, 20260101, 20261231)).calls).toBe(before);
  });
});
