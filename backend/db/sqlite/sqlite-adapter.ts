import type { EngineAdapter } from '../engine-adapter.js';

/** SQLite through better-sqlite3: the embedded default. */
export const sqliteAdapter: EngineAdapter = {
  engine: 'sqlite',
  capabilities: {
    // SQLITE_MAX_VARIABLE_NUMBER is 32,766 since SQLite 3.32.
    maxParameters: 32_766,
    maxRowsPerInsert: 5_000,
    bulkInsert: 'prepared-statement',
    rowLimit: 'limit',
    indexNames: 'schema',
    keyOrderedTables: 'without-rowid',
    upsert: 'on-conflict',
    insertedIds: 'returning',
  },
  currentSchemaQuery: null,
  columns: {
    shortText: (length) => `varchar(${length})`,
    exactText: (length) => `varchar(${length})`,
    longText: 'text',
    bigIdentityType: 'integer',
    identity: (column) => column.primaryKey().autoIncrement(),
  },
};
