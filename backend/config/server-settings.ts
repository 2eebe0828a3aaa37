import { z } from 'zod';
import { LedgerlineError } from '../domain/errors.js';

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
  const input: Record<string, string> = {};
  for (const [field, variable] of Object.entries(SERVER_ENV_VARIABLES)) {
    const value = env[variable]?.trim();
    if (value) input[field] = value;
  }
  const result = serverSettingsSchema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues.map(
      (issue) =>
        `${SERVER_ENV_VARIABLES[issue.path[0] as keyof typeof SERVER_ENV_VARIABLES] ?? 'settings'}: ${issue.message}`,
    );
    throw new LedgerlineError(
      'configuration',
      `server settings are not valid: ${details.join('; ')}`,
      details,
    );
  }
  return Object.freeze(result.data);
}
