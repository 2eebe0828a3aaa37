import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import type { Principal } from '../domain/principal.js';
import { callListQuerySchema, CALL_SORTS, type CallSort } from './report-query.js';
import { ReportService } from './report.service.js';
import { principalFor, seedReportData, type ReportData } from './test-report-data.js';

const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe.each(testEngines())('call list on $name', (engine) => {
  let database: Database;
  let data: ReportData;
  let service: ReportService;
  let admin: Principal;
  let supervisor: Principal;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    data = await seedReportData(database);
    service = new ReportService(repositoriesFor(database.kysely, database));
    admin = principalFor('admin', null, { kind: 'all' });
    supervisor = principalFor('supervisor', data.users.anna, {
      kind: 'departments',
      departmentIds: [data.departments.sales, data.departments.north],
    });
  });
  afterAll(() => database.close());

  const list = (principal: Principal, query: Record<string, unknown>) =>
    service.calls(principal, callListQuerySchema.parse({ ...NOVEMBER, ...query }));

  /** Every page of a list, following nextCursor; the ids in the order read. */
  async function walk(principal: Principal, query: Record<string, unknown>): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const page = await list(principal, { ...query, ...(cursor ? { cursor } : {}) });
      ids.push(...page.calls.map((call) => call.id));
      if (page.nextCursor === null) return ids;
      cursor = page.nextCursor;
    }
    throw new Error('the list did not end');
  }

  /** November's calls as stored (of some departments), ordered by a column then id by plain JavaScript. */
  async function expectedOrder(
    sort: CallSort,
    order: 'asc' | 'desc',
    departments?: number[],
  ): Promise<number[]> {
    const column = { startedAt: 'started_at', cost: 'cost_micro', duration: 'duration_sec' } as const;
    let query = database.kysely
      .selectFrom('calls')
      .select(['id', column[sort]])
      .where('local_day', '>=', 20261101)
      .where('local_day', '<=', 20261130);
    if (departments) query = query.where('department_id', 'in', departments);
    const rows = await query.execute();
    const value = (row: (typeof rows)[number]) => Number((row as Record<string, unknown>)[column[sort]]);
    const sign = order === 'asc' ? 1 : -1;
    return rows
      .sort((a, b) => sign * (value(a) - value(b)) || sign * (Number(a.id) - Number(b.id)))
      .map((row) => Number(row.id));
  }

  it('walks every call once, in the stated order, for every sort, direction and page size', async () => {
    for (const sort of CALL_SORTS)
      for (const order of ['asc', 'desc'] as const) {
        const expected = await expectedOrder(sort, order);
        expect(expected).toHaveLength(24);
        for (const limit of [1, 4, 7, 24, 500])
          expect(await walk(admin, { sort, order, limit }), `${sort} ${order} by ${limit}`).toEqual(expected);
      }
  });

  it('walks several departments page by page, merged in order, for every sort', async () => {
    const both = [data.departments.sales, data.departments.north];
    for (const sort of CALL_SORTS)
      for (const order of ['asc', 'desc'] as const) {
        const expected = await expectedOrder(sort, order, both);
        expect(expected).toHaveLength(16);
        for (const limit of [1, 5, 16]) {
          expect(await walk(supervisor, { sort, order, limit }), `${sort} ${order} by ${limit}`).toEqual(
            expected,
          );
          expect(await walk(admin, { sort, order, limit, department: data.departments.sales })).toEqual(
            expected,
          );
        }
      }
  });

  it('orders ties by id: nine calls cost nothing, four cost 0.10', async () => {
    const ids = await walk(admin, { sort: 'cost', order: 'asc', limit: 3 });
    const idsOf = (ns: number[]) => ns.map((n) => data.calls.get(n) as number).sort((a, b) => a - b);
    expect(ids.slice(0, 9)).toEqual(idsOf([3, 4, 7, 10, 11, 12, 16, 18, 19]));
    expect(ids.slice(9, 13)).toEqual(idsOf([6, 13, 20, 24]));
  });

  it('ends with a null cursor, also when the last page is full', async () => {
    const page = await list(admin, { limit: 24 });
    expect(page.calls).toHaveLength(24);
    expect(page.nextCursor).toBeNull();
    const first = await list(admin, { limit: 23 });
    const last = await list(admin, { limit: 23, cursor: first.nextCursor });
    expect(last.calls).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
  });

  it('shows a call with names, local time, cost, and the number as the viewer may see it', async () => {
    const call8 = data.calls.get(8);
    const [call] = (
      await list(admin, { user: data.users.bruno, sort: 'startedAt', order: 'asc' })
    ).calls.filter((row) => row.id === call8);
    expect(call).toEqual({
      id: call8,
      startedAt: '2026-11-09T08:00:00.000Z',
      localTime: '2026-11-09 09:00:00',
      localDay: '2026-11-09',
      direction: 'outbound',
      answered: true,
      talkSec: 120,
      billedSec: 120,
      user: { id: data.users.bruno, name: 'Bruno Conti' },
      department: { id: data.departments.north, name: 'Sales North' },
      site: { id: data.sites.MIL, name: 'Milano' },
      carrier: { id: data.carriers.aurora, name: 'Aurora Telecom' },
      caller: '2002',
      callee: '+393471234508',
      number: '+393471234508',
      destClass: 'mobile',
      country: 'IT',
      destination: 'Italy mobile',
      cost: { currency: 'EUR', micro: 300_000 },
      ratingStatus: 'rated',
    });
    const seen = await list(supervisor, { user: data.users.bruno });
    expect(seen.calls.find((row) => row.id === call8)).toMatchObject({
      callee: '+393471234xxx',
      number: '+393471234xxx',
    });
    const bruno = principalFor('employee', data.users.bruno, { kind: 'user', userId: data.users.bruno });
    expect((await list(bruno, {})).calls.find((row) => row.id === call8)?.number).toBe('+393471234508');
    // The supervisor's own call in full, and a London inbound caller masked.
    const own = await list(supervisor, { q: '4503' });
    expect(own.calls.map((row) => row.number)).toEqual(['+393471234503']);
    const inbound = (await list(supervisor, { user: data.users.dave, direction: 'inbound' })).calls;
    expect(inbound.map((row) => [row.caller, row.callee, row.localTime])).toEqual([
      ['+447700900xxx', '4001', '2026-11-17 14:00:00'],
    ]);
  });

  it('filters and searches, never matching the digits masking hides', async () => {
    const unanswered = await list(admin, { answered: 'false', sort: 'startedAt', order: 'asc' });
    expect(unanswered.calls.map((row) => row.id)).toEqual([3, 10, 12, 18].map((n) => data.calls.get(n)));
    const dear = await list(admin, { minCost: 0.5, sort: 'cost', order: 'desc' });
    expect(dear.calls.map((row) => row.cost?.micro)).toEqual([1_500_000, 900_000, 600_000, 500_000]);
    // Admins search whole numbers: 2 3 8 21 and 12 (inbound caller).
    expect((await list(admin, { q: '+3934712345' })).calls).toHaveLength(5);
    // The supervisor sees 2 and 3 (their own) in full; Bruno's 8 and 21 show +393471234xxx, so
    // the digit after "+393471234" is hidden and cannot be searched.
    const masked = await list(supervisor, { q: '+3934712345', sort: 'startedAt', order: 'asc' });
    expect(masked.calls.map((row) => row.id)).toEqual([2, 3].map((n) => data.calls.get(n)));
    const visible = await list(supervisor, { q: '+393471234', sort: 'startedAt', order: 'asc' });
    expect(visible.calls.map((row) => row.id)).toEqual([2, 3, 8, 21].map((n) => data.calls.get(n)));
    expect((await list(supervisor, { q: '+393471234508' })).calls).toHaveLength(0);
    // Names, whatever their case, and LIKE's wildcards taken literally.
    expect((await list(admin, { q: 'DAVE' })).calls).toHaveLength(5);
    expect((await list(admin, { q: '%' })).calls).toHaveLength(0);
    expect((await list(admin, { q: '"http://evil' })).calls).toHaveLength(3);
  });

  it('refuses cursors it did not give and pages larger than 500', async () => {
    const page = await list(admin, { sort: 'cost', order: 'desc', limit: 2 });
    await expect(
      list(admin, { sort: 'duration', order: 'desc', cursor: page.nextCursor }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(list(admin, { cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(callListQuerySchema.safeParse({ ...NOVEMBER, limit: 501 }).success).toBe(false);
    await expect(list(supervisor, { user: data.users.emma })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
