import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Command } from 'commander';
import { apiRoutes } from '../api/api-routes.js';
import { createHttpServer, listen } from '../api/http-server.js';
import { AUTH_ENV_VARIABLES, readAuthConfig, type AuthConfig } from '../auth/auth-config.js';
import { createAuthenticator, type Authenticator } from '../auth/authenticator.js';
import { createDemoAuth, type DemoAuth } from '../auth/demo-sign-in.js';
import { repositoriesFor } from '../db/repositories.js';
import type { Role } from '../domain/role.js';
import { readServerSettings } from '../config/server-settings.js';
import { readNotifySettings } from '../config/notify-settings.js';
import type { Database } from '../db/database.js';
import { LedgerlineError } from '../domain/errors.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import type { Reporter } from './reporter.js';
import { UsageError } from './usage-error.js';
import { startAutomation, type AutomationSettings, type AutomationSetup } from './server-automation.js';
import { GraphTokenSource } from '../auth/graph-token-source.js';
import type { GroupMembers } from '../notify/graph-group-members.js';
import { createBillingBot, type BillingBot } from '../../bot/billing-bot.js';
import { demoPrincipals, directoryPrincipals, type PrincipalSource } from '../../bot/bot-principals.js';
import {
  BOT_ENV_VARIABLES,
  readBotConfig,
  readUnauthenticatedBotSettings,
  type BotConfig,
  type UnauthenticatedBotSettings,
} from '../../bot/bot-config.js';

/** The port and address options of `serve` and `demo`. */
export interface ServeOptions {
  port?: string;
  host?: string;
}

/** Where to listen, checked. */
export interface ListenAddress {
  port: number;
  host: string;
}

/** The HTTP server, listening. */
export interface RunningServer {
  /** Where people reach it, e.g. http://127.0.0.1:3978. */
  url: string;
  close(): Promise<void>;
}

/** The port when neither --port nor PORT says otherwise. */
export const DEFAULT_PORT = 3978;

/** `ledgerline serve`: the HTTP server (API now; the bot and the tab later). */
export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description(`serve the API on http://<host>:<port> (default 127.0.0.1:${DEFAULT_PORT})`)
    .option('--port <port>', `port (env PORT; default ${DEFAULT_PORT})`)
    .option('--host <address>', 'address to listen on (env HOST); 0.0.0.0 for every interface')
    .action(async (options: ServeOptions, command: Command) => {
      const globals = command.optsWithGlobals<DatabaseOptions>();
      const address = listenAddress(options, context);
      await withDatabase(databaseUrl(globals, context), async (database) => {
        const signIn = signInFromEnvironment(context);
        const server = await startServer({
          database,
          spoolDir: join(dataDir(globals, context), 'spool'),
          address,
          reporter: context.reporter,
          signIn,
          maskDigits: readServerSettings(context.env).maskDigits,
          bot: botFromEnvironment(context, 'serve'),
          automation: automationFromEnvironment(context),
        });
        if (signIn.kind === 'none')
          context.reporter.warn(
            `sign-in is not set up: set ${AUTH_ENV_VARIABLES.tenantId} and ${AUTH_ENV_VARIABLES.clientId} (see docs/configuration.md); until then only /health, /api/v1/status and /metrics answer`,
          );
        context.reporter.info(`Ledgerline is serving on ${server.url}`, {
          health: '/health',
          status: '/api/v1/status',
        });
        await stopRequested(context.signal);
        await server.close();
      });
    });
}

/** The address to listen on: --port, else PORT, else 3978; --host, else HOST, else 127.0.0.1. */
export function listenAddress(options: ServeOptions, context: CliContext): ListenAddress {
  const [text, name] =
    options.port !== undefined
      ? [options.port, '--port']
      : context.env.PORT
        ? [context.env.PORT, 'PORT']
        : [String(DEFAULT_PORT), '--port'];
  const port = Number(text);
  // 0 asks the system for a free port (the URL printed says which).
  if (text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`${name}: "${text}" is not a port number (1 to 65535)`);
  return { port, host: options.host ?? context.env.HOST ?? '127.0.0.1' };
}

/**
 * How people sign in: Teams single sign-on against the organization's Entra ID tenant, demo
 * sign-in (demo mode on loopback only), or none (then only the public routes answer).
 */
export type SignIn =
  | { kind: 'entra'; config: AuthConfig }
  | { kind: 'demo'; config: AuthConfig; personas: Partial<Record<Role, string>> }
  | { kind: 'none' };

