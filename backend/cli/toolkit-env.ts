import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerlineError } from '../domain/errors.js';

/** A Toolkit variable as it appears in a template: `${{NAME}}`. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The variables of a Microsoft 365 Agents Toolkit environment, as the Toolkit reads them:
 * `env/.env.{env}`, then the secrets in `env/.env.{env}.user` over it; the process's own environment
 * fills in what the files leave unset or blank (a pipeline's secrets, say).
 */
export function readToolkitEnv(
  envFolder: string,
  env: string,
  processEnv: Readonly<Record<string, string | undefined>> = {},
): Record<string, string> {
  if (!/^[A-Za-z0-9_-]+$/.test(env))
    throw new LedgerlineError('invalid-input', `"${env}" is not a Toolkit environment name`);
  const main = join(envFolder, `.env.${env}`);
  if (!existsSync(main))
    throw new LedgerlineError('configuration', `no Toolkit environment "${env}": ${main} does not exist`);
  const variables = parseEnvFile(readFileSync(main, 'utf8'));
  const secrets = join(envFolder, `.env.${env}.user`);
  if (existsSync(secrets)) Object.assign(variables, parseEnvFile(readFileSync(secrets, 'utf8')));
  for (const [name, value] of Object.entries(processEnv)) {
    const unset = variables[name] === undefined || variables[name].trim() === '';
    if (unset && value !== undefined && value.trim() !== '') variables[name] = value.trim();
  }
  return variables;
}

/** `NAME=value` lines of a Toolkit .env file; `#` starts a comment line, quotes around a value are dropped. */
export function parseEnvFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const equals = trimmed.indexOf('=');
    if (equals <= 0) continue;
    const name = trimmed.slice(0, equals).trim();
    let value = trimmed.slice(equals + 1).trim();
    const quoted = value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.at(-1) === value[0];
    if (quoted) value = value.slice(1, -1);
    variables[name] = value;
  }
  return variables;
}

/**
 * A template with every `${{NAME}}` replaced by its variable; a variable that is missing or blank
 * is an error naming each one, so no package ever ships with a placeholder left in it.
 */
export function substitutePlaceholders(
  template: string,
  variables: Readonly<Record<string, string>>,
  where: string,
): string {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = variables[name];
    if (value === undefined || value.trim() === '') {
      missing.add(name);
      return '';
    }
    return value;
  });
  if (missing.size > 0) {
    const names = [...missing];
    throw new LedgerlineError(
      'configuration',
      `${where} needs ${names.join(', ')}: set ${names.length === 1 ? 'it' : 'them'} in the environment file`,
      names.map((name) => `${name}: not set`),
    );
  }
  return text;
}

/** The names of the `${{NAME}}` placeholders a template uses, each once. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}
