import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { DEMO_COMPANY, setUpDemoCompany } from './demo-company.js';

describe.each(testEngines())('setting up the demo company on $name', (engine) => {
  let database: Database;
  let repos: Repositories;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    repos = repositoriesFor(database.kysely, database);
  });
  afterAll(() => database.close());

  it('stores the directory, both carriers with their plans, and a routing rule per site', async () => {
    expect(await setUpDemoCompany(database)).toBe(DEMO_COMPANY);
    const sites = await repos.sites.list();
    expect(sites.map((site) => [site.code, site.timeZone, site.currency]).sort()).toEqual([
      ['LON', 'Europe/London', 'GBP'],
      ['MIL', 'Europe/Rome', 'EUR'],
    ]);
    expect(sites.find((site) => site.code === 'MIL')?.dialPlan).toEqual(DEMO_COMPANY.sites[0]!.dialPlan);
    expect(await repos.departments.list()).toHaveLength(DEMO_COMPANY.departments.length);
    expect(await repos.users.list()).toHaveLength(DEMO_COMPANY.users.length);
    const numbers = await repos.users.listNumbers();
    expect(numbers.filter((number) => number.kind === 'extension')).toHaveLength(DEMO_COMPANY.users.length);
    expect(numbers.filter((number) => number.kind === 'e164')).toHaveLength(
      DEMO_COMPANY.users.filter((user) => user.did !== null).length,
    );

    const carriers = await repos.carriers.list();
    expect(carriers.map((carrier) => carrier.code).sort()).toEqual(['albion', 'aurora']);
    for (const carrier of carriers) {
      const plan = await repos.tariffPlans.inForce(carrier.id, Date.UTC(2026, 5, 1));
      expect(plan?.currency).toBe(carrier.code === 'aurora' ? 'EUR' : 'GBP');
    }

    const siteIds = new Map(sites.map((site) => [site.id, site.code]));
    const carrierCodes = new Map(carriers.map((carrier) => [carrier.id, carrier.code]));
    const rules = await repos.routingRules.list();
    expect(rules.map((rule) => [siteIds.get(rule.siteId!), carrierCodes.get(rule.carrierId)]).sort()).toEqual(
      [
        ['LON', 'albion'],
        ['MIL', 'aurora'],
      ],
    );
  });

  it('can run again: it updates in place, never duplicates', async () => {
    await setUpDemoCompany(database);
    expect(await repos.users.list()).toHaveLength(DEMO_COMPANY.users.length);
    expect(await repos.routingRules.list()).toHaveLength(2);
    const aurora = await repos.carriers.findByCode('aurora');
    expect(await repos.tariffPlans.plansOf(aurora!.id)).toHaveLength(1);
  });
});
