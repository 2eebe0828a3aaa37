import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedgerline } from '../cli/test-cli.js';
import { LedgerlineError } from '../domain/errors.js';
import { loadConfiguration } from './config-file.js';
import { checkConfiguration } from './configuration-check.js';

const TENANT = '8f2d4c1a-6b3e-4f7d-9a0c-2e1b3d5f7a9c';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ledgerline-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** The problems a configuration is refused for. */
function problems(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(LedgerlineError);
    expect((error as LedgerlineError).code).toBe('configuration');
    return [...(error as LedgerlineError).details];
  }
  throw new Error('the configuration was accepted');
}

describe('the configuration file', () => {
  it('lays its settings under the environment: a variable set in the environment wins', async () => {
    const path = await file(
      'merge.json',
      JSON.stringify({
        signIn: { tenantId: TENANT, acceptV1Tokens: true, appRoles: { Admin: TENANT } },
        server: { maskDigits: 4, port: 4000 },
        delivery: { mailFrom: 'billing@contoso.com' },
        reports: { logo: 'logo.png' },
      }),
    );
    const loaded = loadConfiguration(
      { LEDGERLINE_MASK_DIGITS: '2', LEDGERLINE_MAIL_FROM: '  ', PATH: '/bin' },
      '/elsewhere',
      path,
    );
    expect(loaded.file).toBe(path);
    expect(loaded.env).toMatchObject({
      LEDGERLINE_TENANT_ID: TENANT,
      LEDGERLINE_ACCEPT_V1_TOKENS: 'true',
      LEDGERLINE_APP_ROLES: `Admin=${TENANT}`,
      LEDGERLINE_MASK_DIGITS: '2',
      PORT: '4000',
      LEDGERLINE_MAIL_FROM: 'billing@contoso.com',
      LEDGERLINE_REPORT_LOGO: join(dir, 'logo.png'),
      PATH: '/bin',
    });
    expect([...loaded.fromFile].sort()).toEqual(
      [
        'LEDGERLINE_ACCEPT_V1_TOKENS',
        'LEDGERLINE_APP_ROLES',
        'LEDGERLINE_MAIL_FROM',
        'LEDGERLINE_REPORT_LOGO',
        'LEDGERLINE_TENANT_ID',
        'PORT',
      ].sort(),
    );
  });

  it('is found by LEDGERLINE_CONFIG, else in the working folder (YAML too), else not at all', async () => {
    const folder = await mkdtemp(join(dir, 'cwd-'));
    expect(loadConfiguration({}, folder).file).toBeNull();
    await writeFile(join(folder, 'ledgerline.config.yaml'), 'bot:\n  timeZone: Europe/Rome\n');
    const found = loadConfiguration({}, folder);
    expect(found.file).toBe(join(folder, 'ledgerline.config.yaml'));
    expect(found.env.LEDGERLINE_BOT_TIME_ZONE).toBe('Europe/Rome');
    const named = await file('named.yml', 'server:\n  host: 0.0.0.0\n');
    expect(loadConfiguration({ LEDGERLINE_CONFIG: named }, folder).env.HOST).toBe('0.0.0.0');
    expect(() => loadConfiguration({ LEDGERLINE_CONFIG: join(dir, 'gone.json') }, folder)).toThrow(
      /no configuration file at .*gone\.json \(given by LEDGERLINE_CONFIG\)/,
    );
  });

  it('refuses secrets, naming the key and the variable to use instead', async () => {
    const path = await file(
      'secrets.json',
      JSON.stringify({
        signIn: { clientSecret: 's3cret' },
        bot: { appPassword: 'p4ss' },
        delivery: { smtpUrl: 'smtp://billing:pw@mail.contoso.com:587' },
        database: { url: 'postgres://ledgerline@db01/billing' },
      }),
    );
    expect(problems(() => loadConfiguration({}, dir, path))).toEqual([
      'signIn.clientSecret: it is a secret: set LEDGERLINE_CLIENT_SECRET in the environment instead',
      'bot.appPassword: it is a secret: set LEDGERLINE_BOT_APP_PASSWORD in the environment instead',
      'delivery.smtpUrl: it holds a password: put the URL without it here, or set LEDGERLINE_SMTP_URL in the environment',
    ]);
  });

  it('names unknown keys and sections, with the key that was probably meant', async () => {
    const path = await file(
      'unknown.yaml',
      'signIn:\n  tenantID: x\n  LEDGERLINE_MAIL_FROM: y\nservr:\n  port: 1\nbot:\n  colour: blue\n',
    );
    expect(problems(() => loadConfiguration({}, dir, path))).toEqual([
      'signIn.tenantID: unknown setting (did you mean signIn.tenantId?)',
      'signIn.LEDGERLINE_MAIL_FROM: unknown setting (did you mean delivery.mailFrom?)',
      'bot.colour: unknown setting',
      'servr: unknown setting (did you mean server?)',
    ]);
  });

  it('names values of the wrong type by key, and a file that is not JSON by its error', async () => {
    const path = await file(
      'types.json',
      JSON.stringify({
        server: { maskDigits: 'three' },
        signIn: { acceptV1Tokens: 'yes' },
        recorder: { siteByGateway: [1] },
      }),
    );
    expect(problems(() => loadConfiguration({}, dir, path))).toEqual([
      'recorder.siteByGateway: must be an object of names and values',
      'signIn.acceptV1Tokens: must be true or false',
      'server.maskDigits: must be a number',
    ]);
    const broken = await file('broken.json', '{ "server": ');
    expect(() => loadConfiguration({}, dir, broken)).toThrow(
      /the configuration file .*broken\.json cannot be read/,
    );
  });

  it('is checked with the readers once merged: a bad value is named by its file key, or by its variable', async () => {
    const path = await file(
      'values.json',
      JSON.stringify({
        server: { maskDigits: 11, port: 70000 },
        delivery: { mailTransport: 'smtp', mailFrom: 'billing@contoso.com' },
        signIn: { tenantId: 'not-a-guid' },
      }),
    );
    const loaded = loadConfiguration({ LEDGERLINE_CLIENT_ID: 'nor-this' }, dir, path);
    expect(problems(() => checkConfiguration(loaded))).toEqual([
      'server.maskDigits: must be 0 to 10',
      'LEDGERLINE_SMTP_URL: required when the transport is smtp',
      'server.port: must be a port, 1 to 65535',
      'signIn.tenantId: must be a GUID',
      'LEDGERLINE_CLIENT_ID: must be a GUID',
    ]);
  });

  it('reaches every command through --config, and stops one with a bad file before it starts', async () => {
    const data = join(dir, 'from-file');
    const good = await file('cli.yaml', `database:\n  dataDir: ${data}\n`);
    const migrate = await runLedgerline(['--config', good, 'migrate']);
    expect(migrate.code).toBe(0);
    expect(existsSync(join(data, 'ledgerline.db'))).toBe(true);
    const bad = await file('cli-bad.json', JSON.stringify({ signIn: { clientSecret: 'x' } }));
    const refused = await runLedgerline(['migrate', '--data', data], { LEDGERLINE_CONFIG: bad });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('signIn.clientSecret: it is a secret: set LEDGERLINE_CLIENT_SECRET');
  });
});
