import { z } from 'zod';
import { LedgerlineError } from '../domain/errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An https URL (http only on loopback, where the test stand-ins listen), without a trailing "/". */
const serviceUrlSchema = z
  .string()
  .refine(
    (text) => {
      const url = parseUrl(text);
      if (!url || url.search !== '' || url.hash !== '') return false;
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    },
    { error: 'must be an https URL (http only on 127.0.0.1 or localhost)' },
  )
  .transform((text) => text.replace(/\/+$/, ''));

const guidSchema = z.guid({ error: 'must be a GUID' });

/** `Value=group-guid,Other=group-guid` in an environment variable, or the record itself. */
const appRolesSchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? parseAppRoles(value) : value),
    z.record(z.string().min(1), guidSchema),
  )
  .default({});

/**
 * Sign-in settings: which Entra ID tenant and app registration tokens must come from, where Entra
 * ID and Graph are, and which groups or app roles make an administrator.
 */
export const authConfigSchema = z.object({
  /** The organization's Entra ID tenant (the `tid` every token must carry). */
  tenantId: guidSchema,
  /** The app registration's application (client) id: an accepted audience and the OBO client. */
  clientId: guidSchema,
  /** The application id URI (`api://…`), the other accepted audience. */
  applicationIdUri: z.string().min(1).optional(),
  /** The app's client secret: needed only to ask Graph for groups (on-behalf-of, app-only). */
  clientSecret: z.string().min(1).optional(),
  authorityUrl: serviceUrlSchema.default('https://login.microsoftonline.com'),
  graphUrl: serviceUrlSchema.default('https://graph.microsoft.com'),
  /** Where the signing keys are; `{authorityUrl}/{tenantId}/discovery/v2.0/keys` when not set. */
  jwksUrl: serviceUrlSchema.optional(),
  /** The v2 issuer tokens carry; `https://login.microsoftonline.com/{tenantId}/v2.0` when not set. */
  issuer: z.url({ error: 'must be a URL' }).optional(),
  /** Also accept v1 tokens (`https://sts.windows.net/{tenantId}/`). */
  acceptV1Tokens: z.union([z.boolean(), z.stringbool()], { error: 'must be true or false' }).default(false),
  /** Members of this Entra group are administrators. */
  adminGroupId: guidSchema.optional(),
  /** App-role values (the token's `roles`) that count as membership of a group id. */
  appRoles: appRolesSchema,
  roleCacheSeconds: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(0, { error: 'must not be negative' })
    .default(300),
  clockSkewSeconds: z.coerce
    .number({ error: 'must be a number of seconds' })
    .int({ error: 'must be a whole number of seconds' })
    .min(0, { error: 'must not be negative' })
    .max(600, { error: 'must be at most 600' })
    .default(120),
});

/** Sign-in settings, checked and frozen. */
export type AuthConfig = Readonly<z.output<typeof authConfigSchema>>;

/** The environment variable of each setting. */
export const AUTH_ENV_VARIABLES: Readonly<Record<keyof z.input<typeof authConfigSchema>, string>> = {
  tenantId: 'LEDGERLINE_TENANT_ID',
  clientId: 'LEDGERLINE_CLIENT_ID',
  applicationIdUri: 'LEDGERLINE_APP_ID_URI',
  clientSecret: 'LEDGERLINE_CLIENT_SECRET',
  authorityUrl: 'LEDGERLINE_AUTHORITY_URL',
  graphUrl: 'LEDGERLINE_GRAPH_URL',
  jwksUrl: 'LEDGERLINE_JWKS_URL',
  issuer: 'LEDGERLINE_TOKEN_ISSUER',
  acceptV1Tokens: 'LEDGERLINE_ACCEPT_V1_TOKENS',
  adminGroupId: 'LEDGERLINE_ADMIN_GROUP_ID',
  appRoles: 'LEDGERLINE_APP_ROLES',
  roleCacheSeconds: 'LEDGERLINE_ROLE_CACHE_SECONDS',
  clockSkewSeconds: 'LEDGERLINE_CLOCK_SKEW_SECONDS',
};

/** Checks sign-in settings given as an object (e.g. from a settings file); errors name the field. */
export function parseAuthConfig(input: z.input<typeof authConfigSchema>): AuthConfig {
  return checked(input, (field) => field);
}

/**
 * Reads sign-in settings from LEDGERLINE_* environment variables (blank counts as unset), once at
 * start; errors name the variable.
 */
export function readAuthConfig(env: Readonly<Record<string, string | undefined>>): AuthConfig {
  const input: Record<string, string> = {};
  for (const [field, variable] of Object.entries(AUTH_ENV_VARIABLES)) {
    const value = env[variable]?.trim();
    if (value) input[field] = value;
  }
  return checked(input, (field) => AUTH_ENV_VARIABLES[field as keyof typeof AUTH_ENV_VARIABLES] ?? field);
}

function checked(input: unknown, nameOf: (field: string) => string): AuthConfig {
  const result = authConfigSchema.safeParse(input);
  if (!result.success) {
    const details = result.error.issues.map((issue) => {
      const [field, ...rest] = issue.path.map(String);
      const name = field === undefined ? 'sign-in settings' : [nameOf(field), ...rest].join('.');
      const given = field !== undefined && (input as Record<string, unknown>)[field] !== undefined;
      return `${name}: ${given ? issue.message : 'required'}`;
    });
    throw new LedgerlineError(
      'configuration',
      `sign-in settings are not valid: ${details.join('; ')}`,
      details,
    );
  }
  return Object.freeze({ ...result.data, appRoles: Object.freeze({ ...result.data.appRoles }) });
}

function parseAppRoles(text: string): Record<string, string> | string {
  const entries = text
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => pair.split('=').map((part) => part.trim()));
  // Anything that is not a list of "value=group" pairs is left to fail the record check.
  if (entries.some((entry) => entry.length !== 2 || !entry[0] || !entry[1])) return text;
  return Object.fromEntries(entries);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
