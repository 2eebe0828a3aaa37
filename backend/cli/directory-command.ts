import { basename } from 'node:path';
import type { Command } from 'commander';
import type { DirectoryFiles } from '../directory/directory-files.js';
import { readAuthConfig } from '../auth/auth-config.js';
import { GraphTokenSource } from '../auth/graph-token-source.js';
import { importDirectory } from '../directory/directory-import.js';
import { syncDirectory, type DirectorySyncResult } from '../directory/entra-directory-sync.js';
import { entraUsers } from '../directory/entra-user-source.js';
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

  directory
    .command('sync')
    .description(
      'bring users, departments and numbers in line with Entra ID (Microsoft Graph /users; needs User.Read.All)',
    )
    .option('--dry-run', 'read Entra ID and say what would change, without writing')
    .option('--default-site <code>', 'site of users whose office location names no site')
    .action(async (options: { dryRun?: boolean; defaultSite?: string }, command: Command) => {
      const config = readAuthConfig(context.env);
      const tokens = new GraphTokenSource(config);
      const url = databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context);
      await withDatabase(url, async (database) => {
        context.reporter.info(`reading the users of tenant ${config.tenantId} from ${config.graphUrl}`);
        const users = entraUsers(config.graphUrl, () => tokens.appOnly(), {
          onPage: (read) => context.reporter.info(`read ${read.toLocaleString('en')} users`),
        });
        const result = await syncDirectory(database, users, {
          dryRun: options.dryRun ?? false,
          ...(options.defaultSite === undefined ? {} : { defaultSiteCode: options.defaultSite }),
        });
        for (const line of syncReport(result)) context.print(line);
      });
    });
}

/** The lines `directory sync` prints: what changed (or would), and what it could not read. */
function syncReport(result: DirectorySyncResult): string[] {
  const verb = result.dryRun ? 'would be' : 'were';
  const lines = [
    `${result.dryRun ? 'dry run: nothing was written. ' : ''}Entra ID users read: ${result.read.toLocaleString('en')}`,
    `users: ${result.created} ${verb} created, ${result.updated} ${verb} updated, ${result.unchanged} unchanged, ${result.skipped.length} skipped`,
    `departments ${verb} created: ${result.departmentsCreated.length > 0 ? result.departmentsCreated.join(', ') : 'none'}`,
    `numbers: ${result.numbersAdded} ${verb} added, ${result.numbersMoved} ${verb} moved from another user`,
  ];
  const shown = 50;
  if (result.changes.length > 0) {
    lines.push(
      `changes${result.changes.length > shown ? ` (the first ${shown} of ${result.changes.length})` : ''}:`,
    );
    lines.push(...result.changes.slice(0, shown).map((change) => `  ${change}`));
  }
  for (const [title, items] of [
    ['skipped', result.skipped],
    ['not read', result.unreadable],
  ] as const) {
    if (items.length === 0) continue;
    lines.push(`${title}${items.length > shown ? ` (the first ${shown} of ${items.length})` : ''}:`);
    lines.push(...items.slice(0, shown).map((item) => `  ${item}`));
  }
  return lines;
}
