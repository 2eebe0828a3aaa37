import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { LedgerlineError } from '../domain/errors.js';
import { teamsManifestProblems } from './teams-manifest-schema.js';
import { readToolkitEnv, substitutePlaceholders } from './toolkit-env.js';

/** The app package's icons and the size Teams requires of each. */
const ICONS = [
  { file: 'color.png', size: 192 },
  { file: 'outline.png', size: 32 },
] as const;

/** Where the package comes from and where it goes; relative paths are from `root`, the project folder. */
export interface TeamsAppPackageOptions {
  root: string;
  /** The Toolkit environment: `env/.env.{env}` (and `.user`) supply the `${{VAR}}` values. */
  env: string;
  processEnv?: Readonly<Record<string, string | undefined>>;
  manifestFolder?: string;
  envFolder?: string;
  outputFolder?: string;
}

/** What was written: the zip to upload and the manifest as it is inside it. */
export interface TeamsAppPackage {
  zipPath: string;
  manifestPath: string;
  manifest: Record<string, unknown>;
}

/**
 * Builds the Teams app package an administrator uploads (or the Toolkit publishes): the manifest
 * with its `${{VAR}}` placeholders filled from the environment, checked against its official
 * schema, zipped with the two icons as `build/appPackage/appPackage.{env}.zip`.
 */
export async function buildTeamsAppPackage(options: TeamsAppPackageOptions): Promise<TeamsAppPackage> {
  const manifestFolder = resolve(options.root, options.manifestFolder ?? 'teams-app/manifest');
  const outputFolder = resolve(options.root, options.outputFolder ?? 'build/appPackage');
  const variables = readToolkitEnv(
    resolve(options.root, options.envFolder ?? 'env'),
    options.env,
    options.processEnv ?? {},
  );
  const template = readFileSync(join(manifestFolder, 'manifest.json'), 'utf8');
  const text = substitutePlaceholders(template, variables, 'teams-app/manifest/manifest.json');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new LedgerlineError(
      'invalid-input',
      `the manifest is not JSON once its variables are filled in (a value with a quote?)`,
      [],
      { cause: error },
    );
  }
  const problems = await teamsManifestProblems(manifest);
  if (problems.length > 0)
    throw new LedgerlineError(
      'invalid-input',
      `the manifest does not follow the schema of manifest version ${String(manifest.manifestVersion)}`,
      problems,
    );
  const files: Record<string, Uint8Array> = {
    'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const icon of ICONS) {
    const bytes = readFileSync(join(manifestFolder, icon.file));
    const png = PNG.sync.read(bytes);
    if (png.width !== icon.size || png.height !== icon.size)
      throw new LedgerlineError(
        'invalid-input',
        `${icon.file} is ${png.width}x${png.height}; Teams needs ${icon.size}x${icon.size}`,
      );
    files[icon.file] = bytes;
  }
  mkdirSync(outputFolder, { recursive: true });
  const zipPath = join(outputFolder, `appPackage.${options.env}.zip`);
  const manifestPath = join(outputFolder, `manifest.${options.env}.json`);
  writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  writeFileSync(manifestPath, files['manifest.json'] as Uint8Array);
  return { zipPath, manifestPath, manifest };
}
