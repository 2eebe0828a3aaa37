import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLcsCdrReplica } from '../recorder/lcscdr/lcscdr-replica.js';
import { LcsCdrReplicaWriter } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { session } from '../recorder/test-recorder.js';
import { EntraStandIn } from '../testing/entra-stand-in.js';
import { SmtpStandIn } from '../testing/smtp-stand-in.js';
import { runLedgerline } from './test-cli.js';

const TENANT = '8f2d4c1a-6b3e-4f7d-9a0c-2e1b3d5f7a9c';
const APP = '2b4d6f8a-1c3e-4a5b-8d7f-9e0a1b2c3d4e';
const BOT = '6e8a0c2d-4f1b-4d3c-9e5a-7b9d1f3a5c7e';

let dir: string;
let entra: EntraStandIn;
let smtp: SmtpStandIn;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledgerline-doctor-'));
  entra = await EntraStandIn.start({
    tenantId: TENANT,
    clients: [
      {
        clientId: APP,
        clientSecret: 'app-secret',
        applicationPermissions: ['GroupMember.Read.All', 'User.Read.All'],
      },
      { clientId: BOT, clientSecret: 'bot-secret' },
    ],
  });
  smtp = await SmtpStandIn.start();
});

afterAll(async () => {
  await entra.close();
  await smtp.close();
  await rm(dir, { recursive: true, force: true });
});

/** A data folder with a migrated billing database and a spool folder. */
async function readyDataFolder(name: string): Promise<string> {
  const data = join(dir, name);
  expect((await runLedgerline(['migrate', '--data', data])).code).toBe(0);
  await mkdir(join(data, 'spool'), { recursive: true });
  return data;
}

/** The status word and name of each printed check, e.g. "OK billing database". */
function verdicts(out: string): string[] {
  return out
    .split('\n')
    .filter((line) => /^(OK|WARN|FAIL|-)\s/.test(line))
    .map((line) => line.replace(/^(\S+)\s+(.+?)\s{2,}.*$/, '$1 $2'));
}

