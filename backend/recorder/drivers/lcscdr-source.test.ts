import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordingMssqlDialect, type RecordedQuery } from '../../db/mssql/test-recording-dialect.js';
import type { LcsCdrSchema } from '../lcscdr/lcscdr-schema.js';
import { sessionPosition } from './lcscdr-position.js';
import { LcsCdrQueries } from './lcscdr-queries.js';
import { LcsCdrSource, SQL_SERVER_ENGINE } from './lcscdr-source.js';

const AT = '2026-02-03T09:07:00.123Z#7';
const AT_DATE = new Date('2026-02-03T09:07:00.123Z');

/** T-SQL, not SQLite or PostgreSQL: TOP instead of LIMIT, under 2,100 parameters, all of them bound. */
function expectTsql(query: RecordedQuery): void {
  expect(query.sql).not.toMatch(/\b(limit|offset|returning|ilike)\b|\|\||::|\$\d/i);
  expect(query.parameters.length).toBeLessThan(2100);
  expect(query.sql.match(/@\d+/g) ?? []).toHaveLength(query.parameters.length);
  expect(query.sql).not.toMatch(/\b(true|false)\b/i);
}

describe('the LcsCDR statements sent to SQL Server', () => {
  const recorded: RecordedQuery[] = [];
  const db = new Kysely<LcsCdrSchema>({ dialect: recordingMssqlDialect(recorded) });
  const source = new LcsCdrSource(db, SQL_SERVER_ENGINE, 'recording');
  const queries = new LcsCdrQueries(db, SQL_SERVER_ENGINE);

  it('reads audio sessions after the checkpoint with TOP, a datetime parameter and the joins', () => {
    const { sql, parameters } = source.compileRead(AT, 5000);
    expect(sql).toMatch(/^select top\(5000\) "sd"\."SessionIdTime"/);
    expect(sql).toContain(
      'inner join "VoipDetails" as "vd" on "vd"."SessionIdTime" = "sd"."SessionIdTime" and "vd"."SessionIdSeq" = "sd"."SessionIdSeq"',
    );
    expect(sql).toContain(
      'left join "Gateways" as "toGateway" on "toGateway"."GatewayId" = "vd"."ToGatewayId"',
    );
    expect(sql).toContain('"sd"."CorrelationId"');
    expect(sql).toContain('(sd.MediaTypes & @1) = @2');
    expect(sql).toContain(
      '("sd"."SessionIdTime" >= @3 and ("sd"."SessionIdTime" > @4 or "sd"."SessionIdSeq" > @5))',
    );
    expect(sql).toMatch(/order by "sd"\."SessionIdTime", "sd"\."SessionIdSeq"$/);
    expect(parameters).toEqual([16, 16, AT_DATE, AT_DATE, 7]);
    expectTsql({ sql, parameters });
  });

  it('reads sessions again by key, 500 keys to a statement', async () => {
    const keys = Array.from({ length: 1_200 }, (_, i) =>
      sessionPosition(Date.UTC(2026, 1, 3, 9) + i * 1_000, i),
    );
    recorded.length = 0;
    expect(await source.checkOpen(keys)).toMatchObject({ records: [], gone: keys });
    expect(recorded.map((query) => query.sql.match(/^select top\((\d+)\)/)?.[1])).toEqual([
      '500',
      '500',
      '200',
    ]);
    for (const query of recorded) expectTsql(query);
    expect(recorded[0]!.sql).toContain('("sd"."SessionIdTime" = @3 and "sd"."SessionIdSeq" = @4) or');
    expect(recorded[0]!.parameters).toHaveLength(2 + 2 * 500);
  });

  it('looks for retried sessions over ranges of SessionIdTime, not agent legs', () => {
    const ranges = Array.from({ length: 500 }, (_, i) => ({
      fromMs: Date.UTC(2026, 1, 3, 9) + i * 60_000,
      toMs: Date.UTC(2026, 1, 3, 9) + i * 60_000 + 31_000,
    }));
    const { sql, parameters } = queries.retries(ranges).compile();
    expect(sql).toMatch(/^select "sd"\."SessionIdTime", "sd"\."SessionIdSeq", "sd"\."CorrelationId"/);
    expect(sql).toContain('(sd.MediaTypes & @1) = @2 and (sd.CallFlag & @3) = @4');
    expect(sql).toContain('("sd"."SessionIdTime" >= @5 and "sd"."SessionIdTime" <= @6) or');
    expect(parameters.slice(0, 6)).toEqual([
      16,
      16,
      3,
      1,
      new Date(ranges[0]!.fromMs),
      new Date(ranges[0]!.toMs),
    ]);
    expectTsql({ sql, parameters });
  });

  it('counts and lists the sessions of a span, bounded by time and by the checkpoint key', async () => {
    const span = { fromMs: Date.UTC(2026, 1, 2, 9), toMs: Date.UTC(2026, 1, 3, 10), upTo: AT };
    recorded.length = 0;
    await source.countSessions(span);
    await source.sessionKeys(span);
    const [count, keys] = recorded;
    const bounds =
      '"sd"."SessionIdTime" >= @3 and "sd"."SessionIdTime" < @4 and ("sd"."SessionIdTime" < @5 or ("sd"."SessionIdTime" = @6 and "sd"."SessionIdSeq" <= @7))';
    expect(count!.sql).toMatch(
      /^select count\(\*\) as "sessions" from "SessionDetails" as "sd" inner join "VoipDetails"/,
    );
    expect(count!.sql).toContain(bounds);
    expect(keys!.sql).toMatch(/^select "sd"\."SessionIdTime", "sd"\."SessionIdSeq" from/);
    expect(keys!.sql).toContain(bounds);
    for (const query of [count!, keys!]) {
      expect(query.parameters).toEqual([
        16,
        16,
        new Date(span.fromMs),
        new Date(span.toMs),
        AT_DATE,
        AT_DATE,
        7,
      ]);
      expectTsql(query);
    }
  });

  it('finds the oldest session, or the first after a key, with TOP (1)', async () => {
    recorded.length = 0;
    await source.oldestPosition();
    await source.oldestPosition(AT);
    expect(recorded[0]!.sql).toMatch(/^select top\(1\) "sd"\."SessionIdTime", "sd"\."SessionIdSeq" from/);
    expect(recorded[0]!.sql).toMatch(/order by "sd"\."SessionIdTime", "sd"\."SessionIdSeq"$/);
    expect(recorded[1]!.sql).toContain(
      '("sd"."SessionIdTime" >= @3 and ("sd"."SessionIdTime" > @4 or "sd"."SessionIdSeq" > @5))',
    );
    for (const query of recorded) expectTsql(query);
  });

  it('reads the purge settings', async () => {
    recorded.length = 0;
    // No row (the recording driver answers none): Microsoft's defaults.
    expect(await source.purgeHorizon(Date.UTC(2026, 1, 3))).toMatchObject({ keepDays: 60 });
    expect(recorded.map((query) => query.sql)).toEqual([
      'select "EnablePurge", "KeepCallDetailForDays" from "PurgeSettings"',
    ]);
    // The table missing on SQL Server is error 208; any other error is not a default.
    const missing = new LcsCdrSource(
      failingDb(Object.assign(new Error("Invalid object name 'PurgeSettings'."), { number: 208 })),
      SQL_SERVER_ENGINE,
      'x',
    );
    expect(await missing.purgeHorizon(0)).toMatchObject({ keepDays: 60 });
    const denied = new LcsCdrSource(
      failingDb(
        Object.assign(new Error("The SELECT permission was denied on the object 'PurgeSettings'"), {
          number: 229,
        }),
      ),
      SQL_SERVER_ENGINE,
      'x',
    );
    await expect(denied.purgeHorizon(0)).rejects.toThrow(
      /cannot read PurgeSettings at x: The SELECT permission was denied/,
    );
  });
});

/** A SQL Server connection whose every statement fails with `error`. */
function failingDb(error: Error): Kysely<LcsCdrSchema> {
  const dialect = recordingMssqlDialect([]);
  return new Kysely<LcsCdrSchema>({
    dialect: {
      ...dialect,
      createAdapter: () => dialect.createAdapter(),
      createQueryCompiler: () => dialect.createQueryCompiler(),
      createIntrospector: (db) => dialect.createIntrospector(db),
      createDriver: () => {
        const driver = dialect.createDriver();
        return {
          ...driver,
          init: () => driver.init(),
          acquireConnection: async () => ({
            executeQuery: () => Promise.reject(error),
            // eslint-disable-next-line require-yield
            streamQuery: async function* () {
              throw error;
            },
          }),
          releaseConnection: async () => {},
          destroy: async () => {},
          beginTransaction: async () => {},
          commitTransaction: async () => {},
          rollbackTransaction: async () => {},
        };
      },
    },
  });
}
