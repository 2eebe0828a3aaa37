import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TAB_PAGES } from '../api/tab-files.js';
import { LedgerlineError } from '../domain/errors.js';
import { buildTeamsAppPackage } from './teams-app-package.js';
import { teamsManifestSchema } from './teams-manifest-schema.js';
import { parseEnvFile, placeholdersIn } from './toolkit-env.js';

const root = new URL('../../', import.meta.url).pathname;
const provisioned = {
  TEAMS_APP_ID: '2f0c5a58-6d1b-4d7e-9b1e-0c1a2b3c4d5e',
  BOT_ID: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  AAD_APP_CLIENT_ID: '0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e',
};
let output: string;

beforeAll(() => {
  output = mkdtempSync(join(tmpdir(), 'ledgerline-app-package-'));
});
afterAll(() => rmSync(output, { recursive: true, force: true }));

async function builtPackage() {
  const built = await buildTeamsAppPackage({
    root,
    env: 'dev',
    processEnv: provisioned,
    outputFolder: output,
  });
  const files = unzipSync(readFileSync(built.zipPath));
  return { built, files };
}

describe('the Teams app package', () => {
  it('holds the manifest, valid against the official schema of its version, and the two icons', async () => {
    const { built, files } = await builtPackage();
    expect(built.zipPath).toBe(join(output, 'appPackage.dev.zip'));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] as Uint8Array)) as TeamsAppManifest;
    expect(manifest.manifestVersion).toMatch(/^1\.(2\d|3\d)$/);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    const schema = teamsManifestSchema(manifest.manifestVersion) as Parameters<
      typeof ManifestUtil.validateManifestAgainstSchema
    >[1];
    expect(await ManifestUtil.validateManifestAgainstSchema(manifest, schema)).toEqual([]);
  });

  it('has every placeholder filled in, the sign-in resource and the tab pages the server serves', async () => {
    const { files } = await builtPackage();
    const text = strFromU8(files['manifest.json'] as Uint8Array);
    expect(text).not.toMatch(/\$\{\{/);
    const manifest = JSON.parse(text) as TeamsAppManifest;
    expect(manifest.id).toBe(provisioned.TEAMS_APP_ID);
    expect(manifest.bots?.[0]?.botId).toBe(provisioned.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({
      id: provisioned.AAD_APP_CLIENT_ID,
      resource: `api://localhost:3978/${provisioned.AAD_APP_CLIENT_ID}`,
    });
    const pages = [
      ...(manifest.staticTabs ?? []).flatMap((tab) => (tab.contentUrl ? [tab.contentUrl] : [])),
      ...(manifest.configurableTabs ?? []).map((tab) => tab.configurationUrl),
    ];
    expect(pages).toEqual(['https://localhost:3978/dashboard', 'https://localhost:3978/config']);
    for (const page of pages) expect(TAB_PAGES).toContain(new URL(page).pathname.slice(1));
    expect(manifest.configurableTabs?.[0]?.scopes).toEqual(['team', 'groupChat']);
    expect(manifest.configurableTabs?.[0]?.supportedSharePointHosts).toEqual([
      'sharePointFullPage',
      'sharePointWebPart',
    ]);
    expect(manifest.validDomains).toEqual(['localhost:3978']);
  });

  it('has a 192x192 color icon and a 32x32 outline icon that is white on transparent', async () => {
    const { files } = await builtPackage();
    const color = PNG.sync.read(Buffer.from(files['color.png'] as Uint8Array));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(Buffer.from(files['outline.png'] as Uint8Array));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let drawn = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [red, green, blue, alpha] = outline.data.subarray(i, i + 4);
      if (alpha === 0) continue;
      drawn += 1;
      expect([red, green, blue], `pixel ${i / 4}`).toEqual([255, 255, 255]);
    }
    expect(drawn).toBeGreaterThan(50);
    expect(drawn).toBeLessThan(32 * 32 * 0.6);
    for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) expect(outline.data[corner * 4 + 3]).toBe(0);
  });

  it('refuses to build while a variable is unset, naming it', async () => {
    const { BOT_ID: _unset, ...withoutBot } = provisioned;
    const failure = await buildTeamsAppPackage({
      root,
      env: 'dev',
      processEnv: withoutBot,
      outputFolder: output,
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LedgerlineError);
    expect((failure as LedgerlineError).message).toContain('BOT_ID');
    expect((failure as LedgerlineError).message).not.toContain('TEAMS_APP_ID');
  });

  it('refuses a manifest that breaks the schema, saying where', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'ledgerline-broken-manifest-'));
    try {
      const manifest = JSON.parse(
        readFileSync(join(root, 'teams-app/manifest/manifest.json'), 'utf8'),
      ) as Record<string, unknown>;
      writeFileSync(
        join(broken, 'manifest.json'),
        JSON.stringify({ ...manifest, accentColor: 'blue', bots: {} }),
      );
      for (const icon of ['color.png', 'outline.png'])
        copyFileSync(join(root, 'teams-app/manifest', icon), join(broken, icon));
      const failure = await buildTeamsAppPackage({
        root,
        env: 'dev',
        processEnv: provisioned,
        manifestFolder: broken,
        outputFolder: output,
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(LedgerlineError);
      const details = (failure as LedgerlineError).details.join('\n');
      expect(details).toContain('/accentColor');
      expect(details).toContain('/bots');
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});

describe('the Toolkit project', () => {
  const defined = new Set([
    ...Object.keys(parseEnvFile(readFileSync(join(root, 'env/.env.dev'), 'utf8'))),
    ...Object.keys(parseEnvFile(readFileSync(join(root, 'env/.env.dev.user.example'), 'utf8'))),
  ]);

  it('defines in env/.env.dev (secrets in .env.dev.user) every variable its files use', () => {
    for (const file of ['teams-app/manifest/manifest.json', 'teams-app/aad.manifest.json', 'teamsapp.yml'])
      for (const name of placeholdersIn(readFileSync(join(root, file), 'utf8')))
        expect(defined.has(name), `${file} uses ${name}`).toBe(true);
  });

  it('keeps secrets out of env/.env.dev', () => {
    const committed = parseEnvFile(readFileSync(join(root, 'env/.env.dev'), 'utf8'));
    expect(Object.keys(committed).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
  });
});
