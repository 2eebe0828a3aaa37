import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { setUpTestCompany } from '../miner/test-company.js';
import { applyLcsCdrReplicaSchema } from '../recorder/lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { runCli } from './main.js';
import { parseSiteByGateway } from './record-command.js';
import { createReporter } from './reporter.js';
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

  it('documents the look-back, the purge margin and the retry settle time, and checks them', async () => {
    const help = await runLedgerline(['record', '--help']);
    expect(help.out).toMatch(
      /--lookback-hours <hours>\s+how far behind its checkpoint[\s\S]*\(default: "24"\)/,
    );
    expect(help.out).toMatch(
      /--purge-margin-days <days>\s+warn when a call not recorded yet[\s\S]*\(default: "7"\)/,
    );
    expect(help.out).toMatch(/--retry-settle-seconds <seconds>[\s\S]*\(default: "60"\)/);
    const wrong = await runLedgerline(['record', '--once', '--data', data, '--lookback-hours', '0']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toContain('--lookback-hours: "0" is not a positive number of hours');
  });

  it('reads gateway-to-site maps and refuses malformed ones', () => {
    expect(parseSiteByGateway(' gw-mil-1 = MIL , gw-lon-1=LON')).toEqual({
      'gw-mil-1': 'MIL',
      'gw-lon-1': 'LON',
    });
    expect(() => parseSiteByGateway('gw-mil-1')).toThrow('is not gateway=SITE');
  });
});

describe('ledgerline record, polling', () => {
  it('records new calls on every poll until it is stopped', async () => {
    const loopData = join(dir, 'loop');
    const database = connect(`sqlite:${join(loopData, 'ledgerline.db')}`);
    await migrateToLatest(database);
    await database.close();
    const replica = new SQLite(join(loopData, 'lcscdr.db'));
    replica.pragma('journal_mode = WAL');
    applyLcsCdrReplicaSchema(replica);
    const writer = new LcsCdrReplicaWriter(replica);
    // Calls that ended a few minutes ago (the recorder runs on the real clock).
    const call = (seq: number) => {
      const start = Date.now() - 10 * 60_000 + seq * 1000;
      return {
        start,
        seq,
        responseCode: 200,
        responseTime: start + 5000,
        end: start + 65_000,
        starter: 'anna.rossi@contoso.com',
        other: '+390212345678@contoso.com;user=phone',
        connectedNumber: '+390212345678',
        toGateway: 'gw-mil-1',
      };
    };
    writer.insert([call(1)]);

    const log: string[] = [];
    const logged = (text: string) => log.some((line) => line.includes(text));
    const until = async (condition: () => boolean) => {
      for (let waited = 0; !condition(); waited += 20) {
        if (waited > 10_000) throw new Error(`gave up waiting; the log says:\n${log.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const stop = new AbortController();
    const running = runCli(['node', 'ledgerline', 'record', '--data', loopData, '--interval', '0.05'], {
      env: {},
      cwd: dir,
      print: () => {},
      warn: (line) => log.push(line),
      reporter: createReporter({
        tty: false,
        stream: new Writable({
          write(chunk, _encoding, done) {
            log.push(String(chunk));
            done();
          },
        }),
      }),
      stdin: async function* () {},
      signal: stop.signal,
    });
    const recorded = () => log.filter((line) => line.includes('"msg":"recorded sfb-')).length;
    await until(() => recorded() === 1);
    writer.insert([call(2)]);
    await until(() => recorded() === 2);
    writer.insert([call(3), call(4)]);
    await until(() => recorded() === 3);
    stop.abort();
    expect(await running).toBe(0);
    replica.close();

    const spool = readdirSync(join(loopData, 'spool')).sort();
    expect(spool).toHaveLength(3);
    const lines = spool.flatMap((name) =>
      readFileSync(join(loopData, 'spool', name), 'utf8')
        .trim()
        .split('\n'),
    );
    expect(lines.map((line) => (JSON.parse(line) as { sourceId: string }).sourceId.split('#')[1])).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect(logged('recording failed')).toBe(false);
  });
});
