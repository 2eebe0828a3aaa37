import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { siteRollupsCanServe, type ReportCriteria, type ReportKey } from '../db/report-criteria.js';
import type { ReportGroup } from '../db/report.repository.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { samplePlan } from '../db/test-fixtures.js';
import { testEngines } from '../db/test-engines.js';
import type { Scope } from '../domain/role.js';
import { totalsOf, type ReportTotals } from './report-totals.js';
import { seedReportData, type ReportData } from './test-report-data.js';

const NOVEMBER = { fromDay: 20261101, toDay: 20261130 };

/**
 * The figures a report shows per key, in key order. Compared as totals, not as groups: the rollups
 * count a carrier's unrated calls with its priced ones (they have no cost and are not charged), the
 * calls apart, under no currency.
 */
function byKey(groups: readonly ReportGroup[]): [string, ReportTotals][] {
  const keys = new Map<string, ReportGroup[]>();
  for (const group of groups) {
    const id = JSON.stringify(group.key);
    keys.set(id, [...(keys.get(id) ?? []), group]);
  }
  return [...keys.entries()]
    .map(([id, inKey]): [string, ReportTotals] => [id, totalsOf(inKey)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

describe.each(testEngines())('rollups and calls give the same figures on $name', (engine) => {
  let database: Database;
  let data: ReportData;
  let repos: Repositories;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    data = await seedReportData(database);
    repos = repositoriesFor(database.kysely, database);
  });
  afterAll(() => database.close());

  const filters = (): [string, ReportCriteria][] => [
    ['no filter', NOVEMBER],
    ['two months', { fromDay: 20261001, toDay: 20261231 }],
    ['a site', { ...NOVEMBER, siteId: data.sites.LON }],
    ['departments', { ...NOVEMBER, departmentIds: [data.departments.sales, data.departments.north] }],
    ['a user', { ...NOVEMBER, userId: data.users.bruno }],
    ['a carrier', { ...NOVEMBER, carrierId: data.carriers.albion }],
    ['a class', { ...NOVEMBER, destClass: 'mobile' }],
    ['a country', { ...NOVEMBER, country: 'IT' }],
    ['a direction', { ...NOVEMBER, direction: 'inbound' }],
  ];
  const groupings: ReportKey[][] = [
    [],
    ['department'],
    ['user'],
    ['site'],
    ['carrier'],
    ['destClass'],
    ['country'],
    ['direction'],
    ['day', 'destClass'],
    ['day', 'department'],
  ];
  const scopes = (): [string, Scope][] => [
    ['all', { kind: 'all' }],
    [
      'departments',
      { kind: 'departments', departmentIds: [data.departments.north, data.departments.finance] },
    ],
    ['user', { kind: 'user', userId: data.users.dave }],
  ];

  it('for every filter, grouping and scope both can serve', async () => {
    let compared = 0;
    let comparedBySite = 0;
    for (const [, scope] of scopes())
      for (const [, criteria] of filters())
        for (const keys of groupings) {
          const rollups = await repos.reports.groups(scope, criteria, keys, 'rollups');
          const calls = await repos.reports.groups(scope, criteria, keys, 'calls');
          expect(byKey(rollups.groups), JSON.stringify({ scope, criteria, keys })).toEqual(
            byKey(calls.groups),
          );
          compared += byKey(rollups.groups).length;
          if (siteRollupsCanServe(scope, criteria, keys)) {
            const bySite = await repos.reports.groups(scope, criteria, keys, 'site-rollups');
            expect(byKey(bySite.groups), JSON.stringify({ site: true, criteria, keys })).toEqual(
              byKey(calls.groups),
            );
            comparedBySite += byKey(bySite.groups).length;
          }
        }
    expect(compared).toBeGreaterThan(300);
    expect(comparedBySite).toBeGreaterThan(40);
  });

  it('picks the rollups when they can answer, and calls when a filter or key is not theirs', async () => {
    const all: Scope = { kind: 'all' };
    expect((await repos.reports.groups(all, NOVEMBER, ['department'])).source).toBe('rollups');
    expect((await repos.reports.groups(all, NOVEMBER, ['day', 'destClass'])).source).toBe('site-rollups');
    expect((await repos.reports.groups(all, { ...NOVEMBER, siteId: data.sites.LON }, [])).source).toBe(
      'site-rollups',
    );
    const supervisor: Scope = { kind: 'departments', departmentIds: [data.departments.north] };
    expect((await repos.reports.groups(supervisor, NOVEMBER, [])).source).toBe('rollups');
    await expect(repos.reports.groups(all, NOVEMBER, ['user'], 'site-rollups')).rejects.toThrow(
      'the site rollups cannot answer this report',
    );
    expect((await repos.reports.groups(all, NOVEMBER, ['hour'])).source).toBe('calls');
    expect((await repos.reports.groups(all, { ...NOVEMBER, answered: true }, [])).source).toBe('calls');
    await expect(repos.reports.groups(all, NOVEMBER, ['weekday'], 'rollups')).rejects.toThrow(
      'the daily rollups cannot answer this report',
    );
  });

  it('reads calls once a carrier prices in two currencies, and the figures stay the same', async () => {
    const all: Scope = { kind: 'all' };
    const before = await repos.reports.groups(all, NOVEMBER, ['carrier']);
    await repos.tariffPlans.save(
      data.carriers.aurora,
      samplePlan(1, { currency: 'USD', activeFrom: Date.UTC(2027, 0, 1) }),
    );
    const after = await repos.reports.groups(all, NOVEMBER, ['carrier']);
    expect([before.source, after.source]).toEqual(['site-rollups', 'calls']);
    expect(byKey(after.groups)).toEqual(byKey(before.groups));
  });
});
