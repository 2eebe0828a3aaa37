import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerlineError } from '../../domain/errors.js';
import { fromLcsCdrDatetime, toLcsCdrDatetime } from './lcscdr-datetime.js';
import { createLcsCdrReplica, lcsCdrReplicaScriptPath } from './lcscdr-replica.js';
import type { LcsCdrSchema } from './lcscdr-schema.js';

// Microsoft's column lists, in the order of the published tables (ReplaceDialogId* spelled as
// deployed databases spell it: ReplacesDialogId*).
const SESSION_DETAILS_COLUMNS = [
  'SessionIdTime', 'SessionIdSeq', 'CorrelationId', 'ReplacesDialogIdTime', 'ReplacesDialogIdSeq',
  'User1Id', 'User2Id', 'User1EndpointId', 'User2EndpointId', 'TargetUserId', 'SessionStartedById',
  'OnBehalfOfId', 'ReferredById', 'ServerId', 'PoolId', 'ContentTypeID', 'User1ClientVerId',
  'User2ClientVerId', 'User1EdgeServerid', 'User2EdgeServerid', 'IsUser1Internal', 'IsUser2Internal',
  'InviteTime', 'ResponseTime', 'ResponseCode', 'DiagnosticId', 'CallPriority', 'User1MessageCount',
  'User2MessageCount', 'SessionEndTime', 'MediaTypes', 'User1Flag', 'User2Flag', 'CallFlag',
  'Processed', 'LastModifiedTime',
]; // prettier-ignore
const VOIP_DETAILS_COLUMNS = [
  'SessionIdTime', 'SessionIdSeq', 'FromNumberId', 'ConnectedNumberId', 'FromMediationServerId',
  'ToMediationServerId', 'FromGatewayId', 'ToGatewayId', 'DisconnectedbyURIId', 'DisconnectedbyPhoneId',
  'LastModifiedTime',
]; // prettier-ignore

// An outbound PSTN call: Alice (Hamburg) dials a Berlin number; it leaves through the Mediation
// Server and the SBC, rings 9.5 s, is answered, lasts 3 min 43.263 s, and Alice hangs up.
const invite = Date.UTC(2025, 2, 14, 9, 30, 12, 347);
const answer = invite + 9_513;
const end = answer + 223_263;
const key = { SessionIdTime: toLcsCdrDatetime(invite), SessionIdSeq: 1 };

async function insertOutboundCall(db: Kysely<LcsCdrSchema>): Promise<void> {
  await db
    .insertInto('Users')
    .values([
      { UserId: 1, UserUri: 'alice.meyer@contoso.com', UriTypeId: 1, TenantId: 1 },
      { UserId: 2, UserUri: '+493012345678@contoso.com;user=phone', UriTypeId: 1, TenantId: 1 },
    ])
    .execute();
  await db
    .insertInto('Phones')
    .values([
      { PhoneId: 1, PhoneUri: '+494012345100' },
      { PhoneId: 2, PhoneUri: '+493012345678' },
    ])
    .execute();
  await db.insertInto('Gateways').values({ GatewayId: 1, Gateway: 'sbc01.contoso.com' }).execute();
  await db
    .insertInto('MediationServers')
    .values({ MediationServerId: 1, MediationServer: 'fe01.contoso.com' })
    .execute();
  await db
    .insertInto('SessionDetails')
    .values({
      ...key,
      CorrelationId: '6F1E6C1A-2B7D-4E0C-9A53-3C2F1B8D7E41',
      User1Id: 1,
      User2Id: 2,
      User1EndpointId: 'A4B2C3D4-1111-4222-8333-944455556666',
      TargetUserId: 2,
      SessionStartedById: 1,
      ServerId: 1,
      PoolId: 1,
      User1ClientVerId: 7,
      IsUser1Internal: 1,
      IsUser2Internal: 1,
      InviteTime: toLcsCdrDatetime(invite),
      ResponseTime: toLcsCdrDatetime(answer),
      ResponseCode: 200,
      CallPriority: 3,
      User1MessageCount: 0,
      User2MessageCount: 0,
      SessionEndTime: toLcsCdrDatetime(end),
      MediaTypes: 16,
      User1Flag: 0,
      User2Flag: 0,
      CallFlag: 0,
      Processed: 1,
      LastModifiedTime: toLcsCdrDatetime(end + 1_204),
    })
    .execute();
  await db
    .insertInto('VoipDetails')
    .values({
      ...key,
      FromNumberId: 1,
      ConnectedNumberId: 2,
      ToMediationServerId: 1,
      ToGatewayId: 1,
      DisconnectedbyURIId: 1,
      LastModifiedTime: toLcsCdrDatetime(end + 1_204),
    })
    .execute();
}

