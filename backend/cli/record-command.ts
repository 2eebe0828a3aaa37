import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { describeConnectionError } from '../db/database-check.js';
import { LedgerlineError } from '../domain/errors.js';
import { openCdrSource } from '../recorder/cdr-source-factory.js';
import { Recorder } from '../recorder/recorder.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { positiveSeconds } from './mine-command.js';
import { recordOnce, repeat } from './pipeline-loops.js';

/** `ledgerline record`: polls the PBX's call records and writes spool files. */
export function registerRecordCommand(program: Command, context: CliContext): void {
  program
    .command('record')
    .description('poll the PBX call records (SfB LcsCDR) and write finished calls to spool files')
    .option('--once', 'record what is there now, then exit')
    .option(
      '--source <url>',
      'mssql://user:password@host/LcsCDR or sqlite:<replica> (env LEDGERLINE_LCSCDR_URL; default <data>/lcscdr.db)',
    )
    .option('--spool <dir>', 'spool folder (default: <data>/spool)')
    .option('--interval <seconds>', 'seconds between polls', '10')
    .option(
      '--site-by-gateway <list>',
      'site code per gateway, e.g. gw-mil-1=MIL,gw-lon-1=LON (env LEDGERLINE_SITE_BY_GATEWAY)',
    )
    .option(
      '--lookback-hours <hours>',
      'how far behind its checkpoint each poll looks for calls whose records arrived late: longer than the longest call',
      '24',
    )
    .option(
      '--purge-margin-days <days>',
      'warn when a call not recorded yet is within this many days of the LcsCDR purge (KeepCallDetailForDays)',
      '7',
    )
    .option(
      '--retry-settle-seconds <seconds>',
      'how long an unanswered call is held after it ended, in case a retried session (CallFlag 1) repeats it',
      '60',
    )
    .action(
      async (
        options: {
          once?: boolean;
          source?: string;
          spool?: string;
          interval: string;
          siteByGateway?: string;
          lookbackHours: string;
          purgeMarginDays: string;
          retrySettleSeconds: string;
        },
        command: Command,
      ) => {
        const globals = command.optsWithGlobals<DatabaseOptions>();
        const data = dataDir(globals, context);
        const url =
          options.source ?? context.env.LEDGERLINE_LCSCDR_URL ?? `sqlite:${join(data, 'lcscdr.db')}`;
        const spoolDir = options.spool ? resolve(context.cwd, options.spool) : join(data, 'spool');
        const interval = positiveSeconds(options.interval, '--interval');
        const siteByGateway = parseSiteByGateway(
          options.siteByGateway ?? context.env.LEDGERLINE_SITE_BY_GATEWAY,
        );
        const lookbackHours = positiveNumber(options.lookbackHours, '--lookback-hours', 'hours');
        const purgeMarginDays = positiveNumber(options.purgeMarginDays, '--purge-margin-days', 'days');
        const retrySettleSeconds = positiveNumber(
          options.retrySettleSeconds,
          '--retry-settle-seconds',
          'seconds',
        );
        const source = openCdrSource(url, { siteByGateway, retrySettleSeconds });
        try {
          await source.oldestPosition().catch((error: unknown) => {
            throw new LedgerlineError(
              'unavailable',
              `cannot read the call records at ${source.description}: ${describeConnectionError(error)}`,
            );
          });
          await withDatabase(databaseUrl(globals, context), async (database) => {
            context.reporter.info(`recording ${source.description} into ${spoolDir}`);
            // One recorder for every poll: it remembers what it has said about the purge horizon.
            const recorder = new Recorder(source, database, { spoolDir, lookbackHours, purgeMarginDays });
            const poll = () => recordOnce(source, database, spoolDir, context.reporter, undefined, recorder);
            if (options.once) {
              if ((await poll()) === 0) context.reporter.info('no new finished calls');
              return;
            }
            await repeat('recording', interval * 1000, context.signal, context.reporter, async () => {
              await poll();
            });
          });
        } finally {
          await source.close();
        }
      },
    );
}

/** `gw-mil-1=MIL,gw-lon-1=LON` as a map from gateway to site code. */
export function parseSiteByGateway(text: string | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [gateway, site] = pair.split('=').map((part) => part.trim());
    if (!gateway || !site)
      throw new LedgerlineError('invalid-input', `--site-by-gateway: "${pair}" is not gateway=SITE`);
    map[gateway] = site;
  }
  return map;
}

/** A number greater than zero from an option, or a clear message naming the option. */
function positiveNumber(value: string, option: string, unit: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new LedgerlineError('invalid-input', `${option}: "${value}" is not a positive number of ${unit}`);
  return number;
}
