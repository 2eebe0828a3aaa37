import type SQLite from 'better-sqlite3';
import type { BulkInserter } from '../bulk-inserter.js';

type Statement = { run(values: unknown[]): { changes: number } };

/**
 * SQLite's fastest writes: one prepared single-row statement per table and column list, run for
 * each row. It runs on the connection Kysely uses (SQLite has one), so inside a Kysely transaction
 * its rows commit or roll back with the transaction. Call it only from inside a transaction (as
 * the repositories do): outside one, each row would commit on its own. A new row is told apart
 * from a duplicate by the statement's change count, without a separate lookup.
 */
export function sqliteBulkInserter(handle: SQLite.Database): BulkInserter {
  const statements = new Map<string, Statement>();
  const prepared = (text: string): Statement => {
    let statement = statements.get(text);
    if (!statement) {
      statement = handle.prepare(text) as unknown as Statement;
      statements.set(text, statement);
    }
    return statement;
  };
  const quote = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');
  const insertText = (table: string, columns: readonly string[]) =>
    `insert into "${table}" (${quote(columns)}) values (${columns.map(() => '?').join(', ')})`;

  /** Runs `statement` once per row with the row's values in `columns` order; returns changes per row. */
  const runEach = (
    statement: Statement,
    columns: readonly string[],
    rows: readonly Record<string, unknown>[],
  ) => {
    const values: unknown[] = new Array(columns.length);
    return rows.map((row) => {
      for (let i = 0; i < columns.length; i++) values[i] = row[columns[i] as string];
      return statement.run(values).changes;
    });
  };

  return {
    async insert(_db, table, rows) {
      const first = rows[0];
      if (first === undefined) return;
      const columns = Object.keys(first);
      runEach(prepared(insertText(table, columns)), columns, rows as readonly Record<string, unknown>[]);
    },

    async insertNew(_db, table, rows, key) {
      const first = rows[0];
      if (first === undefined) return [];
      const columns = Object.keys(first);
      const statement = prepared(`${insertText(table, columns)} on conflict (${quote(key)}) do nothing`);
      return runEach(statement, columns, rows as readonly Record<string, unknown>[]).map(
        (changes) => changes === 1,
      );
    },

    async insertNewRows(_db, table, columns, rows, key) {
      const statement = prepared(`${insertText(table, columns)} on conflict (${quote(key)}) do nothing`);
      const values: unknown[] = new Array(columns.length);
      const stored: boolean[] = new Array(rows.count);
      // One values array for every row: the rows never exist as objects on this thread.
      for (let row = 0; row < rows.count; row++) {
        rows.fill(row, values);
        stored[row] = statement.run(values).changes === 1;
      }
      return stored;
    },

    async addSums(_db, table, key, sums, rows) {
      const first = rows[0];
      if (first === undefined) return;
      const columns = Object.keys(first);
      const set = sums
        .map((column) => `"${column}" = "${table}"."${column}" + excluded."${column}"`)
        .join(', ');
      const statement = prepared(
        `${insertText(table, columns)} on conflict (${quote(key)}) do update set ${set}`,
      );
      runEach(statement, columns, rows as readonly Record<string, unknown>[]);
    },
  };
}
