import { z } from 'zod';
import { readEnvironmentSettings } from './environment-settings.js';

/** The environment variables of the server's own settings. */
export const SERVER_ENV_VARIABLES = { maskDigits: 'LEDGERLINE_MASK_DIGITS' } as const;

const serverSettingsSchema = z.object({
  maskDigits: z.coerce
    .number({ error: 'must be a number of digits' })
    .int({ error: 'must be a whole number of digits' })
    .min(0, { error: 'must be 0 to 10' })
    .max(10, { error: 'must be 0 to 10' })
    .default(3),
});

/** The server's settings beyond sign-in: how many trailing digits of called numbers to hide. */
export type ServerSettings = Readonly<z.output<typeof serverSettingsSchema>>;

/** Reads the server's settings from the environment once; an error names the variable. */
export function readServerSettings(env: Readonly<Record<string, string | undefined>>): ServerSettings {
  return readEnvironmentSettings(env, SERVER_ENV_VARIABLES, serverSettingsSchema, 'server settings');
}
