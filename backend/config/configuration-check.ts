import { AUTH_ENV_VARIABLES, readAuthConfig } from '../auth/auth-config.js';
import { readBotConfig, readUnauthenticatedBotSettings } from '../../bot/bot-config.js';
import { LedgerlineError } from '../domain/errors.js';
import type { LoadedConfiguration } from './config-file.js';
import { settingPath } from './config-file.js';
import { readNotifySettings } from './notify-settings.js';
import { readServerSettings } from './server-settings.js';
import { CLI_ENV_VARIABLES, SETTINGS } from './settings-catalog.js';

/**
 * Checks the merged settings once, with every reader's own zod schema, so a wrong value in the
 * configuration file stops the command at start with the file's key named (a value from the
 * environment keeps its variable's name). Sign-in is checked only when a tenant or client id is
 * set, as the server does.
 */
export function checkConfiguration(loaded: LoadedConfiguration): void {
  if (loaded.file === null) return;
  const { env } = loaded;
  const problems: string[] = [];
  const readers: Array<() => unknown> = [
    () => readServerSettings(env),
    () => readNotifySettings(env),
    () => readUnauthenticatedBotSettings(env),
    () => readBotConfig(env),
    () => checkPort(env[CLI_ENV_VARIABLES.server.port]),
  ];
  if (env[AUTH_ENV_VARIABLES.tenantId]?.trim() || env[AUTH_ENV_VARIABLES.clientId]?.trim())
    readers.push(() => readAuthConfig(env));
  for (const read of readers) {
    try {
      read();
    } catch (error) {
      if (!(error instanceof LedgerlineError)) throw error;
      const lines = error.details.length > 0 ? error.details : [error.message];
      for (const line of lines) {
        const named = nameFileKeys(line, loaded.fromFile);
        if (!problems.includes(named)) problems.push(named);
      }
    }
  }
  if (problems.length > 0)
    throw new LedgerlineError(
      'configuration',
      `the settings (${loaded.file} under the environment) are not valid: ${problems.join('; ')}`,
      problems,
    );
}

function checkPort(text: string | undefined): void {
  if (!text?.trim()) return;
  const port = Number(text);
  // As `serve` reads it: 0 asks the system for a free port.
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LedgerlineError(
      'configuration',
      `${CLI_ENV_VARIABLES.server.port}: must be a port, 1 to 65535`,
    );
}

/** A reader's message with the variables that came from the file called by their file key. */
function nameFileKeys(line: string, fromFile: ReadonlySet<string>): string {
  let named = line;
  for (const setting of SETTINGS)
    if (fromFile.has(setting.variable))
      named = named.replace(new RegExp(`\\b${setting.variable}\\b`, 'g'), settingPath(setting));
  return named;
}
