import { Migrator, type Migration, type MigrationResult } from 'kysely';
import type { Database } from '../database.js';
import type { EngineAdapter } from '../engine-adapter.js';
import { pipelineSchema } from './0001-pipeline-schema.js';

/** Every migration, by name; names sort in the order they run. */
function migrations(adapter: EngineAdapter): Record<string, Migration> {
  return {
    '0001-pipeline-schema': pipelineSchema(adapter),
  };
}

/** A migration that failed, with the ones that ran before it. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Names of the migrations not yet applied to this database. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.kysely,
    provider: { getMigrations: async () => migrations(database.adapter) },
  });
  const all = await migrator.getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

/** Brings the billing database to the newest schema; returns the names of the migrations applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.kysely,
    provider: { getMigrations: async () => migrations(database.adapter) },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed} failed on ${database.description}: ${reason}`, results, {
      cause: error,
    });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
