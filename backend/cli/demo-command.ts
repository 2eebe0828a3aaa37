import type { Command } from 'commander';
import { LedgerlineError } from '../domain/errors.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { DEFAULT_DAYS, catchUp, demoSummary, openDemoWorld } from './demo-runner.js';
import { positiveSeconds } from './mine-command.js';
import { repeat } from './pipeline-loops.js';
import { serveUntilStopped } from './serve-command.js';

interface DemoOptions {
  port?: string;
  days: string;
  serve: boolean;
  interval: string;
}

/**
 * `ledgerline demo` (what `npm start` runs): a fictional company on an LcsCDR replica with months
 * of calls and live traffic, read by the real recorder and miner, served on http://localhost:3978.
 */
export function registerDemoCommand(program: Command, context: CliContext): void {
  program
    .command('demo')
    .description('run the demo: a fictional company, its calls recorded and rated live, served on localhost')
    .option('--port <port>', 'port (env PORT; default 3978)')
    .option('--days <days>', 'days of call history to create on the first run', String(DEFAULT_DAYS))
    .option('--no-serve', 'build the data, mine it, print a summary and exit')
    .option('--interval <seconds>', 'seconds between live-traffic, recording and mining rounds', '5')
    .action(async (options: DemoOptions, command: Command) => {
      const globals = command.optsWithGlobals<DatabaseOptions>();
      const days = Number(options.days);
      if (!Number.isInteger(days) || days < 1 || days > 730) {
        throw new LedgerlineError(
          'invalid-input',
          `--days: "${options.days}" is not a whole number of days from 1 to 730`,
        );
      }
      const interval = positiveSeconds(options.interval, '--interval');
      const data = dataDir(globals, context);
      context.reporter.info(`Ledgerline demo in ${data}`);
      await withDatabase(
        databaseUrl(globals, context),
        async (database) => {
          const world = await openDemoWorld(database, data, days, context.reporter);
          try {
            await catchUp(world, context.reporter);
            const summary = await demoSummary(database);
            if (!options.serve) {
              for (const line of summary) context.print(line);
              return;
            }
            for (const line of summary) context.reporter.info(line);
            const pipeline = repeat(
              'the demo pipeline',
              interval * 1000,
              context.signal,
              context.reporter,
              async () => {
                world.advance(Date.now());
                await catchUp(world, context.reporter);
              },
            );
            // The demo signs people in without Entra ID, so it only ever listens on loopback.
            await serveUntilStopped(
              database,
              world.spoolDir,
              { ...(options.port ? { port: options.port } : {}), host: '127.0.0.1' },
              context,
            );
            await pipeline;
          } finally {
            await world.close();
          }
        },
        { requireSchema: false },
      );
    });
}
