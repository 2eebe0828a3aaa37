import { AUTH_ENV_VARIABLES } from '../auth/auth-config.js';
import { BOT_ENV_VARIABLES } from '../../bot/bot-config.js';
import { NOTIFY_ENV_VARIABLES } from './notify-settings.js';
import { SERVER_ENV_VARIABLES } from './server-settings.js';

/** How a setting's value is written in the configuration file. */
export type SettingKind = 'text' | 'number' | 'boolean' | 'map' | 'path' | 'url';

/**
 * Whether a setting is a secret: `always` may only come from the environment; `password-in-url`
 * may be in the file only without a password (`mssql://reader@sql01/LcsCDR`).
 */
export type SecretKind = 'no' | 'always' | 'password-in-url';

/** One setting: its environment variable, its key in the configuration file, and what it does. */
export interface Setting {
  section: string;
  /** The key inside its section of the file (`signIn.tenantId`). */
  key: string;
  variable: string;
  kind: SettingKind;
  secret: SecretKind;
  /** The default, as the doc says it; null when there is none. */
  defaultValue: string | null;
  description: string;
}

type Described = Omit<Setting, 'section' | 'key' | 'variable'> & { key?: string };

/** The sections of the configuration file, in the order the doc lists them. */
export const SETTING_SECTIONS = {
  database: 'Billing database and data folder',
  recorder: 'Recorder (Skype for Business LcsCDR)',
  signIn: 'Sign-in and Microsoft Graph (Entra ID)',
  bot: 'Teams bot',
  delivery: 'Delivery (e-mail and the outbox)',
  server: 'Server',
  reports: 'Reports',
} as const;

/** The section names a configuration file may use. */
export type SettingSection = keyof typeof SETTING_SECTIONS;

/** The variables the `ledgerline` command itself reads (database, recorder, server, reports). */
export const CLI_ENV_VARIABLES = {
  database: { url: 'LEDGERLINE_DB_URL', dataDir: 'LEDGERLINE_DATA_DIR' },
  recorder: { lcscdrUrl: 'LEDGERLINE_LCSCDR_URL', siteByGateway: 'LEDGERLINE_SITE_BY_GATEWAY' },
  server: { port: 'PORT', host: 'HOST' },
  reports: { logo: 'LEDGERLINE_REPORT_LOGO' },
} as const;

/** Variables read before any configuration file (they say where it is, or how to log). */
export const ENVIRONMENT_ONLY_VARIABLES = {
  LEDGERLINE_CONFIG: 'the configuration file (also `--config <file>`)',
  LEDGERLINE_LOG_LEVEL:
    'log level of the JSON log: `trace`, `debug`, `info`, `warn`, `error` (default `info`)',
  LEDGERLINE_DEBUG: 'any value: print the stack of an unexpected error',
} as const;

const plain = (kind: SettingKind, defaultValue: string | null, description: string): Described => ({
  kind,
  secret: 'no',
  defaultValue,
  description,
});

/** Settings of one variable map: the `described` record must name every variable of the map. */
function section<Map extends Readonly<Record<string, string>>>(
  name: SettingSection,
  variables: Map,
  described: { readonly [Field in keyof Map]: Described },
): Setting[] {
  return Object.entries(variables).map(([field, variable]) => {
    const { key, ...rest } = described[field as keyof Map];
    return { section: name, key: key ?? field, variable, ...rest };
  });
}

/**
 * Every setting Ledgerline reads, built from the readers' own variable maps so a variable added to
 * a map does not compile until it is described here: what the configuration file accepts and what
 * docs/configuration.md lists.
 */
