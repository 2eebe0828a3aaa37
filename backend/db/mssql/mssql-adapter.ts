import { sql } from 'kysely';
import type { EngineAdapter } from '../engine-adapter.js';

/** SQL Server through Kysely's MssqlDialect over tedious. */
export const mssqlAdapter: EngineAdapter = {
  engine: 'mssql',
  capabilities: {
    // A request carries at most 2,100 parameters; a VALUES list at most 1,000 rows.
    maxParameters: 2_100,
    maxRowsPerInsert: 1_000,
    // Batches of multi-row INSERTs, inside the transaction. A staged bulk load through the `mssql`
    // package would be faster; it waits for a SQL Server to test it against.
    bulkInsert: 'multi-row-values',
    rowLimit: 'top',
    indexNames: 'table',
    keyOrderedTables: 'clustered',
    upsert: 'merge',
    insertedIds: 'output',
  },
  currentSchemaQuery: 'select schema_name() as name',
  columns: {
    // nvarchar keeps names and labels in any script; lengths stay under the 1,700-byte index key limit.
    shortText: (length) => sql`nvarchar(${sql.raw(String(length))})`,
    exactText: (length) => sql`nvarchar(${sql.raw(String(length))}) collate Latin1_General_100_BIN2`,
    longText: sql`nvarchar(max)`,
    bigIdentityType: 'bigint',
    identity: (column) => column.primaryKey().identity(),
  },
};
