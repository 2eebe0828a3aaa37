import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { LedgerlineError } from '../domain/errors.js';

/**
 * The official JSON schema of a Teams app manifest version, read offline from the
 * `@microsoft/app-manifest` package (the schemas the Agents Toolkit itself validates with).
 */
export function teamsManifestSchema(manifestVersion: string): object {
  if (!/^1\.\d+$/.test(manifestVersion))
    throw new LedgerlineError('invalid-input', `"${manifestVersion}" is not a Teams manifest version`);
  const packageFile = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  const schemaFile = join(
    dirname(packageFile),
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  try {
    return JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  } catch (error) {
    throw new LedgerlineError(
      'configuration',
      `no schema for manifest version ${manifestVersion} in @microsoft/app-manifest`,
      [],
      { cause: error },
    );
  }
}

/** What is wrong with a Teams app manifest against the schema of its `manifestVersion`; empty when valid. */
export async function teamsManifestProblems(manifest: unknown): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown } | null)?.manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  const schema = teamsManifestSchema(version) as Parameters<
    typeof ManifestUtil.validateManifestAgainstSchema
  >[1];
  return ManifestUtil.validateManifestAgainstSchema(manifest as TeamsAppManifest, schema);
}
