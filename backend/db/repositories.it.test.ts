import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { migrateToLatest } from './migrations/migrate.js';
import { inTransaction, repositoriesFor, type Repositories } from './repositories.js';
import { rollupDeltas } from './rollup.repository.js';
import { milan, sampleCall, samplePlan } from './test-fixtures.js';
import { testEngines } from './test-engines.js';

describe.each(testEngines())('repositories on $name', (engine) => {
  let database: Database;
  let repos: Repositories;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    repos = repositoriesFor(database.kysely, database);
  });
  afterAll(() => database.close());

  it('migrates once: a second run applies nothing', async () => {
    expect(await migrateToLatest(database)).toEqual([]);
  });

  it('saves sites with their dial plans and updates them by code', async () => {
    const id = await repos.sites.save(milan);
    expect(await repos.sites.findByCode('MIL')).toEqual({ id, ...milan });
    const renamed = {
      ...milan,
      name: 'Milano Centro',
      dialPlan: { ...milan.dialPlan, localAreaCodes: ['02', '03'] },
    };
    expect(await repos.sites.save(renamed)).toBe(id);
    expect(await repos.sites.list()).toEqual([{ id, ...renamed }]);
  });

  it('keeps the department tree and expands a department to its sub-departments', async () => {
    const save = (code: string, parentId: number | null) =>
      repos.departments.save({
        code,
        name: code,
        parentId,
        costCenter: `CC-${code}`,
        supervisorGroupId: null,
      });
    const sales = await save('SALES', null);
    const north = await save('SALES-N', sales);
    const milanDesk = await save('SALES-N-MI', north);
    const finance = await save('FIN', null);
    expect(await repos.departments.withDescendants([sales])).toEqual(
      [sales, north, milanDesk].sort((a, b) => a - b),
    );
    expect(await repos.departments.withDescendants([north, finance])).toEqual(
      [north, milanDesk, finance].sort((a, b) => a - b),
    );
    expect((await repos.departments.findByCode('SALES-N'))?.parentId).toBe(sales);
  });

  it('finds users by UPN, SIP URI, number and site extension; many anonymous users coexist', async () => {
    const site = (await repos.sites.findByCode('MIL'))!.id;
    const department = (await repos.departments.findByCode('SALES'))!.id;
    const anna = await repos.users.save({
      upn: 'Anna.Rossi@contoso.com',
      displayName: 'Anna Rossi',
      entraObjectId: '0b1c2d3e-0000-4000-8000-000000000001',
      sipUri: 'sip:Anna.Rossi@contoso.com',
      departmentId: department,
      siteId: site,
    });
    await repos.users.setNumber({ userId: anna, siteId: site, kind: 'extension', number: '2001' });
    await repos.users.setNumber({ userId: anna, siteId: site, kind: 'e164', number: '+390212342001' });
    expect((await repos.users.findByUpn('anna.rossi@CONTOSO.com'))?.id).toBe(anna);
    expect((await repos.users.findBySipUri('sip:anna.rossi@contoso.com'))?.id).toBe(anna);
    expect((await repos.users.findByNumber('2001', site))?.id).toBe(anna);
    expect((await repos.users.findByNumber('+390212342001', null))?.id).toBe(anna);
    expect(await repos.users.findByNumber('2001', site + 1000)).toBeUndefined();

    const milano = { id: site, name: 'Milano' };
    const first = await repos.users.createAnonymous({ kind: 'extension', value: '2999' }, milano, department);
    const second = await repos.users.createAnonymous(
      { kind: 'extension', value: '2998' },
      milano,
      department,
    );
    const stranger = await repos.users.createAnonymous(
      { kind: 'sip', value: 'sip:Visitor@Fabrikam.com' },
      milano,
      department,
    );
    expect((await repos.users.findBySipUri('visitor@fabrikam.com'))?.id).toBe(stranger);
    expect(first).not.toBe(second);
    expect((await repos.users.findByNumber('2999', site))?.displayName).toBe('Extension 2999 (Milano)');
    // Saving again by UPN updates, and a number moves to its new owner.
    expect(
      await repos.users.save({
        upn: 'anna.rossi@contoso.com',
        displayName: 'Anna M. Rossi',
        entraObjectId: null,
        sipUri: null,
        departmentId: department,
        siteId: site,
      }),
    ).toBe(anna);
    await repos.users.setNumber({ userId: first, siteId: site, kind: 'extension', number: '2001' });
    expect((await repos.users.findByNumber('2001', site))?.id).toBe(first);
    expect((await repos.users.list()).filter((user) => user.anonymous)).toHaveLength(3);
  });

  it('stores a tariff plan of 5,000 rates and reads it back unchanged', async () => {
    const carrierId = await repos.carriers.save({ code: 'telco-it', name: 'Telco Italia' });
    const plan = samplePlan(5_000);
    const planId = await inTransaction(database, (tx) => tx.tariffPlans.save(carrierId, plan));
    const [stored] = await repos.tariffPlans.plansOf(carrierId);
    expect(stored).toMatchObject({ id: planId, carrierId, name: plan.name, activeFrom: plan.activeFrom });
    expect(stored?.rates.map(({ id: _id, ...rate }) => rate)).toEqual(plan.rates);
    expect(stored?.timeBands).toEqual(plan.timeBands);
  });

  it('replaces the plan with the same activation and picks the plan in force', async () => {
    const carrierId = (await repos.carriers.findByCode('telco-it'))!.id;
    const [before] = await repos.tariffPlans.plansOf(carrierId);
    await inTransaction(database, (tx) =>
      tx.tariffPlans.save(carrierId, samplePlan(3, { name: 'Replaced' })),
    );
    await inTransaction(database, (tx) =>
      tx.tariffPlans.save(carrierId, samplePlan(2, { name: 'July', activeFrom: Date.UTC(2026, 6, 1) })),
    );
    const plans = await repos.tariffPlans.list();
    expect(plans.map((plan) => [plan.name, plan.rates])).toEqual([
      ['Replaced', 3],
      ['July', 2],
    ]);
    const replaced = await repos.tariffPlans.inForce(carrierId, Date.UTC(2026, 5, 30));
    expect(replaced?.name).toBe('Replaced');
    // Updated in place: the plan and the rates still in it keep their ids (calls point at them).
    expect(replaced?.id).toBe(before?.id);
    expect(replaced?.rates.map((rate) => rate.id)).toEqual(before?.rates.slice(0, 3).map((rate) => rate.id));
    expect((await repos.tariffPlans.inForce(carrierId, Date.UTC(2026, 6, 1)))?.name).toBe('July');
    expect(await repos.tariffPlans.inForce(carrierId, Date.UTC(2025, 0, 1))).toBeUndefined();
  });

  it('replaces routing rules as a whole', async () => {
    const carrierId = (await repos.carriers.findByCode('telco-it'))!.id;
    const site = (await repos.sites.findByCode('MIL'))!.id;
    await repos.routingRules.replaceAll([
      { priority: 10, siteId: site, trunk: 'gw-mil-1', prefix: '44', carrierId },
      { priority: 100, siteId: null, trunk: null, prefix: null, carrierId },
    ]);
    await repos.routingRules.replaceAll([
      { priority: 5, siteId: null, trunk: null, prefix: '39', carrierId },
    ]);
    expect(await repos.routingRules.list()).toEqual([
      { id: expect.any(Number), priority: 5, siteId: null, trunk: null, prefix: '39', carrierId },
    ]);
  });

  it('stores each (source, sourceId) once and tells duplicates apart', async () => {
    const calls = Array.from({ length: 3_000 }, (_, n) => sampleCall(n));
    const first = await repos.calls.insertNew(calls, null);
    expect(first.inserted).toHaveLength(3_000);
    const again = await repos.calls.insertNew(
      [...calls.slice(0, 10), sampleCall(5_000), sampleCall(5_000)],
      null,
    );
    expect(again.inserted.map((call) => call.sourceId)).toEqual([sampleCall(5_000).sourceId]);
    expect(again.duplicates).toHaveLength(11);
    const stored = await repos.calls.findBySource('sfb', sampleCall(42).sourceId);
    expect(stored).toMatchObject({ ...sampleCall(42), id: expect.any(Number), spoolFileId: null });
  });

  it('refuses a second row with the same (source, source_id) at the schema level too', async () => {
    const { toRow } = await import('./call-row.js');
    await expect(
      database.kysely
        .insertInto('calls')
        .values(toRow(sampleCall(1), null, 0))
        .execute(),
    ).rejects.toThrow();
  });

  it('keeps rollups equal to the sums of the calls they summarize, per scope', async () => {
    const site = (await repos.sites.findByCode('MIL'))!.id;
    const sales = (await repos.departments.findByCode('SALES'))!.id;
    const finance = (await repos.departments.findByCode('FIN'))!.id;
    const anna = (await repos.users.findByUpn('anna.rossi@contoso.com'))!.id;
    const calls = Array.from({ length: 400 }, (_, n) =>
      sampleCall(10_000 + n, {
        siteId: site,
        userId: n % 4 === 0 ? anna : null,
        departmentId: n % 2 === 0 ? sales : finance,
        localDay: 20260201 + (n % 5),
        ratingStatus: n % 7 === 0 ? 'unrated' : 'rated',
        answered: n % 9 !== 0,
      }),
    );
    await inTransaction(database, async (tx) => {
      const { inserted } = await tx.calls.insertNew(calls, null);
      await tx.rollups.apply(rollupDeltas(inserted));
    });
    for (const scope of [
      { kind: 'all' as const },
      { kind: 'user' as const, userId: anna },
      { kind: 'departments' as const, departmentIds: [sales] },
      { kind: 'departments' as const, departmentIds: [] },
    ]) {
      const fromCalls = await repos.calls.totals(scope, 20260201, 20260205);
      expect(await repos.rollups.totals(scope, 20260201, 20260205)).toEqual(fromCalls);
    }
    const all = await repos.rollups.totals({ kind: 'all' }, 20260201, 20260205);
    expect(all.calls).toBe(400);
    expect(all.unrated).toBe(calls.filter((call) => call.ratingStatus === 'unrated').length);
    expect(all.cost).toBe(calls.reduce((sum, call) => sum + call.cost, 0));
    expect(
      (await repos.calls.list({ kind: 'user', userId: anna }, 20260201, 20260205, { offset: 0, limit: 1000 }))
        .length,
    ).toBe(100);

    // Taking the calls away again leaves zero sums.
    await repos.rollups.apply(rollupDeltas(calls, -1));
    expect(await repos.rollups.totals({ kind: 'all' }, 20260201, 20260205)).toMatchObject({
      calls: 0,
      cost: 0,
    });
  });

  it('commits a transaction as a whole or not at all', async () => {
    await expect(
      inTransaction(database, async (tx) => {
        const id = await tx.spoolFiles.markDone('spool-0001.ndjson', {
          lines: 1,
          calls: 1,
          duplicates: 0,
          rejected: 0,
        });
        await tx.calls.insertNew([sampleCall(90_000)], id);
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await repos.spoolFiles.isDone('spool-0001.ndjson')).toBe(false);
    expect(await repos.calls.findBySource('sfb', sampleCall(90_000).sourceId)).toBeUndefined();

    await inTransaction(database, async (tx) => {
      const id = await tx.spoolFiles.markDone('spool-0001.ndjson', {
        lines: 0,
        calls: 0,
        duplicates: 0,
        rejected: 0,
      });
      await tx.calls.insertNew([sampleCall(90_000)], id);
      await tx.spoolFiles.updateStats(id, { lines: 2, calls: 1, duplicates: 0, rejected: 1 });
    });
    expect(await repos.spoolFiles.isDone('spool-0001.ndjson')).toBe(true);
    expect((await repos.spoolFiles.list())[0]).toMatchObject({
      name: 'spool-0001.ndjson',
      lines: 2,
      calls: 1,
      rejected: 1,
    });
    expect((await repos.calls.findBySource('sfb', sampleCall(90_000).sourceId))?.spoolFileId).toBeGreaterThan(
      0,
    );
  });

  it('keeps rejects with file, line and reason', async () => {
    await repos.rejects.add([
      { file: 'spool-0002.ndjson', line: 7, reason: 'startedAt: Invalid ISO datetime', raw: '{"v":1}' },
      { file: 'spool-0002.ndjson', line: 3, reason: 'not JSON', raw: 'garbage' },
    ]);
    expect((await repos.rejects.list('spool-0002.ndjson')).map((r) => [r.line, r.reason])).toEqual([
      [3, 'not JSON'],
      [7, 'startedAt: Invalid ISO datetime'],
    ]);
    expect(await repos.rejects.count()).toBe(2);
  });

  it('keeps one checkpoint per source and moves it forward', async () => {
    expect(await repos.checkpoints.get('sfb')).toBeUndefined();
    await repos.checkpoints.set('sfb', '2026-01-05T09:00:00.000Z#1');
    await repos.checkpoints.set('sfb', '2026-01-05T09:05:00.000Z#3');
    await repos.checkpoints.set('cucm', '1767600000#12');
    expect(await repos.checkpoints.get('sfb')).toBe('2026-01-05T09:05:00.000Z#3');
    expect(await repos.checkpoints.get('cucm')).toBe('1767600000#12');
  });
});
