import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LedgerlineError } from '../domain/errors.js';
import { SETTINGS, SETTING_SECTIONS, type Setting } from './settings-catalog.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** The names a configuration file is looked for under in the working folder, in order. */
export const DEFAULT_CONFIG_FILES = [
  'ledgerline.config.json',
  'ledgerline.config.yaml',
  'ledgerline.config.yml',
];

/** The environment the commands read: the file's settings under the environment's. */
export interface LoadedConfiguration {
  /** The file read, or null when there is none. */
  file: string | null;
  env: Environment;
  /** The variables whose value came from the file (the environment had none). */
  fromFile: ReadonlySet<string>;
}

/**
 * Reads the configuration file (`--config`, else LEDGERLINE_CONFIG, else ledgerline.config.json,
 * .yaml or .yml in the working folder, if there) and lays it under the environment: a variable set
 * in the environment wins. Secrets, unknown keys and values of the wrong type are refused, each
 * named by its key. Every reader of settings keeps taking the one merged environment.
 */
export function loadConfiguration(env: Environment, cwd: string, explicit?: string): LoadedConfiguration {
  const named = explicit ?? env.LEDGERLINE_CONFIG?.trim();
  const file = named
    ? resolve(cwd, named)
    : (DEFAULT_CONFIG_FILES.map((name) => resolve(cwd, name)).find((path) => existsSync(path)) ?? null);
  if (file === null) return { file: null, env, fromFile: new Set() };
  if (!existsSync(file))
    throw new LedgerlineError(
      'configuration',
      `no configuration file at ${file} (given by ${explicit ? '--config' : 'LEDGERLINE_CONFIG'})`,
    );
  const fileEnv = configFileEnvironment(readConfigFile(file), file);
  const merged: Record<string, string | undefined> = { ...env };
  const fromFile = new Set<string>();
  for (const [variable, value] of Object.entries(fileEnv)) {
    if (env[variable]?.trim()) continue;
    merged[variable] = value;
    fromFile.add(variable);
  }
  return { file, env: Object.freeze(merged), fromFile };
}

/** The file's content as data: JSON, or YAML for .yaml and .yml; a syntax error names the file. */
export function readConfigFile(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  try {
    return ['.yaml', '.yml'].includes(extname(file).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new LedgerlineError(
      'configuration',
      `the configuration file ${file} cannot be read: ${(error as Error).message}`,
      [],
      { cause: error },
    );
  }
}

/**
 * The file's settings as environment variables, after checking them against the catalog with zod:
 * paths are taken relative to the file's folder, maps become `key=value,…` lists.
 */
export function configFileEnvironment(content: unknown, file: string): Record<string, string> {
  const result = configFileSchema(dirname(file)).safeParse(content ?? {});
  if (!result.success) {
    const details = result.error.issues.flatMap((issue) => describeIssue(issue));
    throw new LedgerlineError(
      'configuration',
      `the configuration file ${file} is not valid: ${details.join('; ')}`,
      details,
    );
  }
  const env: Record<string, string> = {};
  for (const setting of SETTINGS) {
    const value = (result.data as Record<string, Record<string, string> | undefined>)[setting.section]?.[
      setting.key
    ];
    if (value !== undefined) env[setting.variable] = value;
  }
  return env;
}

/** `section.key` of a setting, as the file names it. */
export function settingPath(setting: Pick<Setting, 'section' | 'key'>): string {
  return `${setting.section}.${setting.key}`;
}

function configFileSchema(folder: string) {
  const sections = Object.fromEntries(
    Object.keys(SETTING_SECTIONS).map((name) => [
      name,
      z
        .strictObject(
          Object.fromEntries(
            SETTINGS.filter((setting) => setting.section === name).map((setting) => [
              setting.key,
              valueSchema(setting, folder).optional(),
            ]),
          ),
        )
        .optional(),
    ]),
  );
  return z.strictObject(sections, { error: 'must be an object of sections' });
}

function valueSchema(setting: Setting, folder: string): z.ZodType<string> {
  const secretFix = `it is a secret: set ${setting.variable} in the environment instead`;
  if (setting.secret === 'always') return z.any().transform((_value, ctx) => refuse(ctx, secretFix));
  switch (setting.kind) {
    case 'number':
      return z
        .union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/, { error: 'must be a number' })], {
          error: 'must be a number',
        })
        .transform(String);
    case 'boolean':
      return z.boolean({ error: 'must be true or false' }).transform(String);
    case 'map':
      return z
        .union([z.record(z.string().min(1), z.string().min(1)), z.string().min(1)], {
          error: 'must be an object of names and values',
        })
        .transform((value) =>
          typeof value === 'string'
            ? value
            : Object.entries(value)
                .map(([name, item]) => `${name}=${item}`)
                .join(','),
        );
    case 'path':
      return z
        .string({ error: 'must be a path' })
        .trim()
        .min(1, { error: 'must be a path' })
        .transform((path) => resolve(folder, path));
    default:
      return z
        .string({ error: 'must be text' })
        .trim()
        .min(1, { error: 'must not be empty' })
        .transform((value, ctx) =>
          setting.secret === 'password-in-url' && hasPassword(value)
            ? refuse(
                ctx,
                `it holds a password: put the URL without it here, or set ${setting.variable} in the environment`,
              )
            : value,
        );
  }
}

function refuse(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

function hasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    return /\/\/[^/@]*:[^/@]*@/.test(url);
  }
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const at = issue.path.map(String);
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => `${[...at, key].join('.')}: unknown setting${suggestion(at, key)}`);
  return [`${at.length > 0 ? at.join('.') : 'the file'}: ${issue.message}`];
}

/** "did you mean …" from the keys of the same level (or the same key in another section). */
function suggestion(at: readonly string[], key: string): string {
  const candidates =
    at.length === 0
      ? Object.keys(SETTING_SECTIONS)
      : SETTINGS.filter((setting) => setting.section === at[0]).map((setting) => setting.key);
  const close = candidates
    .map((candidate) => ({ candidate, distance: editDistance(candidate.toLowerCase(), key.toLowerCase()) }))
    .filter(({ distance }) => distance <= Math.max(2, Math.floor(key.length / 4)))
    .sort((a, b) => a.distance - b.distance)[0];
  if (close) return ` (did you mean ${[...at, close.candidate].join('.')}?)`;
  const elsewhere = SETTINGS.find((setting) => setting.key === key || setting.variable === key);
  if (elsewhere) return ` (did you mean ${settingPath(elsewhere)}?)`;
  return '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
