import type { InsertQueryBuilder } from 'kysely';
import type { EngineCapabilities } from './engine-adapter.js';

/**
 * Runs an INSERT of one row and returns its generated id, with `RETURNING id` or SQL Server's
 * `OUTPUT inserted.id` as the engine requires.
 */
export async function insertReturningId<DB, TB extends keyof DB>(
  capabilities: EngineCapabilities,
  query: InsertQueryBuilder<DB, TB, unknown>,
): Promise<number> {
  // Both builders exist on every InsertQueryBuilder; the engine decides which SQL is valid.
  const withId = query as unknown as {
    returning(column: 'id'): { executeTakeFirstOrThrow(): Promise<{ id: unknown }> };
    output(column: 'inserted.id'): { executeTakeFirstOrThrow(): Promise<{ id: unknown }> };
  };
  const row =
    capabilities.insertedIds === 'output'
      ? await withId.output('inserted.id').executeTakeFirstOrThrow()
      : await withId.returning('id').executeTakeFirstOrThrow();
  return Number(row.id);
}
