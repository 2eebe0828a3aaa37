import type { SelectQueryBuilder } from 'kysely';
import type { EngineCapabilities } from './engine-adapter.js';

/**
 * Cuts an ordered query to `limit` rows after skipping `offset`, in the engine's words: `LIMIT …
 * OFFSET` on SQLite and PostgreSQL, `TOP (n)` or `OFFSET … FETCH NEXT` on SQL Server.
 */
export function limitRows<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  capabilities: EngineCapabilities,
  limit: number,
  offset = 0,
): SelectQueryBuilder<DB, TB, O> {
  if (capabilities.rowLimit === 'top')
    return offset === 0 ? query.top(limit) : query.offset(offset).fetch(limit);
  return offset === 0 ? query.limit(limit) : query.limit(limit).offset(offset);
}
