import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { LedgerlineError } from '../domain/errors.js';
import { MiningTablesBuilder } from '../miner/mining-tables.js';
import { mineSpoolFile, type SpoolFileOutcome } from '../miner/spool-file-miner.js';
import { SpoolMiner, type MiningObserver } from '../miner/spool-miner.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import type { Progress } from './reporter.js';

/** `ledgerline mine` and `ledgerline import`: spool files into rated calls. */
export function registerMineCommands(program: Command, context: CliContext): void {
  program
    .command('mine')
    .description('rate the spool files the recorder writes and store the calls')
    .option('--once', 'mine what is waiting, then exit')
    .option('--spool <dir>', 'spool folder (default: <data>/spool)')
    .option('--interval <seconds>', 'seconds between looks at the spool folder', '5')
    .action(async (options: { once?: boolean; spool?: string; interval: string }, command: Command) => {
      const globals = command.optsWithGlobals<DatabaseOptions>();
      const spoolDir = options.spool
        ? resolve(context.cwd, options.spool)
        : join(dataDir(globals, context), 'spool');
      const interval = positiveSeconds(options.interval, '--interval');
      await withDatabase(databaseUrl(globals, context), async (database) => {
        const miner = new SpoolMiner(database, spoolDir);
        const observer = progressObserver(context);
        context.reporter.info(`mining ${spoolDir} into ${database.description}`);
        while (!context.signal.aborted) {
          const pass = await miner.minePending(observer);
          if (options.once) {
            if (pass.files.length === 0) context.reporter.info(`no spool files waiting in ${spoolDir}`);
            break;
          }
          await sleep(interval * 1000, undefined, { signal: context.signal }).catch(() => undefined);
        }
      });
    });

  program
    .command('import')
    .description('mine spool-format files from anywhere (each file once)')
    .argument('<files...>', 'CallRecord v1 files, one call per line')
    .option('--format <format>', 'file format', 'ndjson')
    .action(async (files: string[], options: { format: string }, command: Command) => {
      if (options.format !== 'ndjson') {
        throw new LedgerlineError(
          'invalid-input',
          `--format ${options.format} is not supported: use --format ndjson (CallRecord v1 lines)`,
        );
      }
      const paths = files.map((file) => resolve(context.cwd, file));
      for (const path of paths) {
        await stat(path).catch(() => {
          throw new LedgerlineError('invalid-input', `cannot read ${path}: no such file`);
        });
      }
      await withDatabase(
        databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context),
        async (database) => {
          const loader = new MiningTablesBuilder();
          const observer = progressObserver(context);
          for (const path of paths) {
            // Named by content: the same file imported twice is recognized, a changed one is not.
            const digest = (await fileDigest(path)).slice(0, 16);
            const name = `import:${basename(path)}@${digest}`;
            observer.fileStarted?.(name, (await stat(path)).size);
            const outcome = await mineSpoolFile(database, loader, {
              path,
              name,
              onProgress: (p) => observer.progress?.(name, p),
            });
            observer.fileDone?.(name, outcome);
          }
        },
      );
    });
}

/** Progress bars by bytes read, and one line per finished file. */
function progressObserver(context: CliContext): MiningObserver {
  let bar: Progress | null = null;
  return {
    fileStarted(name, bytes) {
      bar = context.reporter.progress(`mining ${name}`, bytes, 'bytes');
    },
    progress(_name, progress) {
      bar?.update(progress.bytesRead, `${progress.lines.toLocaleString('en')} lines`);
    },
    fileDone(name, outcome: SpoolFileOutcome) {
      bar?.stop();
      bar = null;
      if (outcome.skipped) context.reporter.info(`${name} was mined before; skipped`);
      else
        context.reporter.info(`mined ${name}`, {
          calls: outcome.calls,
          duplicates: outcome.duplicates,
          rejected: outcome.rejected,
        });
      if (outcome.rejected > 0)
        context.reporter.warn(
          `${outcome.rejected} lines of ${name} were rejected (see ledgerline status or the rejects table)`,
        );
    },
  };
}

/** Reads a positive number of seconds from an option. */
export function positiveSeconds(value: string, option: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new LedgerlineError('invalid-input', `${option}: "${value}" is not a positive number of seconds`);
  return seconds;
}

async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
