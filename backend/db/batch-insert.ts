import type { Insertable, Kysely } from 'kysely';
import type { BillingSchema } from './billing-schema.js';
import { rowsPerStatement, type EngineAdapter } from './engine-adapter.js';

/**
 * Inserts many rows of one table in as few statements as the engine allows (parameter and row
 * limits from the adapter), in order. Call it inside a transaction for all-or-nothing.
 */
export async function insertInBatches<T extends keyof BillingSchema & string>(
  db: Kysely<BillingSchema>,
  adapter: EngineAdapter,
  table: T,
  rows: readonly Insertable<BillingSchema[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object).length;
  const size = rowsPerStatement(adapter.capabilities, columns);
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    // Kysely cannot follow a table name chosen at run time into the values' type.
    await db
      .insertInto(table)
      .values(batch as never)
      .execute();
  }
}

/** Splits `items` into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
