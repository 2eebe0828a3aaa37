import type { EngineAdapter } from '../engine-adapter.js';

/** PostgreSQL through pg. */
export const postgresAdapter: EngineAdapter = {
  engine: 'postgres',
  capabilities: {
    maxParameters: 65_535,
    maxRowsPerInsert: 5_000,
    bulkInsert: 'multi-row-values',
    rowLimit: 'limit',
    indexNames: 'schema',
    keyOrderedTables: 'heap',
    upsert: 'on-conflict',
    insertedIds: 'returning',
  },
  currentSchemaQuery: 'select current_schema() as name',
  columns: {
    shortText: (length) => `varchar(${length})`,
    exactText: (length) => `varchar(${length})`,
    longText: 'text',
    bigIdentityType: 'bigint',
    identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
  },
};
