import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LedgerlineError } from '../backend/domain/errors.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const url = z
  .string()
  .refine(
    (text) => {
      try {
        const parsed = new URL(text);
        return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
      } catch {
        return false;
      }
    },
    { error: 'must be an https URL (http only on 127.0.0.1 or localhost)' },
  )
  .transform((text) => text.replace(/\/+$/, ''));
const guid = z.guid({ error: 'must be a GUID' });

/**
 * The bot's settings: a single-tenant Azure Bot (app id, tenant, and a client secret or a
 * certificate), where the Bot Framework's token issuer, OpenID metadata and Entra ID login are
 * (defaults: the public cloud's), the tab's URL for the cards' links, and the time zone periods
 * are read in when Teams sends none.
 */
export const botConfigSchema = z
  .object({
    appId: guid,
    appType: z
      .literal('SingleTenant', { error: 'only SingleTenant bots are supported' })
      .default('SingleTenant'),
    tenantId: guid,
    appPassword: z.string().min(1).optional(),
    certificateThumbprint: z
      .string()
      .regex(/^[0-9A-Fa-f]{40}$/, { error: 'must be a SHA-1 thumbprint (40 hex digits)' })
      .optional(),
    /** The certificate's private key, PEM (read from the file the environment names). */
    certificatePrivateKey: z
      .string()
      .includes('PRIVATE KEY', { error: 'must be a PEM private key' })
      .optional(),
    loginUrl: url.default('https://login.microsoftonline.com'),
    openIdMetadataUrl: url.default('https://login.botframework.com/v1/.well-known/openidconfiguration'),
    tokenIssuer: z.string().min(1).default('https://api.botframework.com'),
    oauthScope: z.string().min(1).default('https://api.botframework.com'),
    tabUrl: url.optional(),
    timeZone: z
      .string()
      .refine(validZone, { error: 'must be an IANA time zone such as Europe/Rome' })
      .default('UTC'),
  })
  .superRefine((config, ctx) => {
    const certificate =
      config.certificateThumbprint !== undefined || config.certificatePrivateKey !== undefined;
    if (certificate && (!config.certificateThumbprint || !config.certificatePrivateKey))
      ctx.addIssue({
        code: 'custom',
        path: ['certificateThumbprint'],
        message: 'a certificate needs both its thumbprint and its private key',
      });
    if (!certificate && !config.appPassword)
      ctx.addIssue({ code: 'custom', path: ['appPassword'], message: 'required (or a certificate)' });
  });

/** The bot's settings, checked and frozen. */
export type BotConfig = Readonly<z.output<typeof botConfigSchema>>;

/** Settings of the bot when no app id is configured (demo mode): no credentials, only the rest. */
export interface UnauthenticatedBotSettings {
  tabUrl: string | null;
  timeZone: string;
}

/** The environment variable of each setting. */
export const BOT_ENV_VARIABLES = {
  appId: 'LEDGERLINE_BOT_APP_ID',
  appType: 'LEDGERLINE_BOT_APP_TYPE',
  tenantId: 'LEDGERLINE_BOT_TENANT_ID',
  appPassword: 'LEDGERLINE_BOT_APP_PASSWORD',
  certificateThumbprint: 'LEDGERLINE_BOT_CERTIFICATE_THUMBPRINT',
  certificatePrivateKey: 'LEDGERLINE_BOT_CERTIFICATE_KEY_FILE',
  loginUrl: 'LEDGERLINE_BOT_LOGIN_URL',
  openIdMetadataUrl: 'LEDGERLINE_BOT_OPENID_METADATA_URL',
  tokenIssuer: 'LEDGERLINE_BOT_TOKEN_ISSUER',
  oauthScope: 'LEDGERLINE_BOT_OAUTH_SCOPE',
  tabUrl: 'LEDGERLINE_TAB_URL',
  timeZone: 'LEDGERLINE_BOT_TIME_ZONE',
} as const;

/**
 * The bot's settings from LEDGERLINE_BOT_* (the tenant defaults to LEDGERLINE_TENANT_ID), or
 * null when no app id is set (then the bot runs only unauthenticated, in demo mode). Errors name
 * the variable.
 */
export function readBotConfig(env: Readonly<Record<string, string | undefined>>): BotConfig | null {
  const value = (name: string) => env[name]?.trim() || undefined;
  if (!value(BOT_ENV_VARIABLES.appId)) return null;
  const input: Record<string, string> = {};
  for (const [field, variable] of Object.entries(BOT_ENV_VARIABLES)) {
    const given = value(variable);
    if (given !== undefined) input[field] = given;
  }
  input.tenantId ??= value('LEDGERLINE_TENANT_ID') ?? '';
  if (input.certificatePrivateKey !== undefined) {
    try {
      input.certificatePrivateKey = readFileSync(input.certificatePrivateKey, 'utf8');
    } catch (error) {
      throw new LedgerlineError(
        'configuration',
        `${BOT_ENV_VARIABLES.certificatePrivateKey}: cannot read ${input.certificatePrivateKey}`,
        [],
        { cause: error },
      );
    }
  }
  return parseBotConfig(input as z.input<typeof botConfigSchema>);
}

/** Checks the bot's settings given as an object; errors name the environment variable. */
export function parseBotConfig(input: z.input<typeof botConfigSchema>): BotConfig {
  const result = botConfigSchema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const name = BOT_ENV_VARIABLES[field as keyof typeof BOT_ENV_VARIABLES] ?? (field || 'bot settings');
      return `${name}: ${issue.message}`;
    });
    throw new LedgerlineError('configuration', `bot settings are not valid: ${details.join('; ')}`, details);
  }
  return Object.freeze(result.data);
}

/** The settings that do not need an app: the tab's URL and the time zone. */
export function readUnauthenticatedBotSettings(
  env: Readonly<Record<string, string | undefined>>,
): UnauthenticatedBotSettings {
  const tabUrl = env[BOT_ENV_VARIABLES.tabUrl]?.trim();
  const timeZone = env[BOT_ENV_VARIABLES.timeZone]?.trim() || 'UTC';
  const checked = z
    .object({
      tabUrl: url.optional(),
      timeZone: z.string().refine(validZone, { error: 'must be an IANA time zone' }),
    })
    .safeParse({ ...(tabUrl ? { tabUrl } : {}), timeZone });
  if (!checked.success)
    throw new LedgerlineError(
      'configuration',
      `bot settings are not valid: ${checked.error.issues.map((issue) => `${BOT_ENV_VARIABLES[issue.path[0] as 'tabUrl']}: ${issue.message}`).join('; ')}`,
    );
  return { tabUrl: checked.data.tabUrl ?? null, timeZone: checked.data.timeZone };
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
