import {
  MssqlAdapter,
  MssqlIntrospector,
  MssqlQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** A statement as SQL Server would have received it. */
export interface RecordedQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Kysely's own SQL Server adapter and compiler, over a driver that records every statement
 * instead of sending it. With no SQL Server here, this is how the statements Ledgerline sends
 * to one are checked: inserts hand back ids through OUTPUT, batches stay under 2,100 parameters.
 * Inserts with OUTPUT answer `{ id: 1 }`, other statements no rows.
 */
export function recordingMssqlDialect(recorded: RecordedQuery[]): Dialect {
  let nextId = 1;
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      recorded.push({ sql: query.sql, parameters: query.parameters });
      if (/output\s+"?\[?inserted/i.test(query.sql)) return { rows: [{ id: nextId++ } as R] };
      return { rows: [], numAffectedRows: 0n };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('streaming is not recorded');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {
      recorded.push({ sql: 'begin transaction', parameters: [] });
    },
    commitTransaction: async () => {
      recorded.push({ sql: 'commit', parameters: [] });
    },
    rollbackTransaction: async () => {
      recorded.push({ sql: 'rollback', parameters: [] });
    },
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  return {
    createAdapter: () => new MssqlAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new MssqlQueryCompiler(),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    createIntrospector: (db: Kysely<any>) => new MssqlIntrospector(db),
  };
}
