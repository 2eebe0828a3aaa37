import type { Command } from 'commander';
import { repositoriesFor } from '../db/repositories.js';
import { rerateCalls } from '../miner/rerate.js';
import { databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import type { Progress } from './reporter.js';
import { UsageError } from './usage-error.js';

/** `ledgerline rerate`: prices stored calls again after a tariff or routing change. */
export function registerRerateCommand(program: Command, context: CliContext): void {
  program
    .command('rerate')
    .description('re-rate stored calls with the plan in force at each call\u2019s start, and fix the rollups')
    .requiredOption('--from <date>', 'first local day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last local day, YYYY-MM-DD (inclusive)')
    .option('--carrier <code>', 'only calls of this carrier')
    .action(async (options: { from: string; to: string; carrier?: string }, command: Command) => {
      const fromDay = localDay(options.from, '--from');
      const toDay = localDay(options.to, '--to');
      if (toDay < fromDay) throw new UsageError(`--to ${options.to} is before --from ${options.from}`);
      await withDatabase(
        databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context),
        async (database) => {
          if (options.carrier !== undefined) {
            const carriers = await repositoriesFor(database.kysely, database).carriers.list();
            if (!carriers.some((carrier) => carrier.code === options.carrier)) {
              throw new UsageError(
                `--carrier: no carrier "${options.carrier}" in ${database.description} (carriers: ${carriers.map((carrier) => carrier.code).join(', ') || 'none yet'})`,
              );
            }
          }
          let bar: Progress | null = null;
          const outcome = await rerateCalls(database, {
            fromDay,
            toDay,
            ...(options.carrier === undefined ? {} : { carrierCode: options.carrier }),
            onDay: (day, done, total) => {
              bar ??= context.reporter.progress('re-rating', total, 'days');
              bar.update(done, String(day));
            },
          });
          (bar as Progress | null)?.stop();
          context.print(
            `re-rated ${outcome.calls} calls on ${outcome.days} days: ${outcome.changed} changed`,
          );
        },
      );
    });
}

/** YYYY-MM-DD as the integer YYYYMMDD local days are stored as. */
function localDay(text: string, option: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3])) {
    throw new UsageError(`${option}: "${text}" is not a date (YYYY-MM-DD)`);
  }
  return Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]);
}
