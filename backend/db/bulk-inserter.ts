import { sql, type Insertable, type Kysely } from 'kysely';
import { chunks, insertInBatches } from './batch-insert.js';
import type { BillingSchema } from './billing-schema.js';
import { rowsPerStatement, type EngineAdapter } from './engine-adapter.js';

type Table = keyof BillingSchema & string;
type Row<T extends Table> = Insertable<BillingSchema[T]>;

/**
 * Writes many rows of one table the fastest way the engine has (the adapter's `bulkInsert`), on
 * the connection or transaction it is given, so they commit with everything else in it.
 */
export interface BulkInserter {
  /** Inserts every row. */
  insert<T extends Table>(db: Kysely<BillingSchema>, table: T, rows: readonly Row<T>[]): Promise<void>;
  /**
   * Inserts the rows whose `[group, id]` key no stored row has, and says for each row whether it
   * was inserted; a key repeated within `rows` is inserted once, the first time.
   */
  insertNew<T extends Table>(
    db: Kysely<BillingSchema>,
    table: T,
    rows: readonly Row<T>[],
    key: readonly [string, string],
  ): Promise<boolean[]>;
  /**
   * insertNew for rows that fill a values array (in `columns` order) one at a time: the rows
   * never exist as objects (the mining worker's compact batches).
   */
  insertNewRows<T extends Table>(
    db: Kysely<BillingSchema>,
    table: T,
    columns: readonly string[],
    rows: RowSource,
    key: readonly [string, string],
  ): Promise<boolean[]>;
  /**
   * Adds the `sums` columns of each row to the stored row with the same `key` columns, creating
   * it when there is none. Each key must appear once in `rows`.
   */
  addSums<T extends Table>(
    db: Kysely<BillingSchema>,
    table: T,
    key: readonly string[],
    sums: readonly string[],
    rows: readonly Row<T>[],
  ): Promise<void>;
}

/** Rows that fill a values array on demand: `fill(row, values)` writes row `row`'s values. */
export interface RowSource {
  count: number;
  fill(row: number, values: unknown[]): void;
}

/**
 * For engines where multi-row statements are the fast path (PostgreSQL, SQL Server): batches sized
 * to the parameter and row limits; duplicates found with one SELECT per batch; sums added with
 * INSERT … ON CONFLICT or MERGE, as the adapter says.
 */
export function multiRowInserter(adapter: EngineAdapter): BulkInserter {
  return {
    insert: (db, table, rows) => insertInBatches(db, adapter, table, rows),

    async insertNew(db, table, rows, [group, id]) {
      const values = rows as readonly Record<string, unknown>[];
      const existing = new Set<string>();
      const byGroup = new Map<unknown, unknown[]>();
      for (const row of values) {
        const ids = byGroup.get(row[group]);
        if (ids) ids.push(row[id]);
        else byGroup.set(row[group], [row[id]]);
      }
      for (const [groupValue, ids] of byGroup) {
        for (const batch of chunks(ids, rowsPerStatement(adapter.capabilities, 1))) {
          const found = await sql<
            Record<string, unknown>
          >`select ${sql.ref(id)} as id from ${sql.table(table)} where ${sql.ref(group)} = ${groupValue} and ${sql.ref(id)} in (${sql.join(batch)})`.execute(
            db,
          );
          for (const row of found.rows) existing.add(`${String(groupValue)}\u0000${String(row.id)}`);
        }
      }
      const inserted = values.map((row) => {
        const key = `${String(row[group])}\u0000${String(row[id])}`;
        if (existing.has(key)) return false;
        existing.add(key);
        return true;
      });
      await insertInBatches(
        db,
        adapter,
        table,
        rows.filter((_, index) => inserted[index]),
      );
      return inserted;
    },

    insertNewRows(db, table, columns, rows, key) {
      const objects = Array.from({ length: rows.count }, (_, row) => {
        const values: unknown[] = new Array(columns.length);
        rows.fill(row, values);
        return Object.fromEntries(columns.map((column, c) => [column, values[c]]));
      });
      return this.insertNew(db, table, objects as never, key);
    },

    async addSums(db, table, key, sums, rows) {
      const first = rows[0] as Record<string, unknown> | undefined;
      if (first === undefined) return;
      const columns = Object.keys(first);
      for (const batch of chunks(
        rows as readonly Record<string, unknown>[],
        rowsPerStatement(adapter.capabilities, columns.length),
      )) {
        const statement =
          adapter.capabilities.upsert === 'merge'
            ? mergeSums(table, key, sums, columns, batch)
            : insertOnConflictSums(table, key, sums, columns, batch);
        await statement.execute(db);
      }
    },
  };
}

function valuesList(columns: readonly string[], rows: readonly Record<string, unknown>[]) {
  return sql.join(rows.map((row) => sql`(${sql.join(columns.map((column) => row[column]))})`));
}

/** PostgreSQL and SQLite: INSERT … ON CONFLICT (key) DO UPDATE SET sum = table.sum + excluded.sum. */
function insertOnConflictSums(
  table: string,
  key: readonly string[],
  sums: readonly string[],
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
) {
  const set = sql.join(
    sums.map(
      (column) =>
        sql`${sql.ref(column)} = ${sql.table(table)}.${sql.ref(column)} + excluded.${sql.ref(column)}`,
    ),
  );
  return sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) values ${valuesList(columns, rows)}
on conflict (${sql.join(key.map((column) => sql.ref(column)))}) do update set ${set}`;
}

/** SQL Server has no ON CONFLICT: MERGE from a VALUES list, holding the key range meanwhile. */
function mergeSums(
  table: string,
  key: readonly string[],
  sums: readonly string[],
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
) {
  const list = sql.join(columns.map((column) => sql.ref(column)));
  const on = sql.join(
    key.map((column) => sql`t.${sql.ref(column)} = s.${sql.ref(column)}`),
    sql` and `,
  );
  const set = sql.join(
    sums.map((column) => sql`${sql.ref(column)} = t.${sql.ref(column)} + s.${sql.ref(column)}`),
  );
  const inserted = sql.join(columns.map((column) => sql`s.${sql.ref(column)}`));
  return sql`merge into ${sql.table(table)} with (holdlock) as t
using (values ${valuesList(columns, rows)}) as s (${list})
on ${on}
when matched then update set ${set}
when not matched then insert (${list}) values (${inserted});`;
}
