import { join } from 'node:path';
import type { Command } from 'commander';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { demoGroupMembers } from '../demo/demo-group-members.js';
import { DEFAULT_DAYS, catchUp, demoSummary, openDemoWorld, type DemoWorld } from './demo-runner.js';
import { positiveSeconds } from './mine-command.js';
import { repeat } from './pipeline-loops.js';
import {
  botFromEnvironment,
  DEFAULT_PORT,
  listenAddress,
  startServer,
  automationFromEnvironment,
  type ListenAddress,
} from './serve-command.js';
import { UsageError } from './usage-error.js';
import { demoAuthConfig } from '../auth/demo-sign-in.js';
import { readServerSettings } from '../config/server-settings.js';
import { DEMO_COMPANY } from '../demo/demo-company.js';

interface DemoOptions {
  port?: string;
  days: string;
  serve: boolean;
  interval: string;
}

/** How often the running demo sums up its live calls. */
const LIVE_SUMMARY_MS = 60_000;

/**
 * `ledgerline demo` (what `npm start` runs): a fictional company on an LcsCDR replica with months
 * of calls and live traffic, read by the real recorder and miner, served on http://localhost:3978.
 */
export function registerDemoCommand(program: Command, context: CliContext): void {
  program
    .command('demo')
    .description('run the demo: a fictional company, its calls recorded and rated live, served on localhost')
    .option('--port <port>', `port (env PORT; default ${DEFAULT_PORT})`)
    .option('--days <days>', 'days of call history to create on the first run', String(DEFAULT_DAYS))
    .option('--no-serve', 'build the data, mine it, print a summary and exit')
    .option('--interval <seconds>', 'seconds between live-traffic, recording and mining rounds', '5')
    .addHelpText(
      'after',
      '\nThe data stays in --data (env LEDGERLINE_DATA_DIR, default ./data): a second start carries on from it.\nOne demo at a time per data folder; give each its own --data and --port to run several.',
    )
    .action(async (options: DemoOptions, command: Command) => {
      const globals = command.optsWithGlobals<DatabaseOptions>();
      const days = Number(options.days);
      if (!Number.isInteger(days) || days < 1 || days > 730)
        throw new UsageError(`--days: "${options.days}" is not a whole number of days from 1 to 730`);
      const interval = positiveSeconds(options.interval, '--interval');
      // The demo signs people in without Entra ID, so it only ever listens on loopback.
      const address = options.serve
        ? listenAddress(
            { ...(options.port === undefined ? {} : { port: options.port }), host: '127.0.0.1' },
            context,
          )
        : null;
      const data = dataDir(globals, context);
      const lock = lockDataFolder(data, address ? `a demo starting on port ${address.port}` : 'a demo');
      try {
        context.reporter.info(`Ledgerline demo in ${data}`);
        await withDatabase(
          databaseUrl(globals, context),
          (database) => runDemo(database, { data, days, interval, address, lock }, context),
          { requireSchema: false, create: true },
        );
      } finally {
        lock.release();
      }
    });
}

interface DemoRun {
  data: string;
  days: number;
  interval: number;
  address: ListenAddress | null;
  lock: DataFolderLock;
}

async function runDemo(database: Database, run: DemoRun, context: CliContext): Promise<void> {
  const { reporter, signal } = context;
  // The server's alarm, report and delivery jobs start with it and need the tables.
  await migrateToLatest(database);
  // Listening comes first: a port in use ends the demo at once, not after minutes of catching up.
  const server = run.address
    ? await startServer({
        database,
        spoolDir: join(run.data, 'spool'),
        address: run.address,
        reporter,
        signIn: {
          kind: 'demo',
          config: demoAuthConfig(DEMO_COMPANY.adminGroupId),
          personas: Object.fromEntries(
            Object.entries(DEMO_COMPANY.personas).map(([role, persona]) => [role, persona.upn]),
          ),
        },
        maskDigits: readServerSettings(context.env).maskDigits,
        bot: botFromEnvironment(context, 'demo'),
        automation: automationFromEnvironment(context, {
          timeZone: DEMO_COMPANY.sites[0]?.timeZone ?? 'UTC',
          tabUrl: run.address.port === 0 ? null : `http://${run.address.host}:${run.address.port}`,
          alarmIntervalMs: 60_000,
        }),
        groupMembers: demoGroupMembers(DEMO_COMPANY, repositoriesFor(database.kysely, database)),
      })
    : null;
  const onStop = () => reporter.info('stopping (the data is kept; the next start carries on from it)');
  signal.addEventListener('abort', onStop, { once: true });
  try {
    if (server) run.lock.describe(`a demo on ${server.url}`);
    const world = await openDemoWorld(database, run.data, run.days, reporter, {
      live: server !== null,
      signal,
    });
    try {
      await catchUp(world, reporter, { signal });
      const summary = await demoSummary(database);
      if (!server) {
        for (const line of summary) context.print(line);
        return;
      }
      for (const line of summary) reporter.info(line);
      if (signal.aborted) return;
      reporter.info(`Ledgerline is serving on ${server.url}`, {
        health: '/health',
        status: '/api/v1/status',
        api: '/api/v1/openapi.json',
      });
      reporter.info(
        `open ${server.url}/ in a browser and sign in as an employee, a supervisor or an admin (the API: POST ${server.url}/api/v1/demo/sign-in {"role":"admin"})`,
      );
      reporter.info(`live calls arrive every few seconds (a summary every minute); Ctrl-C stops the demo`);
      await runLive(world, run.interval, context);
    } finally {
      await world.close();
    }
  } finally {
    signal.removeEventListener('abort', onStop);
    await server?.close();
  }
}

/** Live traffic, recorded and mined every `interval` seconds until stopped; a line a minute. */
async function runLive(world: DemoWorld, interval: number, { reporter, signal }: CliContext): Promise<void> {
  const counts = await repositoriesFor(world.database.kysely, world.database).calls.pipelineCounts();
  let stored = counts.rated + counts.unrated + counts.free;
  let minute = { since: Date.now(), calls: 0, rejected: 0 };
  await repeat('the demo pipeline', interval * 1000, signal, reporter, async () => {
    world.advance(Date.now());
    const round = await catchUp(world, reporter, { quiet: true });
    stored += round.mined.calls;
    minute.calls += round.mined.calls;
    minute.rejected += round.mined.rejected;
    if (Date.now() - minute.since >= LIVE_SUMMARY_MS) {
      const rejected = minute.rejected > 0 ? ` (${minute.rejected} lines rejected)` : '';
      reporter.info(
        `live: ${minute.calls.toLocaleString('en')} calls recorded and rated in the last minute${rejected}, ${stored.toLocaleString('en')} in all`,
        reporter.tty ? undefined : { calls: minute.calls, total: stored, rejected: minute.rejected },
      );
      minute = { since: Date.now(), calls: 0, rejected: 0 };
    }
  });
}
