import { Migrator, sql, type Migration, type MigrationResult } from 'kysely';
import type { Database } from '../database.js';
import type { EngineAdapter } from '../engine-adapter.js';
import { pipelineSchema } from './0001-pipeline-schema.js';
import { reportIndexes } from './0002-report-indexes.js';
import { auditLogSchema } from './0003-audit-log.js';
import { siteRollups } from './0004-site-rollups.js';
import { botConversations } from './0005-bot-conversations.js';
import { alarmsSchedulesOutbox } from './0006-alarms-schedules-outbox.js';

/** Every migration, by name; names sort in the order they run. */
function migrations(adapter: EngineAdapter): Record<string, Migration> {
  return {
    '0001-pipeline-schema': pipelineSchema(adapter),
    '0002-report-indexes': reportIndexes(adapter),
    '0003-audit-log': auditLogSchema(adapter),
    '0004-site-rollups': siteRollups(adapter),
    '0005-bot-conversations': botConversations(adapter),
    '0006-alarms-schedules-outbox': alarmsSchedulesOutbox(adapter),
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

/** A migrator whose bookkeeping tables are those of the connection's own schema. */
async function migratorFor(database: Database): Promise<Migrator> {
  const query = database.adapter.currentSchemaQuery;
  const schema =
    query === null
      ? undefined
      : ((await sql.raw<{ name: string | null }>(query).execute(database.kysely)).rows[0]?.name ?? undefined);
  return new Migrator({
    db: database.kysely,
    provider: { getMigrations: async () => migrations(database.adapter) },
    // 0002 (report indexes) came after 0003 (audit log) had been applied to some databases; each
    // stands alone, so one missing below the newest applied runs instead of being refused.
    allowUnorderedMigrations: true,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
}

/** Names of the migrations not yet applied to this database. */
export async function pendingMigrations(database: Database): Promise<string[]> {
  const migrator = await migratorFor(database);
  const all = await migrator.getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

/** Brings the billing database to the newest schema; returns the names of the migrations applied. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = await migratorFor(database);
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
