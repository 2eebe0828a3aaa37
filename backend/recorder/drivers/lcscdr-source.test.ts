import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { recordingMssqlDialect, type RecordedQuery } from '../../db/mssql/test-recording-dialect.js';
import type { LcsCdrSchema } from '../lcscdr/lcscdr-schema.js';
import { LcsCdrSource, SQL_SERVER_ENGINE } from './lcscdr-source.js';

describe('the LcsCDR query sent to SQL Server', () => {
  const recorded: RecordedQuery[] = [];
  const source = new LcsCdrSource(
    new Kysely<LcsCdrSchema>({ dialect: recordingMssqlDialect(recorded) }),
    SQL_SERVER_ENGINE,
    'recording',
  );

  it('reads audio sessions after the checkpoint with TOP, a datetime parameter and the joins', () => {
    const { sql, parameters } = source.compileRead('2026-02-03T09:07:00.123Z#7', 5000);
    expect(sql).toMatch(/^select top\(5000\) "sd"\."SessionIdTime"/);
    expect(sql).toContain(
      'inner join "VoipDetails" as "vd" on "vd"."SessionIdTime" = "sd"."SessionIdTime" and "vd"."SessionIdSeq" = "sd"."SessionIdSeq"',
    );
    expect(sql).toContain(
      'left join "Gateways" as "toGateway" on "toGateway"."GatewayId" = "vd"."ToGatewayId"',
    );
    expect(sql).toContain('(sd.MediaTypes & @1) = @2');
    expect(sql).toContain(
      '("sd"."SessionIdTime" > @3 or ("sd"."SessionIdTime" = @4 and "sd"."SessionIdSeq" > @5))',
    );
    expect(sql).toMatch(/order by "sd"\."SessionIdTime", "sd"\."SessionIdSeq"$/);
    expect(sql).not.toMatch(/\blimit\b/);
    expect(parameters).toEqual([
      16,
      16,
      new Date('2026-02-03T09:07:00.123Z'),
      new Date('2026-02-03T09:07:00.123Z'),
      7,
    ]);
  });
});
