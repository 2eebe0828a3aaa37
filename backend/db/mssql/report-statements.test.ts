import { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '../../domain/principal.js';
import {
  breakdownQuerySchema,
  callExportQuerySchema,
  callListQuerySchema,
  summaryQuerySchema,
  trendQuerySchema,
} from '../../reports/report-query.js';
import { ReportService } from '../../reports/report.service.js';
import type { BillingSchema } from '../billing-schema.js';
import { multiRowInserter } from '../bulk-inserter.js';
import type { Database } from '../database.js';
import { migrateToLatest } from '../migrations/migrate.js';
import type { ReportCriteria } from '../report-criteria.js';
import { repositoriesFor, type Repositories } from '../repositories.js';
import { mssqlAdapter } from './mssql-adapter.js';
import { recordingMssqlDialect, type RecordedQuery } from './test-recording-dialect.js';

const MAX_PARAMETERS = 2_100;
const NOVEMBER: ReportCriteria = { fromDay: 20261101, toDay: 20261130 };

describe('report statements sent to SQL Server', () => {
  let recorded: RecordedQuery[];
  let repos: Repositories;
  let database: Database;

  beforeEach(() => {
    recorded = [];
    const kysely = new Kysely<BillingSchema>({ dialect: recordingMssqlDialect(recorded) });
    database = {
      engine: 'mssql',
      adapter: mssqlAdapter,
      kysely,
      bulk: multiRowInserter(mssqlAdapter),
      description: 'recording',
      close: () => kysely.destroy(),
    };
    repos = repositoriesFor(kysely, database);
  });

  it('replaces the day indexes of calls by start-time ones, dropping indexes by table', async () => {
    await migrateToLatest(database);
    const ddl = recorded.map((query) => query.sql);
    expect(ddl).toContain(
      'create index "calls_department_started_ix" on "calls" ("department_id", "started_at", "id")',
    );
    expect(ddl).toContain('drop index "calls_department_day_ix" on "calls"');
    expect(ddl.indexOf('drop index "calls_user_day_ix" on "calls"')).toBeGreaterThan(
      ddl.indexOf('create index "calls_user_started_ix" on "calls" ("user_id", "started_at", "id")'),
    );
  });

  it('pages calls with TOP, by keyset, merged per department, never LIMIT or OFFSET', () => {
    const first = repos.callList.compilePage({
      scope: { kind: 'user', userId: 7 },
      criteria: NOVEMBER,
      sort: 'started_at',
      descending: true,
      after: null,
      limit: 51,
    });
    expect(first.sql).toMatch(
      /^select top\(51\) "id", "started_at", .* from "calls" where .* order by "started_at" desc, "id" desc$/,
    );
    const deep = repos.callList.compilePage({
      scope: { kind: 'all' },
      criteria: { ...NOVEMBER, minCost: 500_000, answered: true },
      sort: 'cost_micro',
      descending: false,
      after: { value: 120_000, id: 4_242 },
      limit: 51,
    });
    expect(deep.sql).toContain(
      'and "cost_micro" >= @6) and "cost_micro" >= @7 and ("cost_micro" > @8 or "id" > @9) order by "cost_micro" asc, "id" asc',
    );
    expect(deep.parameters.slice(-3)).toEqual([120_000, 120_000, 4_242]);
    const departments = Array.from({ length: 20 }, (_, i) => i + 1);
    const merged = repos.callList.compilePage({
      scope: { kind: 'departments', departmentIds: departments },
      criteria: { ...NOVEMBER, search: { text: '100%', digits: null, hiddenDigits: 3, ownUserId: 7 } },
      sort: 'started_at',
      descending: true,
      after: { value: 1_790_000_000_000, id: 99 },
      limit: 501,
    });
    expect(merged.sql.match(/union all/g)).toHaveLength(19);
    expect(merged.sql).toMatch(/^select top\(501\) \* from \(select \* from \(select top\(501\) /);
    expect(merged.sql).toMatch(/\) as "pages" order by "started_at" desc, "id" desc$/);
    expect(merged.sql).toContain(`lower("users"."display_name") like @`);
    expect(merged.sql).toContain(`escape '\\'`);
    expect(merged.parameters).toContain('%100\\%%');
    expect(merged.parameters.length).toBeLessThan(MAX_PARAMETERS);
    for (const query of [first, deep, merged]) expect(query.sql).not.toMatch(/\blimit\b|\boffset\b/);
  });

  it('groups calls and rollups with portable SQL: bigint sums, the same key expression twice', () => {
    const calls = repos.reports.compileCallGroups({ kind: 'all' }, { ...NOVEMBER, answered: false }, [
      'label',
      'number',
      'user',
    ]);
    expect(calls.sql).toContain('sum(cast("duration_sec" as bigint)) as "talk_sec"');
    expect(calls.sql).toContain(
      'group by "currency", "label", case when "label" is null then "dest_number" end, "user_id"',
    );
    const rollups = repos.reports.compileRollupGroups(
      { kind: 'departments', departmentIds: [3, 4] },
      { ...NOVEMBER, carrierId: 2 },
      ['day', 'destClass'],
    );
    expect(rollups.sql).toMatch(
      /^select "local_day" as "k_day", "dest_class" as "k_destClass", "carrier_id", /,
    );
    expect(rollups.sql).toContain('from "daily_rollups" where ("department_id" in (@1, @2) and');
    expect(rollups.sql).toMatch(/group by "carrier_id", "local_day", "dest_class"$/);
  });

  it('keeps every statement of every report under 2,100 parameters', async () => {
    const admin: Principal = {
      objectId: 'oid',
      tenantId: 'tid',
      upn: null,
      displayName: null,
      role: 'admin',
      userId: null,
      supervisedDepartmentIds: [],
      scope: { kind: 'all' },
    };
    const service = new ReportService(repos);
    const period = { from: '2026-11-01', to: '2026-11-30', q: 'Anna', site: '1' };
    await service.summary(admin, summaryQuerySchema.parse(period));
    await service.breakdown(admin, breakdownQuerySchema.parse({ ...period, dimension: 'destination' }));
    await service.trend(
      admin,
      trendQuerySchema.parse({ ...period, interval: 'week', groupBy: 'department' }),
    );
    await service.calls(admin, callListQuerySchema.parse({ ...period, sort: 'duration' }));
    const file = await service.exportCalls(admin, callExportQuerySchema.parse({ ...period, format: 'csv' }));
    await file.body.toArray();
    // Summary (this period and the one before), breakdown, trend, the list's page and its sites,
    // the export's first page: all on calls, as a search is asked for.
    expect(recorded.map((query) => /from "(\w+)"/.exec(query.sql)?.[1])).toEqual([
      'calls',
      'calls',
      'calls',
      'calls',
      'calls',
      'sites',
      'calls',
    ]);
    for (const query of recorded) {
      expect(query.parameters.length).toBeLessThan(MAX_PARAMETERS);
      expect(query.sql).not.toMatch(/\blimit\b/);
    }
    // Names of thousands of users are read in batches under the limit.
    recorded.length = 0;
    await repos.reports.names(
      'user',
      Array.from({ length: 5_000 }, (_, i) => i + 1),
    );
    expect(recorded.map((query) => query.parameters.length)).toEqual([1_000, 1_000, 1_000, 1_000, 1_000]);
  });
});
