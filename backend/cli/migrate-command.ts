import type { Command } from 'commander';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';

/** `ledgerline migrate`: creates or upgrades the billing database schema. */
export function registerMigrateCommand(program: Command, context: CliContext): void {
  program
    .command('migrate')
    .description('create or upgrade the billing database schema')
    .action(async (_options, command: Command) => {
      const url = databaseUrl(command.optsWithGlobals<DatabaseOptions>(), context);
      await withDatabase(
        url,
        async (database) => {
          const applied = await migrateToLatest(database);
          context.print(
            applied.length === 0
              ? `${database.description}: schema is up to date`
              : `${database.description}: applied ${applied.join(', ')}`,
          );
        },
        { requireSchema: false, create: true },
      );
    });
}
