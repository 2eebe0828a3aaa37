import type { ColumnDataType, ColumnDefinitionBuilder, Expression } from 'kysely';

/** A column type as Kysely's schema builder takes it. */
type DataTypeExpression = ColumnDataType | Expression<unknown>;

/** The database engines Ledgerline stores its billing data in. */
export type EngineName = 'sqlite' | 'postgres' | 'mssql';

/**
 * What differs between engines, as data. Repositories read these flags; they never ask which
 * engine they are on.
 */
export interface EngineCapabilities {
  /** Bound parameters one statement may carry (SQL Server: 2,100; PostgreSQL: 65,535). */
  maxParameters: number;
  /** Rows one INSERT … VALUES may carry (SQL Server: 1,000). */
  maxRowsPerInsert: number;
  /**
   * How large row sets are written: one prepared statement per row inside the transaction
   * (SQLite, where that is fastest) or multi-row VALUES batches sized to the parameter limit.
   */
  bulkInsert: 'prepared-statement' | 'multi-row-values';
  /** How an INSERT hands back generated ids: `RETURNING` or SQL Server's `OUTPUT inserted.…`. */
  insertedIds: 'returning' | 'output';
  /** How rows are added to or merged into existing ones: `INSERT … ON CONFLICT` or `MERGE`. */
  upsert: 'on-conflict' | 'merge';
  /** How a query is cut to its first rows: `LIMIT … OFFSET` or SQL Server's `TOP` / `OFFSET … FETCH`. */
  rowLimit: 'limit' | 'top';
  /**
   * Where an index name is unique: in the schema (SQLite, PostgreSQL: `DROP INDEX name`) or in its
   * table (SQL Server: `DROP INDEX name ON table`).
   */
  indexNames: 'schema' | 'table';
  /**
   * Whether a table can be stored in the order of its primary key, so a range of the key is read
   * as one contiguous run: SQLite's `WITHOUT ROWID` tables (asked for), SQL Server's clustered
   * primary key (already so), or not at all (PostgreSQL's heap).
   */
  keyOrderedTables: 'without-rowid' | 'clustered' | 'heap';
}

/** Column types for migrations, spelled the way each engine wants them. */
export interface ColumnTypes {
  /** Short text that can be indexed (varchar/nvarchar with a length). */
  shortText(length: number): DataTypeExpression;
  /**
   * Short text compared exactly, letter case included (identifiers from outside, such as a call's
   * source id): SQL Server's default collation would take `A` and `a` for one key.
   */
  exactText(length: number): DataTypeExpression;
  /** Unbounded text (JSON documents, raw lines). */
  longText: DataTypeExpression;
  /** Makes an integer column the auto-generated primary key. */
  identity(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Integer type for an identity column of a table that may pass 2^31 rows (calls). */
  bigIdentityType: ColumnDataType;
}

/** One engine's flags and column spellings; one implementation per engine folder. */
export interface EngineAdapter {
  engine: EngineName;
  capabilities: EngineCapabilities;
  columns: ColumnTypes;
  /**
   * A query whose one row's `name` is the schema unqualified tables are created in, for engines
   * with schemas (null for SQLite). Migrations keep their bookkeeping tables there: Kysely would
   * otherwise take another schema's migration table (another application's) for Ledgerline's.
   */
  currentSchemaQuery: string | null;
}

/** How many rows of `columnsPerRow` values fit in one statement on this engine. */
export function rowsPerStatement(capabilities: EngineCapabilities, columnsPerRow: number): number {
  // Keep a little headroom: some drivers add parameters of their own.
  const byParameters = Math.floor((capabilities.maxParameters - 10) / Math.max(columnsPerRow, 1));
  return Math.max(1, Math.min(byParameters, capabilities.maxRowsPerInsert));
}