describe('createLcsCdrReplica', () => {
  let dir: string;
  let db: Kysely<LcsCdrSchema>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerline-lcscdr-'));
    db = await createLcsCdrReplica(join(dir, 'LcsCDR.db'));
  });

  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the replica in WAL mode with foreign keys enforced', async () => {
    const { rows: journal } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const { rows: foreignKeys } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(journal[0]?.journal_mode).toBe('wal');
    expect(foreignKeys[0]?.foreign_keys).toBe(1);
  });

  it('has every column Microsoft lists for SessionDetails and VoipDetails, keyed on the session', async () => {
    const columns = async (table: string) =>
      (
        await sql<{
          name: string;
          pk: number;
        }>`select name, pk from pragma_table_info(${table}) order by cid`.execute(db)
      ).rows;
    const session = await columns('SessionDetails');
    const voip = await columns('VoipDetails');
    expect(session.map((c) => c.name)).toEqual(SESSION_DETAILS_COLUMNS);
    expect(voip.map((c) => c.name)).toEqual(VOIP_DETAILS_COLUMNS);
    for (const table of [session, voip]) {
      expect(table.filter((c) => c.pk > 0).map((c) => c.name)).toEqual(['SessionIdTime', 'SessionIdSeq']);
    }
  });

  it('reads back an outbound PSTN audio call through the joins the recorder uses', async () => {
    await insertOutboundCall(db);
    const from = toLcsCdrDatetime(invite - 60_000);
    const rows = await db
      .selectFrom('SessionDetails as s')
      .innerJoin('VoipDetails as v', (join) =>
        join.onRef('v.SessionIdTime', '=', 's.SessionIdTime').onRef('v.SessionIdSeq', '=', 's.SessionIdSeq'),
      )
      .leftJoin('Users as caller', 'caller.UserId', 's.SessionStartedById')
      .leftJoin('Users as target', 'target.UserId', 's.TargetUserId')
      .leftJoin('Phones as fromPhone', 'fromPhone.PhoneId', 'v.FromNumberId')
      .leftJoin('Phones as connectedPhone', 'connectedPhone.PhoneId', 'v.ConnectedNumberId')
      .leftJoin('Gateways as fromGateway', 'fromGateway.GatewayId', 'v.FromGatewayId')
      .leftJoin('Gateways as toGateway', 'toGateway.GatewayId', 'v.ToGatewayId')
      .leftJoin('MediationServers as toMediation', 'toMediation.MediationServerId', 'v.ToMediationServerId')
      .select([
        's.SessionIdTime',
        's.SessionIdSeq',
        's.InviteTime',
        's.ResponseTime',
        's.SessionEndTime',
        's.ResponseCode',
        's.MediaTypes',
        's.CallFlag',
        'caller.UserUri as callerUri',
        'target.UserUri as calleeUri',
        'fromPhone.PhoneUri as callerNumber',
        'connectedPhone.PhoneUri as calleeNumber',
        'fromGateway.Gateway as fromGateway',
        'toGateway.Gateway as toGateway',
        'toMediation.MediationServer as toMediationServer',
      ])
      .where('s.SessionIdTime', '>=', from)
      .where((eb) => eb(eb('s.MediaTypes', '&', 16), '<>', 0))
      .orderBy('s.SessionIdTime')
      .orderBy('s.SessionIdSeq')
      .execute();

    expect(rows).toHaveLength(1);
    const call = rows[0]!;
    expect(call).toMatchObject({
      SessionIdSeq: 1,
      ResponseCode: 200,
      MediaTypes: 16,
      CallFlag: 0,
      callerUri: 'alice.meyer@contoso.com',
      calleeUri: '+493012345678@contoso.com;user=phone',
      callerNumber: '+494012345100',
      calleeNumber: '+493012345678',
      fromGateway: null,
      toGateway: 'sbc01.contoso.com',
      toMediationServer: 'fe01.contoso.com',
    });
    expect(call.SessionIdTime).toBe('2025-03-14 09:30:12.347');
    expect(fromLcsCdrDatetime(call.SessionIdTime)).toBe(invite);
    expect(fromLcsCdrDatetime(call.InviteTime!)).toBe(invite);
    expect(fromLcsCdrDatetime(call.ResponseTime!)).toBe(answer);
    expect(fromLcsCdrDatetime(call.SessionEndTime!)).toBe(end);
    expect(fromLcsCdrDatetime(call.SessionEndTime!) - fromLcsCdrDatetime(call.ResponseTime!)).toBe(223_263);
  });

  it('refuses datetime text in another format, which would break key order', async () => {
    await insertOutboundCall(db);
    await expect(
      db
        .insertInto('SessionDetails')
        .values({ SessionIdTime: '2025-03-14T09:31:00Z', SessionIdSeq: 1, MediaTypes: 16 })
        .execute(),
    ).rejects.toThrow(/CHECK constraint failed/);
  });

  it('refuses a VoipDetails row pointing at an unknown gateway', async () => {
    await insertOutboundCall(db);
    await expect(
      db
        .insertInto('VoipDetails')
        .values({ SessionIdTime: toLcsCdrDatetime(end), SessionIdSeq: 1, ToGatewayId: 99 })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
  });

  it('reopens an existing replica without losing rows, with the documented purge defaults', async () => {
    await insertOutboundCall(db);
    await db.destroy();
    db = await createLcsCdrReplica(join(dir, 'LcsCDR.db'));
    const sessions = await db.selectFrom('SessionDetails').select('SessionIdSeq').execute();
    const purge = await db
      .selectFrom('PurgeSettings')
      .select(['EnablePurge', 'KeepCallDetailForDays', 'KeepErrorReportForDays', 'PurgeHour'])
      .execute();
    expect(sessions).toHaveLength(1);
    expect(purge).toEqual([
      { EnablePurge: 1, KeepCallDetailForDays: 60, KeepErrorReportForDays: 60, PurgeHour: 2 },
    ]);
  });
});

describe('lcsCdrReplicaScriptPath', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

  it('finds the script from the sources and from the compiled folder', () => {
    const script = join(root, 'infra', 'sql', 'lcscdr-replica.sqlite.sql');
    expect(lcsCdrReplicaScriptPath()).toBe(script);
    expect(lcsCdrReplicaScriptPath(join(root, 'dist', 'backend', 'recorder', 'lcscdr'))).toBe(script);
  });

  it('says which file is missing when it is not above the module', () => {
    expect(() => lcsCdrReplicaScriptPath(tmpdir())).toThrow(LedgerlineError);
    expect(() => lcsCdrReplicaScriptPath(tmpdir())).toThrow(/lcscdr-replica\.sqlite\.sql/);
  });
});
