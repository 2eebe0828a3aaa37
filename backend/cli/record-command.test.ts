import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { setUpTestCompany } from '../miner/test-company.js';
import { applyLcsCdrReplicaSchema } from '../recorder/lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { parseSiteByGateway } from './record-command.js';
import { runLedgerline } from './test-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-record-'));
const data = join(dir, 'data');
const db = `sqlite:${join(data, 'ledgerline.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  const database = connect(db);
  await migrateToLatest(database);
  await setUpTestCompany(database);
  await database.close();
  const replica = new SQLite(join(data, 'lcscdr.db'));
  applyLcsCdrReplicaSchema(replica);
  const start = Date.UTC(2026, 1, 3, 9);
  new LcsCdrReplicaWriter(replica).insert([
    {
      start,
      seq: 1,
      responseCode: 200,
      responseTime: start + 5000,
      end: start + 65_000,
      starter: 'anna.rossi@contoso.com',
      other: '+390212345678@contoso.com;user=phone',
      connectedNumber: '+390212345678',
      toGateway: 'gw-mil-1',
    },
    {
      start: start + 60_000,
      seq: 2,
      responseCode: 200,
      responseTime: start + 65_000,
      end: start + 125_000,
      starter: 'james.smith@contoso.com',
      other: '+442079460018@contoso.com;user=phone',
      connectedNumber: '+442079460018',
      toGateway: 'gw-lon-1',
    },
  ]);
  replica.close();
});

describe('ledgerline record', () => {
  it('records the replica into the spool folder, then mine stores the calls', async () => {
    const recorded = await runLedgerline([
      'record',
      '--once',
      '--data',
      data,
      '--site-by-gateway',
      'gw-mil-1=MIL,gw-lon-1=LON',
    ]);
    expect(recorded.code).toBe(0);
    expect(recorded.log).toMatch(
      /"msg":"recorded sfb-20260203T090000000-1_20260203T090100000-2-[0-9a-f]{8}\.ndjson"/,
    );
    expect(readdirSync(join(data, 'spool'))).toEqual([
      expect.stringMatching(/^sfb-20260203T090000000-1_20260203T090100000-2-[0-9a-f]{8}\.ndjson$/),
    ]);
    expect((await runLedgerline(['record', '--once', '--data', data])).log).toContain(
      'no new finished calls',
    );

    expect((await runLedgerline(['mine', '--once', '--data', data])).code).toBe(0);
    const database = connect(db);
    const counts = await repositoriesFor(database.kysely, database).calls.pipelineCounts();
    await database.close();
    expect(counts).toMatchObject({ rated: 2, unrated: 0, lastStartedAt: Date.UTC(2026, 1, 3, 9, 1) });
  });

  it('explains a source it cannot use', async () => {
    expect(
      (await runLedgerline(['record', '--once', '--data', data, '--source', 'sqlite:/nowhere/lcscdr.db']))
        .err,
    ).toContain('no LcsCDR replica at /nowhere/lcscdr.db');
    expect(
      (await runLedgerline(['record', '--once', '--data', data, '--source', 'oracle://x'])).err,
    ).toContain('unsupported call-record source');
    const source = 'mssql://reader:secret@127.0.0.1:1/LcsCDR?encrypt=false';
    const unreachable = await runLedgerline(['record', '--once', '--data', data, '--source', source]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain(
      'cannot read the call records at mssql://reader:***@127.0.0.1:1/LcsCDR',
    );
    expect(unreachable.err).not.toContain('secret');
  });

  it('reads gateway-to-site maps and refuses malformed ones', () => {
    expect(parseSiteByGateway(' gw-mil-1 = MIL , gw-lon-1=LON')).toEqual({
      'gw-mil-1': 'MIL',
      'gw-lon-1': 'LON',
    });
    expect(() => parseSiteByGateway('gw-mil-1')).toThrow('is not gateway=SITE');
  });
});
