import { z } from 'zod';
import { readEnvironmentSettings } from './environment-settings.js';

/** The environment variables of the delivery settings. */
export const NOTIFY_ENV_VARIABLES = {
  mailTransport: 'LEDGERLINE_MAIL_TRANSPORT',
  mailFrom: 'LEDGERLINE_MAIL_FROM',
  smtpUrl: 'LEDGERLINE_SMTP_URL',
  maxAttempts: 'LEDGERLINE_OUTBOX_MAX_ATTEMPTS',
} as const;

const smtpUrl = z.string().refine(
  (text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      return false;
    }
  },
  { error: 'must be smtp://user:password@host:port (or smtps://)' },
);

const notifySettingsSchema = z
  .object({
    mailTransport: z
      .enum(['none', 'graph', 'smtp'], { error: 'must be none, graph or smtp' })
      .default('none'),
    /** The sender: the mailbox Graph sends as (`POST /users/{mailFrom}/sendMail`), or SMTP's From. */
    mailFrom: z.email({ error: 'must be an e-mail address' }).optional(),
    smtpUrl: smtpUrl.optional(),
    /** Attempts of a message before it is failed for good. */
    maxAttempts: z.coerce
      .number({ error: 'must be a number of attempts' })
      .int({ error: 'must be a whole number of attempts' })
      .min(1, { error: 'must be 1 to 100' })
      .max(100, { error: 'must be 1 to 100' })
      .default(8),
  })
  .superRefine((settings, ctx) => {
    if (settings.mailTransport !== 'none' && !settings.mailFrom)
      ctx.addIssue({ code: 'custom', path: ['mailFrom'], message: `required to send e-mail` });
    if (settings.mailTransport === 'smtp' && !settings.smtpUrl)
      ctx.addIssue({ code: 'custom', path: ['smtpUrl'], message: 'required when the transport is smtp' });
  });

/**
 * How notifications leave Ledgerline: e-mail through Microsoft Graph (app-only, with the sign-in
 * settings' app and Graph URL), through SMTP, or not at all; how often a message is tried.
 */
export type NotifySettings = Readonly<z.output<typeof notifySettingsSchema>>;

/** Reads the delivery settings from the environment once; an error names the variable. */
export function readNotifySettings(env: Readonly<Record<string, string | undefined>>): NotifySettings {
  return readEnvironmentSettings(env, NOTIFY_ENV_VARIABLES, notifySettingsSchema, 'delivery settings');
}
