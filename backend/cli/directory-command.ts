import { basename } from 'node:path';
import type { Command } from 'commander';
import type { DirectoryFiles } from '../directory/directory-files.js';
import { importDirectory } from '../directory/directory-import.js';
import { LedgerlineError } from '../domain/errors.js';
import { databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';
import { readInputFile } from './read-input-file.js';

/** `ledgerline directory import`: sites, departments, users and numbers from CSV, all or nothing. */
export function registerDirectoryCommand(program: Command, context: CliContext): void {
  const directory = program.command('directory').description('manage sites, departments, users and numbers');
  directory
    .command('import')
    .description('import sites, departments, users and numbers from CSV files (see docs/directory.md)')
    .option('--sites <file>', 'sites.csv')
    .option('--departments <file>', 'departments.csv')
    .option('--users <file>', 'users.csv')
    .option('--numbers <file>', 'numbers.csv')
    .action(async (options: Record<keyof DirectoryFiles, string | undefined>, command: Command) => {
      const kinds = ['sites', 'departments', 'users', 'numbers'] as const;
      if (kinds.every((kind) => options[kind] === undefined)) {
        throw new LedgerlineError(
          'invalid-input',
          'give at least one of --sites, --departments, --users, --numbers',
        );
      }
      const files: DirectoryFiles = {};
      const names = {
        sites: 'sites.csv',
        departments: 'departments.csv',
        users: 'users.csv',
        numbers: 'numbers.csv',
      };
      for (const kind of kinds) {
        const path = options[kind];
        if (path === undefined) continue;
        files[kind] = await readInputFile(path, context.cwd);
        names[kind] = basename(path);
      }
      const url = databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context);
      await withDatabase(url, async (database) => {
        const result = await importDirectory(database, files, names);
        context.print(
          `imported ${result.sites} sites, ${result.departments} departments, ${result.users} users, ${result.numbers} numbers into ${database.description}`,
        );
      });
    });
}