describe('ledgerline doctor', () => {
  it('says OK for a migrated database and a writable spool, and skips what is not configured', async () => {
    const data = await readyDataFolder('fresh');
    const run = await runLedgerline(['doctor', '--data', data]);
    expect(run.code).toBe(0);
    expect(verdicts(run.out)).toEqual([
      'OK billing database',
      '- LcsCDR call records',
      'OK spool folder',
      '- Graph credentials',
      '- bot credentials',
      '- mail',
    ]);
    expect(run.out).toContain('skipped (not configured: set LEDGERLINE_LCSCDR_URL or recorder.lcscdrUrl)');
    expect(run.out).toContain('skipped (not configured: set LEDGERLINE_BOT_APP_ID)');
    expect(run.out).toContain('settings: the environment (no configuration file)');
  });

  it('fails on a missing database, a database not migrated, and a named spool folder that is not there', async () => {
    const missing = await runLedgerline([
      'doctor',
      '--data',
      join(dir, 'nothing'),
      '--spool',
      join(dir, 'no-spool'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/FAIL\s+billing database\s+no billing database at .*ledgerline\.db/);
    expect(missing.out).toContain('fix: run `ledgerline migrate`');
    expect(missing.out).toMatch(/FAIL\s+spool folder\s+.*no-spool does not exist/);
    expect(missing.err).toContain('2 of 6 checks failed: billing database, spool folder');

    const empty = join(dir, 'empty');
    await mkdir(join(empty, 'spool'), { recursive: true });
    new SQLite(join(empty, 'ledgerline.db')).close();
    const unmigrated = await runLedgerline(['doctor', '--data', empty]);
    expect(unmigrated.code).toBe(1);
    expect(unmigrated.out).toMatch(/FAIL\s+billing database\s+.* is not up to date \(0001-pipeline-schema/);
  });

  it('warns when the data folder has no spool folder yet: record and mine make it', async () => {
    const data = join(dir, 'no-spool-yet');
    expect((await runLedgerline(['migrate', '--data', data])).code).toBe(0);
    const run = await runLedgerline(['doctor', '--data', data]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/WARN\s+spool folder\s+.*spool does not exist yet/);
  });

  it('reads an LcsCDR replica read-only, and fails on one without the tables', async () => {
    const data = await readyDataFolder('with-lcscdr');
    const replica = join(dir, 'lcscdr.db');
    const db = await createLcsCdrReplica(replica);
    await db.destroy();
    const handle = new SQLite(replica);
    new LcsCdrReplicaWriter(handle).insert([session(1), session(2)]);
    handle.close();
    const run = await runLedgerline(['doctor', '--data', data], {
      LEDGERLINE_LCSCDR_URL: `sqlite:${replica}`,
    });
    expect(run.out).toMatch(
      /OK\s+LcsCDR call records\s+sqlite:.*lcscdr\.db: readable, oldest session 2026-02-03T09:01/,
    );

    const bare = join(dir, 'bare.db');
    new SQLite(bare).close();
    const broken = await runLedgerline(['doctor', '--data', data, '--source', `sqlite:${bare}`]);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/FAIL\s+LcsCDR call records\s+cannot read sqlite:.*bare\.db: .*no such table/);
    expect(broken.out).toContain('db_datareader');
  });

  it('gets Graph and bot tokens from Entra ID and names the permission the configuration lacks', async () => {
    const data = await readyDataFolder('entra');
    const env = {
      LEDGERLINE_TENANT_ID: TENANT,
      LEDGERLINE_CLIENT_ID: APP,
      LEDGERLINE_CLIENT_SECRET: 'app-secret',
      LEDGERLINE_AUTHORITY_URL: entra.url,
      LEDGERLINE_GRAPH_URL: entra.url,
      LEDGERLINE_BOT_APP_ID: BOT,
      LEDGERLINE_BOT_APP_PASSWORD: 'bot-secret',
      LEDGERLINE_BOT_LOGIN_URL: entra.url,
    };
    const good = await runLedgerline(['doctor', '--data', data], env);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(
      /OK\s+Graph credentials\s+app token issued, with GroupMember.Read.All, User.Read.All/,
    );
    expect(good.out).toMatch(
      /OK\s+bot credentials\s+token for https:\/\/api.botframework.com\/.default issued/,
    );
    const botToken = entra
      .requestsTo('/oauth2/v2.0/token')
      .find((request) => (request.body as { client_id?: string }).client_id === BOT);
    expect(botToken?.body).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'https://api.botframework.com/.default',
    });

    const graphMail = await runLedgerline(['doctor', '--data', data], {
      ...env,
      LEDGERLINE_MAIL_TRANSPORT: 'graph',
      LEDGERLINE_MAIL_FROM: 'billing@contoso.com',
    });
    expect(graphMail.code).toBe(1);
    expect(graphMail.out).toMatch(
      /FAIL\s+Graph credentials\s+app token issued, but without Mail.Send \(e-mail through Graph\)/,
    );
    expect(graphMail.out).toContain('fix: add the application permission Mail.Send');

    const wrong = await runLedgerline(['doctor', '--data', data], {
      ...env,
      LEDGERLINE_CLIENT_SECRET: 'expired',
      LEDGERLINE_BOT_APP_PASSWORD: 'nope',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/FAIL\s+Graph credentials\s+no Graph token from .*invalid_client/);
    expect(wrong.out).toMatch(
      /FAIL\s+bot credentials\s+no token for https:\/\/api.botframework.com\/.default/,
    );
    expect(wrong.err).toContain('checks failed: Graph credentials, bot credentials');
  });

  it('logs in to the SMTP server, and says when the password is wrong', async () => {
    const data = await readyDataFolder('smtp');
    const env = { LEDGERLINE_MAIL_TRANSPORT: 'smtp', LEDGERLINE_MAIL_FROM: 'billing@contoso.com' };
    const good = await runLedgerline(['doctor', '--data', data], { ...env, LEDGERLINE_SMTP_URL: smtp.url });
    expect(good.out).toMatch(
      /OK\s+mail\s+SMTP smtp:\/\/ledgerline:\*\*\*@127.0.0.1:\d+ takes the connection and the login/,
    );
    const bad = await runLedgerline(['doctor', '--data', data], {
      ...env,
      LEDGERLINE_SMTP_URL: smtp.url.replace('smtp-secret', 'wrong'),
    });
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/FAIL\s+mail\s+SMTP .*Invalid/);
    expect(bad.out).toContain('fix: check the user and password in LEDGERLINE_SMTP_URL');
  });

  it('checks with the configuration file under the environment', async () => {
    const data = await readyDataFolder('with-file');
    const file = join(dir, 'ledgerline.config.json');
    await writeFile(
      file,
      JSON.stringify({
        database: { dataDir: data },
        delivery: { mailTransport: 'smtp', mailFrom: 'billing@contoso.com' },
      }),
    );
    const run = await runLedgerline(['doctor', '--config', file], { LEDGERLINE_SMTP_URL: smtp.url });
    expect(run.out).toContain(`settings: ${file} under the environment`);
    expect(verdicts(run.out)).toContain('OK billing database');
    expect(verdicts(run.out)).toContain('OK mail');
  });
});