/** What the server is started with. */
export interface ServerSetup {
  database: Database;
  spoolDir: string;
  address: ListenAddress;
  /** Where requests and errors are logged: a line per request (debug level on a terminal). */
  reporter: Reporter;
  signIn: SignIn;
  /** Trailing digits of called numbers hidden from those who may not see them. */
  maskDigits: number;
  /** The tab's built files; by default `dist/tab` of this installation. */
  tabDir?: string;
  /** The billing bot at POST /api/messages; absent: no bot. */
  bot?: BotHosting;
  /** Alarms, scheduled reports and their delivery; absent: the server only answers requests. */
  automation?: AutomationSettings;
  /** Who is in an Entra group, when not asked of Graph (the demo's personas). */
  groupMembers?: GroupMembers;
}

/**
 * How the bot is hosted: with the Azure Bot's credentials (Bot Framework tokens checked), or
 * without an app id, unauthenticated, which only demo mode on loopback may do.
 */
export type BotHosting =
  | { kind: 'authenticated'; config: BotConfig }
  | { kind: 'unauthenticated'; settings: UnauthenticatedBotSettings };

/**
 * The bot from LEDGERLINE_BOT_*: authenticated when an app id is set; in demo mode without one,
 * unauthenticated; for `serve` without one, none.
 */
export function botFromEnvironment(context: CliContext, mode: 'serve' | 'demo'): BotHosting | undefined {
  const config = readBotConfig(context.env);
  if (config) return { kind: 'authenticated', config };
  if (mode === 'demo')
    return { kind: 'unauthenticated', settings: readUnauthenticatedBotSettings(context.env) };
  context.reporter.info(`no bot: set ${BOT_ENV_VARIABLES.appId} to serve the Teams bot at /api/messages`);
  return undefined;
}

/**
 * Alarms, scheduled reports and delivery as the environment sets them up: mail from
 * LEDGERLINE_MAIL_*, the company's time zone from LEDGERLINE_BOT_TIME_ZONE, the tab's address
 * from LEDGERLINE_TAB_URL and the reports' logo from LEDGERLINE_REPORT_LOGO.
 */
export function automationFromEnvironment(
  context: CliContext,
  defaults: Partial<Pick<AutomationSettings, 'timeZone' | 'tabUrl' | 'alarmIntervalMs'>> = {},
): AutomationSettings {
  const { env } = context;
  const bot = readUnauthenticatedBotSettings(env);
  return {
    notify: readNotifySettings(env),
    timeZone: env[BOT_ENV_VARIABLES.timeZone]?.trim() ? bot.timeZone : (defaults.timeZone ?? bot.timeZone),
    tabUrl: bot.tabUrl ?? defaults.tabUrl ?? null,
    logoFile: env.LEDGERLINE_REPORT_LOGO?.trim() || null,
    alarmIntervalMs: defaults.alarmIntervalMs ?? 5 * 60_000,
    maskDigits: readServerSettings(env).maskDigits,
  };
}

/** Starts the HTTP server; a port in use or an address it cannot have is a clear error. */
export async function startServer(setup: ServerSetup): Promise<RunningServer> {
  const { database, spoolDir, address, reporter, signIn } = setup;
  const directory = repositoriesFor(database.kysely, database);
  let authenticator: Authenticator | null = null;
  let demo: DemoAuth | null = null;
  if (signIn.kind === 'entra') authenticator = createAuthenticator(signIn.config, directory);
  if (signIn.kind === 'demo') {
    if (!isLoopback(address.host))
      throw new LedgerlineError('configuration', 'demo sign-in listens on loopback only (127.0.0.1 or ::1)');
    demo = await createDemoAuth(signIn.config, directory, { defaults: signIn.personas });
    authenticator = demo.authenticator;
  }
  const principals = principalSourceFor(setup, authenticator, demo);
  const bot = setup.bot ? billingBotFor(setup, setup.bot, principals) : null;
  const automation = setup.automation
    ? await startAutomation({
        database,
        spoolDir,
        reporter,
        settings: setup.automation,
        principals,
        bot: bot?.adapter ?? null,
        graph: appGraph(signIn),
        ...(setup.groupMembers ? { groupMembers: setup.groupMembers } : {}),
      })
    : null;
  const server = createHttpServer({
    database,
    spoolDir,
    version: packageVersion(),
    log: reporter,
    requestLogLevel: reporter.tty ? 'debug' : 'info',
    ...(authenticator
      ? { authenticate: (header) => (authenticator as Authenticator).authenticate(header) }
      : {}),
    routes: [
      ...apiRoutes({
        database,
        maskDigits: setup.maskDigits,
        demo,
        adminGroupId: signIn.kind === 'none' ? null : (signIn.config.adminGroupId ?? null),
        ...(automation ? { reportScheduler: automation.reportScheduler } : {}),
      }),
      ...(bot ? bot.routes : []),
    ],
    tabDir: setup.tabDir ?? tabFilesDir(),
  });
  const { host } = address;
  let port: number;
  try {
    port = await listen(server, address.port, host);
  } catch (error) {
    await automation?.stop();
    throw new LedgerlineError('unavailable', listenFailure(error, address), [], { cause: error });
  }
  return {
    url: `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`,
    close: async () => {
      await automation?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep idle connections open; they must not hold the shutdown back.
        server.server.closeIdleConnections();
      });
    },
  };
}

