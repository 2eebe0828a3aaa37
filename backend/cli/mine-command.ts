import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { LedgerlineError } from '../domain/errors.js';
import { MiningTablesBuilder } from '../miner/mining-tables.js';
import { mineSpoolFile } from '../miner/spool-file-miner.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { mineOnce, miningObserver, repeat } from './pipeline-loops.js';

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
        context.reporter.info(`mining ${spoolDir} into ${database.description}`);
        if (options.once) {
          const files = await mineOnce(database, spoolDir, context.reporter, miner);
          if (files.length === 0) context.reporter.info(`no spool files waiting in ${spoolDir}`);
          return;
        }
        await repeat('mining', interval * 1000, context.signal, context.reporter, async () => {
          await mineOnce(database, spoolDir, context.reporter, miner);
        });
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
          const observer = miningObserver(context.reporter);
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