export const SETTINGS: readonly Setting[] = Object.freeze([
  ...section('database', CLI_ENV_VARIABLES.database, {
    url: {
      kind: 'url',
      secret: 'password-in-url',
      defaultValue: 'sqlite:<dataDir>/ledgerline.db',
      description:
        'the billing database: `sqlite:<file>`, `postgres://user@host/db` or `mssql://user@host/db` (also `--db`)',
    },
    dataDir: plain(
      'path',
      './data',
      'the data folder: the embedded database, the spool folder (also `--data`)',
    ),
  }),
  ...section('recorder', CLI_ENV_VARIABLES.recorder, {
    lcscdrUrl: {
      kind: 'url',
      secret: 'password-in-url',
      defaultValue: 'sqlite:<dataDir>/lcscdr.db',
      description:
        'the call records: `mssql://user:password@host/LcsCDR` or `sqlite:<replica>` (also `record --source`)',
    },
    siteByGateway: plain(
      'map',
      null,
      'site code per gateway or Mediation Server: `gw-mil-1=MIL,gw-lon-1=LON`; in the file an object',
    ),
  }),
  ...section('signIn', AUTH_ENV_VARIABLES, {
    tenantId: plain(
      'text',
      null,
      'the Entra ID tenant (GUID); with the client id it turns single sign-on on',
    ),
    clientId: plain('text', null, "the app registration's application (client) id (GUID)"),
    applicationIdUri: plain(
      'text',
      null,
      "the app's application id URI (`api://…`), also accepted as audience",
    ),
    clientSecret: {
      kind: 'text',
      secret: 'always',
      defaultValue: null,
      description: "the app's client secret: Graph tokens (groups, directory sync, mail through Graph)",
    },
    authorityUrl: plain('url', 'https://login.microsoftonline.com', 'where Entra ID is (a national cloud)'),
    graphUrl: plain('url', 'https://graph.microsoft.com', 'where Microsoft Graph is'),
    jwksUrl: plain(
      'url',
      '<authorityUrl>/<tenantId>/discovery/v2.0/keys',
      "where the tokens' signing keys are",
    ),
    issuer: plain('url', 'https://login.microsoftonline.com/<tenantId>/v2.0', 'the v2 issuer tokens carry'),
    acceptV1Tokens: plain(
      'boolean',
      'false',
      'also accept v1 tokens (`https://sts.windows.net/<tenantId>/`)',
    ),
    adminGroupId: plain('text', null, 'the Entra group (GUID) whose members are administrators'),
    appRoles: plain(
      'map',
      null,
      "app-role values (the token's `roles`) counted as a group: `Admin=<group id>`; in the file an object",
    ),
    roleCacheSeconds: plain(
      'number',
      '300',
      'how long a person’s groups are kept before Graph is asked again',
    ),
    clockSkewSeconds: plain('number', '120', 'clock difference tolerated when checking tokens (at most 600)'),
  }),
  ...section('bot', BOT_ENV_VARIABLES, {
    appId: plain('text', null, "the Azure Bot's app id (GUID); without it the bot runs only in the demo"),
    appType: plain('text', 'SingleTenant', 'only `SingleTenant` is supported'),
    tenantId: plain('text', 'LEDGERLINE_TENANT_ID', "the bot's tenant (GUID)"),
    appPassword: {
      kind: 'text',
      secret: 'always',
      defaultValue: null,
      description: "the bot's client secret (or a certificate)",
    },
    certificateThumbprint: plain('text', null, "the bot certificate's SHA-1 thumbprint (40 hex digits)"),
    certificatePrivateKey: {
      ...plain('path', null, "a PEM file with the bot certificate's private key (the key stays in the file)"),
      key: 'certificateKeyFile',
    },
    loginUrl: plain('url', 'https://login.microsoftonline.com', 'where the bot gets its tokens (Entra ID)'),
    openIdMetadataUrl: plain(
      'url',
      'https://login.botframework.com/v1/.well-known/openidconfiguration',
      "the Bot Framework's OpenID metadata, to check incoming requests",
    ),
    tokenIssuer: plain('text', 'https://api.botframework.com', 'the issuer of incoming Bot Framework tokens'),
    oauthScope: plain('text', 'https://api.botframework.com', 'the scope of the tokens the bot sends with'),
    tabUrl: plain('url', null, "the tab's address, for the links in cards, alarms and e-mails"),
    timeZone: plain(
      'text',
      'UTC',
      "the company's time zone (IANA, e.g. `Europe/Rome`) for subscriptions and schedules",
    ),
  }),
  ...section('delivery', NOTIFY_ENV_VARIABLES, {
    mailTransport: plain('text', 'none', 'e-mail through `graph` (sendMail, app-only), `smtp`, or `none`'),
    mailFrom: plain(
      'text',
      null,
      'the sender: the mailbox Graph sends as, or the SMTP From (required unless `none`)',
    ),
    smtpUrl: {
      kind: 'url',
      secret: 'password-in-url',
      defaultValue: null,
      description: '`smtp://user:password@host:port` (or `smtps://`), required for `smtp`',
    },
    maxAttempts: plain('number', '8', 'attempts of a message before it is given up (1–100)'),
  }),
  ...section(
    'server',
    { ...CLI_ENV_VARIABLES.server, ...SERVER_ENV_VARIABLES },
    {
      port: plain('number', '3978', 'the port `serve` and `demo` listen on (also `--port`)'),
      host: plain(
        'text',
        '127.0.0.1',
        'the address `serve` listens on; `0.0.0.0` for every interface (also `--host`)',
      ),
      maskDigits: plain(
        'number',
        '3',
        'trailing digits of called numbers hidden from all but admins and the caller',
      ),
    },
  ),
  ...section('reports', CLI_ENV_VARIABLES.reports, {
    logo: plain('path', null, 'a PNG or JPEG logo for PDF and HTML reports (also `report --logo`)'),
  }),
]);