/**
 * Whose rights a person has when the bot or a scheduled report asks: the demo's personas in demo
 * mode, Graph group membership with the app's own token with Entra sign-in; null otherwise.
 */
function principalSourceFor(
  setup: ServerSetup,
  authenticator: Authenticator | null,
  demo: DemoAuth | null,
): PrincipalSource | null {
  const { signIn } = setup;
  if (signIn.kind === 'demo' && demo)
    return demoPrincipals({
      auth: demo,
      directory: repositoriesFor(setup.database.kysely, setup.database),
      personas: signIn.personas,
    });
  if (signIn.kind === 'entra' && authenticator && signIn.config.clientSecret)
    return directoryPrincipals(authenticator);
  return null;
}

/** App-only Graph access from the sign-in settings, when they have a client secret. */
function appGraph(signIn: SignIn): AutomationSetup['graph'] {
  if (signIn.kind !== 'entra' || !signIn.config.clientSecret) return null;
  return { graphUrl: signIn.config.graphUrl, tokens: new GraphTokenSource(signIn.config) };
}

/** The bot, its rights from the same sign-in as the API's. */
function billingBotFor(setup: ServerSetup, bot: BotHosting, principals: PrincipalSource | null): BillingBot {
  const { signIn } = setup;
  if (bot.kind === 'unauthenticated' && !(signIn.kind === 'demo' && isLoopback(setup.address.host)))
    throw new LedgerlineError(
      'configuration',
      `the bot without an app id answers only in demo mode on loopback: set ${BOT_ENV_VARIABLES.appId}`,
    );
  if (!principals)
    throw new LedgerlineError(
      'configuration',
      signIn.kind === 'entra'
        ? `the bot asks Graph which groups people are in: set ${AUTH_ENV_VARIABLES.clientSecret}`
        : `the bot needs the tenant's sign-in settings to know people's rights: set ${AUTH_ENV_VARIABLES.tenantId} and ${AUTH_ENV_VARIABLES.clientId}`,
    );
  const { port, host } = setup.address;
  const ownUrl =
    port === 0 ? null : `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}`;
  return createBillingBot({
    database: setup.database,
    config: bot.kind === 'authenticated' ? bot.config : null,
    principals,
    tabUrl:
      (bot.kind === 'authenticated' ? bot.config.tabUrl : bot.settings.tabUrl) ??
      (signIn.kind === 'demo' ? ownUrl : null),
    timeZone: bot.kind === 'authenticated' ? bot.config.timeZone : bot.settings.timeZone,
    maskDigits: setup.maskDigits,
    log: setup.reporter,
  });
}

function listenFailure(error: unknown, { port, host }: ListenAddress): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is in use (another Ledgerline or another program): choose another with --port or PORT`;
    case 'EACCES':
      return `no permission to listen on port ${port}: choose a port above 1023 with --port or PORT`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${host}: it is not an address of this machine (see --host)`;
    default:
      return `cannot listen on ${host}:${port}: ${(error as Error).message}`;
  }
}

/** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
export function stopRequested(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** Ledgerline's version, from package.json. */
export function packageVersion(): string {
  for (const path of ['../../../package.json', '../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string })
        .version;
    } catch {
      // Not there from this build layout; try the next.
    }
  }
  return 'unknown';
}

/** The tab's built files (`npm run build` writes them to dist/tab beside dist/backend). */
export function tabFilesDir(): string {
  for (const path of ['../../../', '../../']) {
    const root = fileURLToPath(new URL(path, import.meta.url));
    if (existsSync(join(root, 'package.json'))) return join(root, 'dist', 'tab');
  }
  return fileURLToPath(new URL('../../tab', import.meta.url));
}

/** Whether an address is this machine only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Teams single sign-on when the environment names the tenant or the app (and then every setting
 * must be valid), else none.
 */
export function signInFromEnvironment(context: CliContext): SignIn {
  const named = [AUTH_ENV_VARIABLES.tenantId, AUTH_ENV_VARIABLES.clientId].some((name) =>
    context.env[name]?.trim(),
  );
  return named ? { kind: 'entra', config: readAuthConfig(context.env) } : { kind: 'none' };
}
