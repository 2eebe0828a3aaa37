import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import type { Principal } from '../domain/principal.js';
import { breakdownQuerySchema, summaryQuerySchema, trendQuerySchema } from './report-query.js';
import { ReportService } from './report.service.js';
import { principalFor, seedReportData, type ReportData } from './test-report-data.js';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

/** A cost entry as the reports give it. */
const eur = (micro: number, chargedCalls: number, averageMicro: number) => ({
  currency: 'EUR',
  micro,
  chargedCalls,
  averageMicro,
});
const gbp = (micro: number, chargedCalls: number, averageMicro: number) => ({
  currency: 'GBP',
  micro,
  chargedCalls,
  averageMicro,
});

describe.each(testEngines())('reports on $name', (engine) => {
  let database: Database;
  let data: ReportData;
  let service: ReportService;
  let admin: Principal;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    data = await seedReportData(database);
    service = new ReportService(repositoriesFor(database.kysely, database));
    admin = principalFor('admin', null, { kind: 'all' });
  });
  afterAll(() => database.close());

  const summary = (principal: Principal, query: Record<string, unknown>) =>
    service.summary(principal, summaryQuerySchema.parse({ ...NOVEMBER, ...query }));
  const breakdown = (principal: Principal, query: Record<string, unknown>) =>
    service.breakdown(principal, breakdownQuerySchema.parse({ ...NOVEMBER, ...query }));

  it('sums November and the 30 days before it, cost per currency', async () => {
    const report = await summary(admin, {});
    expect(report.source).toBe('site-rollups');
    expect(report.period).toEqual(NOVEMBER);
    // Calls 1–24. Unanswered: 3, 10, 12, 18. Talk: 3,540 s (59 min); billed = talk of rated calls.
    // EUR (Aurora, 12 rated calls: 1 2 3 5 6 8 9 10 20 21 23 24) = 0.2+0.5+0+1.5+0.1+0.3+0.9+0
    //   +0.1+0.6+0.3+0.1 = 4.6; average 4.6/12 = 0.383333(3).
    // GBP (Albion, 6 rated calls: 13 14 15 17 19 22) = 0.1+0.4+0.25+0.15+0+0.2 = 1.1; average
    //   0.183333(3). Call 18 went to Albion but is unrated: no cost, not charged.
    expect(report.totals).toEqual({
      calls: 24,
      answered: 20,
      talkSec: 3_540,
      minutes: 59,
      billedSec: 2_760,
      cost: [eur(4_600_000, 12, 383_333), gbp(1_100_000, 6, 183_333)],
    });
    // Oct 2–31: calls 31–34 (41 on Oct 1 is outside). EUR 0.2+0.4, GBP 0.05; talk 120+240+60+180.
    expect(report.previous).toEqual({
      period: { from: '2026-10-02', to: '2026-10-31' },
      totals: {
        calls: 4,
        answered: 4,
        talkSec: 600,
        minutes: 10,
        billedSec: 420,
        cost: [eur(600_000, 2, 300_000), gbp(50_000, 1, 50_000)],
      },
    });
  });

  it('reads a call by its local day: Dec 1 00:30 in Milan is not November, though it is in UTC', async () => {
    const report = await summary(admin, { from: '2026-12-01', to: '2026-12-01' });
    expect(report.totals.calls).toBe(1);
    expect(report.totals.cost).toEqual([eur(1_000_000, 1, 1_000_000)]);
  });

  it('narrows to a department with its sub-departments, a site, a user, a carrier', async () => {
    // Sales (Anna: 1 2 3 4 20 23) and Sales North (Bruno 5 6 7 8 21, Dave 13 14 15 16 22).
    const sales = await summary(admin, { department: data.departments.sales });
    expect(sales.totals).toMatchObject({
      calls: 16,
      answered: 15,
      talkSec: 2_940,
      cost: [eur(3_600_000, 9, 400_000), gbp(950_000, 4, 237_500)],
    });
    // London: Dave and Emma (13–19, 22); only call 18 unanswered.
    const london = await summary(admin, { site: data.sites.LON });
    expect(london.totals).toMatchObject({
      calls: 8,
      answered: 7,
      talkSec: 1_140,
      cost: [gbp(1_100_000, 6, 183_333)],
    });
    const dave = await summary(admin, { user: data.users.dave });
    expect(dave.totals).toMatchObject({ calls: 5, talkSec: 840, cost: [gbp(950_000, 4, 237_500)] });
    // Aurora carried 1 2 3 5 6 8 9 10 20 21 23 24; 3 and 10 unanswered.
    const aurora = await summary(admin, { carrier: data.carriers.aurora });
    expect(aurora.totals).toMatchObject({ calls: 12, answered: 10, cost: [eur(4_600_000, 12, 383_333)] });
  });

  it('reads calls for filters the rollups lack: answered, minimum cost, search', async () => {
    const answered = await summary(admin, { answered: 'true' });
    expect(answered.source).toBe('calls');
    expect(answered.totals).toMatchObject({ calls: 20, answered: 20, talkSec: 3_540 });
    // At least 0.50 in any currency: 2 (0.5), 5 (1.5), 9 (0.9), 21 (0.6); all EUR.
    const dear = await summary(admin, { minCost: '0.5' });
    expect(dear.totals).toMatchObject({ calls: 4, cost: [eur(3_500_000, 4, 875_000)] });
    const carla = await summary(admin, { q: 'bianchi' });
    expect(carla.totals).toMatchObject({ calls: 4, cost: [eur(900_000, 2, 450_000)] });
    // +39 347 123 45…: calls 2, 3, 8, 21 (outbound) and 12 (its inbound caller).
    const numbers = await summary(admin, { q: '+39 347 123 45' });
    expect(numbers.totals.calls).toBe(5);
  });

  it('breaks November down by department, largest cost first, with the rest as other', async () => {
    const report = await breakdown(admin, { dimension: 'department', limit: 2 });
    // Order by EUR (the currency most calls were charged in): Sales North 2.5, Sales 1.1,
    // Finance 0.9, no department 0.1 (call 24).
    expect(report.rows.map((row) => [row.key, row.label])).toEqual([
      [data.departments.north, 'Sales North'],
      [data.departments.sales, 'Sales'],
    ]);
    expect(report.rows[0]).toMatchObject({
      calls: 10,
      answered: 10,
      talkSec: 2_220,
      cost: [eur(2_500_000, 4, 625_000), gbp(950_000, 4, 237_500)],
    });
    expect(report.rows[1]).toMatchObject({
      calls: 6,
      answered: 5,
      talkSec: 720,
      cost: [eur(1_100_000, 5, 220_000)],
    });
    // Finance (Carla 9–12, Emma 17–19) and call 24.
    expect(report.other).toEqual({
      rows: 2,
      calls: 8,
      answered: 5,
      talkSec: 600,
      minutes: 10,
      billedSec: 540,
      cost: [eur(1_000_000, 3, 333_333), gbp(150_000, 2, 75_000)],
    });
    expect(report.total).toEqual((await summary(admin, {})).totals);
  });

  it('breaks down by class, country, site, carrier and user, naming each', async () => {
    const classes = await breakdown(admin, { dimension: 'destClass', limit: 10 });
    expect(classes.rows.map((row) => [row.key, row.calls, row.talkSec])).toEqual([
      ['international', 5, 900],
      ['mobile', 9, 1_440],
      ['national', 7, 780],
      ['internal', 1, 240],
      ['premium', 1, 60],
      ['tollfree', 1, 120],
    ]);
    expect(classes.rows[1]?.cost).toEqual([eur(1_400_000, 4, 350_000), gbp(600_000, 2, 300_000)]);
    const countries = await breakdown(admin, { dimension: 'country', limit: 10 });
    expect(countries.rows.map((row) => [row.key, row.label, row.calls])).toEqual([
      ['IT', 'IT', 12],
      ['GB', 'GB', 8],
      ['FR', 'FR', 2],
      ['US', 'US', 1],
      [null, 'Unknown country', 1],
    ]);
    expect(countries.rows[0]?.cost).toEqual([eur(1_900_000, 8, 237_500), gbp(250_000, 1, 250_000)]);
    const sites = await breakdown(admin, { dimension: 'site', limit: 10 });
    expect(sites.rows.map((row) => [row.label, row.calls, row.answered, row.talkSec])).toEqual([
      ['Milano', 16, 13, 2_400],
      ['London', 8, 7, 1_140],
    ]);
    const carriers = await breakdown(admin, { dimension: 'carrier', limit: 10 });
    expect(carriers.rows.map((row) => [row.label, row.calls, row.answered])).toEqual([
      ['Aurora Telecom', 12, 10],
      ['Albion Networks', 7, 6],
      ['No carrier', 5, 4],
    ]);
    const users = await breakdown(admin, { dimension: 'user', limit: 10 });
    // EUR: Bruno 2.5, Anna 1.1, Carla 0.9, no user 0.1; then GBP: Dave 0.95, Emma 0.15.
    expect(users.rows.map((row) => row.label)).toEqual([
      'Bruno Conti',
      'Anna Rossi',
      'Carla Bianchi',
      'No user',
      'Dave Smith',
      '=HYPERLINK("http://evil.example","Emma")',
    ]);
  });

  it('breaks down by destination: the rate label, else the number', async () => {
    const report = await breakdown(admin, { dimension: 'destination', limit: 3 });
    expect(report.source).toBe('calls');
    // \rUnited Kingdom 1.5 (call 5), Italy mobile 1.4 (2 3 8 21), France 0.9 (9 10).
    expect(report.rows.map((row) => [row.key, row.calls])).toEqual([
      ['\rUnited Kingdom', 1],
      ['Italy mobile', 4],
      ['France', 2],
    ]);
    const all = await breakdown(admin, { dimension: 'destination', limit: 100 });
    expect(all.rows.find((row) => row.key === 'Italy fixed')).toMatchObject({
      calls: 4,
      cost: [eur(500_000, 4, 125_000)],
    });
    // Unpriced calls by number; the internal call has none.
    expect(all.rows.find((row) => row.key === '+447700900618')).toMatchObject({ calls: 1, cost: [] });
    expect(all.rows.find((row) => row.key === null)).toMatchObject({
      label: 'No number',
      calls: 1,
      talkSec: 240,
    });
    expect(all.other).toBeNull();
  });

  it('gives every hour and weekday in order', async () => {
    const hours = await breakdown(admin, { dimension: 'hourOfDay', limit: 1 });
    expect(hours.rows).toHaveLength(24);
    expect(hours.other).toBeNull();
    // 09:00: calls 1 3 8 12 13 17 20.
    expect(hours.rows[9]).toMatchObject({
      key: 9,
      label: '09:00',
      calls: 7,
      talkSec: 600,
      cost: [eur(600_000, 4, 150_000), gbp(250_000, 2, 125_000)],
    });
    expect(hours.rows.map((row) => row.calls)).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0, 1, 7, 6, 3, 0, 0, 2, 1, 2, 1, 0, 0, 0, 0, 0, 1,
    ]);
    const weekdays = await breakdown(admin, { dimension: 'weekday' });
    expect(weekdays.rows.map((row) => [row.label, row.calls])).toEqual([
      ['Monday', 9],
      ['Tuesday', 7],
      ['Wednesday', 5],
      ['Thursday', 2],
      ['Friday', 0],
      ['Saturday', 1],
      ['Sunday', 0],
    ]);
  });

  it('follows November week by week from Monday, empty weeks included', async () => {
    const report = await service.trend(admin, trendQuerySchema.parse({ ...NOVEMBER, interval: 'week' }));
    expect(report.series).toHaveLength(1);
    const points = report.series[0]!.points;
    expect(points.map((point) => [point.start, point.end, point.calls, point.talkSec])).toEqual([
      ['2026-11-01', '2026-11-01', 0, 0],
      ['2026-11-02', '2026-11-08', 9, 1_860],
      ['2026-11-09', '2026-11-15', 5, 420],
      ['2026-11-16', '2026-11-22', 4, 480],
      ['2026-11-23', '2026-11-29', 4, 660],
      ['2026-11-30', '2026-11-30', 2, 120],
    ]);
    expect(points.map((point) => point.cost)).toEqual([
      [],
      [eur(2_300_000, 5, 460_000), gbp(500_000, 2, 250_000)],
      [eur(1_200_000, 3, 400_000), gbp(250_000, 1, 250_000)],
      [gbp(150_000, 1, 150_000)],
      [eur(700_000, 2, 350_000), gbp(200_000, 2, 100_000)],
      [eur(400_000, 2, 200_000)],
    ]);
    expect(report.series[0]!.total).toEqual((await summary(admin, {})).totals);
  });

  it('follows months and days, one series per group', async () => {
    const months = await service.trend(
      admin,
      trendQuerySchema.parse({
        from: '2026-10-02',
        to: '2026-11-30',
        interval: 'month',
        groupBy: 'department',
      }),
    );
    expect(months.series.map((series) => [series.label, series.points.map((point) => point.calls)])).toEqual([
      // Sales North: 32 in October; 5 6 7 8 21 13 14 15 16 22 in November.
      ['Sales North', [2, 10]],
      ['Sales', [1, 6]],
      ['Finance', [1, 7]],
      ['No department', [0, 1]],
    ]);
    expect(months.series[0]!.points[0]).toMatchObject({ start: '2026-10-02', end: '2026-10-31' });
    const days = await service.trend(
      admin,
      trendQuerySchema.parse({ from: '2026-11-02', to: '2026-11-04', interval: 'day', groupBy: 'destClass' }),
    );
    // Nov 2: 1 13 (national) 2 (mobile); Nov 3: 3 14 (mobile) 4 (national); Nov 4: 5 (international), 6 (national).
    expect(
      Object.fromEntries(
        days.series.map((series) => [series.key, series.points.map((point) => point.calls)]),
      ),
    ).toEqual({
      national: [2, 1, 1],
      mobile: [1, 2, 0],
      international: [0, 0, 1],
    });
  });

  describe('scope', () => {
    it('gives an employee their own calls and refuses anyone else’s', async () => {
      const anna = principalFor('employee', data.users.anna, { kind: 'user', userId: data.users.anna });
      expect((await summary(anna, {})).totals).toMatchObject({
        calls: 6,
        cost: [eur(1_100_000, 5, 220_000)],
      });
      expect((await summary(anna, { user: data.users.anna })).totals.calls).toBe(6);
      await expect(summary(anna, { user: data.users.bruno })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(summary(anna, { department: data.departments.sales })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const rows = await breakdown(anna, { dimension: 'user' });
      expect(rows.rows.map((row) => row.label)).toEqual(['Anna Rossi']);
    });

    it('gives a supervisor their departments and the users in them, nothing else', async () => {
      const scope = {
        kind: 'departments' as const,
        departmentIds: [data.departments.sales, data.departments.north],
      };
      const supervisor = principalFor('supervisor', data.users.anna, scope);
      expect((await summary(supervisor, {})).totals).toMatchObject({
        calls: 16,
        answered: 15,
        talkSec: 2_940,
      });
      expect((await summary(supervisor, { user: data.users.dave })).totals.calls).toBe(5);
      expect((await summary(supervisor, { department: data.departments.north })).totals.calls).toBe(10);
      await expect(summary(supervisor, { department: data.departments.finance })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(summary(supervisor, { user: data.users.carla })).rejects.toMatchObject({
        code: 'forbidden',
      });
      const north = principalFor('supervisor', data.users.bruno, {
        kind: 'departments',
        departmentIds: [data.departments.north],
      });
      await expect(summary(north, { department: data.departments.sales })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(summary(north, { user: 999_999 })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('shows a person the directory does not know nothing', async () => {
      const stranger = principalFor('employee', null, { kind: 'none' });
      expect((await summary(stranger, {})).totals).toMatchObject({ calls: 0, cost: [] });
      await expect(summary(stranger, { user: data.users.anna })).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('masks destinations that are numbers for a supervisor, except on their own calls', async () => {
      const scope = {
        kind: 'departments' as const,
        departmentIds: [data.departments.sales, data.departments.north],
      };
      const supervisor = principalFor('supervisor', data.users.anna, scope);
      const report = await breakdown(supervisor, { dimension: 'destination', limit: 100 });
      const keys = report.rows.map((row) => row.key);
      // Anna's inbound caller (call 4) in full; Dave's inbound caller (16) masked.
      expect(keys).toContain('+390612345604');
      expect(keys).toContain('+447700900xxx');
      expect(keys).not.toContain('+447700900616');
    });
  });

  it('refuses a period that ends before it starts or is longer than two years', async () => {
    expect(summaryQuerySchema.safeParse({ from: '2026-11-30', to: '2026-11-01' }).success).toBe(false);
    expect(summaryQuerySchema.safeParse({ from: '2024-01-01', to: '2026-01-01' }).success).toBe(false);
    expect(summaryQuerySchema.safeParse({ from: '2024-01-01', to: '2025-12-31' }).success).toBe(true);
    expect(summaryQuerySchema.safeParse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    await expect(service.summary(admin, { from: '2026-11-30', to: '2026-11-01' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'to (2026-11-01) is before from (2026-11-30)',
    });
  });
});
