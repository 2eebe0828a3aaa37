import { mkdir, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { repositoriesFor } from '../db/repositories.js';
import { SpoolMiner } from '../miner/spool-miner.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { importFiles } from './import-files.js';
import { mineOnce, repeat } from './pipeline-loops.js';
import { UsageError } from './usage-error.js';

/** Rejected lines `import` shows of each file; the rest are in the rejects table. */
const REJECTS_SHOWN = 5;

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
      const interval = positiveSeconds(options.interval, '--interval');
      let spoolDir: string;
      if (options.spool !== undefined) {
        spoolDir = resolve(context.cwd, options.spool);
        await mustBeFolder(spoolDir, '--spool');
      } else {
        // The recorder makes it on its first file; until then there is nothing to mine, not an error.
        spoolDir = join(dataDir(globals, context), 'spool');
      }
      await withDatabase(databaseUrl(globals, context), async (database) => {
        await mkdir(spoolDir, { recursive: true });
        const miner = new SpoolMiner(database, spoolDir);
        context.reporter.info(`mining ${spoolDir} into ${database.description}`);
        if (options.once) {
          const totals = await mineOnce(database, spoolDir, context.reporter, miner);
          if (totals.files === 0) context.reporter.info(`no spool files waiting in ${spoolDir}`);
          return;
        }
        await repeat('mining', interval * 1000, context.signal, context.reporter, async () => {
          await mineOnce(database, spoolDir, context.reporter, miner);
        });
      });
    });

  program
    .command('import')
    .description('mine spool-format files from anywhere (each file once); prints what was stored')
    .argument('<files...>', 'CallRecord v1 files, one call per line')
    .option('--format <format>', 'file format', 'ndjson')
    .action(async (files: string[], options: { format: string }, command: Command) => {
      if (options.format !== 'ndjson') {
        throw new UsageError(
          `--format ${options.format} is not supported: use --format ndjson (CallRecord v1 lines)`,
        );
      }
      const paths = files.map((file) => resolve(context.cwd, file));
      for (const path of paths) await mustBeFile(path);
      await withDatabase(
        databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context),
        async (database) => {
          const { totals, names } = await importFiles(database, paths, context.reporter);
          const imported = totals.files - totals.skipped;
          context.print(
            `imported ${imported} ${imported === 1 ? 'file' : 'files'}: ${totals.calls.toLocaleString('en')} calls stored, ${totals.duplicates.toLocaleString('en')} duplicates (stored before), ${totals.rejected.toLocaleString('en')} lines rejected${totals.skipped > 0 ? `; ${totals.skipped} ${totals.skipped === 1 ? 'file was' : 'files were'} imported before and skipped` : ''}`,
          );
          if (totals.rejected === 0) return;
          const rejects = repositoriesFor(database.kysely, database).rejects;
          for (const [name, path] of names) {
            for (const reject of await rejects.list(name, REJECTS_SHOWN))
              context.print(`  ${basename(path)} line ${reject.line}: ${reject.reason}`);
          }
          context.print(
            `rejected lines are kept with their file, line number, reason and text in the billing database's rejects table (${database.description})`,
          );
        },
      );
    });
}

/** Reads a positive number of seconds from an option. */
export function positiveSeconds(value: string, option: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`${option}: "${value}" is not a positive number of seconds`);
  return seconds;
}

async function mustBeFolder(path: string, option: string): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (!found) throw new UsageError(`${option}: no folder ${path}`);
  if (!found.isDirectory()) throw new UsageError(`${option}: ${path} is a file, not a folder`);
}

async function mustBeFile(path: string): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (!found) throw new UsageError(`cannot read ${path}: no such file`);
  if (found.isDirectory()) {
    throw new UsageError(
      `cannot import ${path}: it is a folder (name the files, e.g. ${join(path, '*.ndjson')}; to mine a spool folder use \`ledgerline mine --spool ${path}\`)`,
    );
  }
}
