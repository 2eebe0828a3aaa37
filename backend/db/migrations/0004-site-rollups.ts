import { sql, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { EngineAdapter } from '../engine-adapter.js';

const SUMS = ['calls', 'answered', 'duration_sec', 'billed_sec', 'cost_micro', 'unrated'] as const;
const SITE_KEY = ['local_day', 'site_id', 'carrier_id', 'dest_class', 'dest_country', 'direction'] as const;
const USER_KEY = [
  'local_day',
  'site_id',
  'department_id',
  'user_id',
  'carrier_id',
  'dest_class',
  'dest_country',
  'direction',
] as const;

/**
 * Company-wide dashboards fast on millions of calls: the daily rollups summed over departments and
 * users (`daily_site_rollups`, filled from the rollups already there), and on SQLite both rollup
 * tables stored in the order of their key (`WITHOUT ROWID`), so a period is one contiguous read
 * instead of a lookup per row. SQL Server's primary keys are clustered already; PostgreSQL keeps
 * its heap.
 */
export function siteRollups(adapter: EngineAdapter): Migration {
  const { shortText } = adapter.columns;
  const keyOrdered = adapter.capabilities.keyOrderedTables === 'without-rowid';
  const ordered = <T extends string, C extends string>(table: CreateTableBuilder<T, C>) =>
    keyOrdered ? table.modifyEnd(sql`without rowid`) : table;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const rollupTable = (db: Kysely<any>, name: string, key: readonly string[], owners: boolean) => {
    let table = db.schema
      .createTable(name)
      .addColumn('local_day', 'integer', (c) => c.notNull())
      .addColumn('site_id', 'integer', (c) => c.notNull());
    if (owners)
      table = table
        .addColumn('department_id', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull());
    table = table
      .addColumn('carrier_id', 'integer', (c) => c.notNull())
      .addColumn('dest_class', shortText(16), (c) => c.notNull())
      .addColumn('dest_country', shortText(2), (c) => c.notNull())
      .addColumn('direction', shortText(16), (c) => c.notNull())
      .addColumn('calls', 'integer', (c) => c.notNull())
      .addColumn('answered', 'integer', (c) => c.notNull())
      .addColumn('duration_sec', 'bigint', (c) => c.notNull())
      .addColumn('billed_sec', 'bigint', (c) => c.notNull())
      .addColumn('cost_micro', 'bigint', (c) => c.notNull())
      .addColumn('unrated', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${name}_pk`, [...key] as never);
    return ordered(table);
  };

  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      if (keyOrdered) {
        // The per-user rollups again, in key order: copied, then put in the old table's place.
        await rollupTable(db, 'daily_rollups_by_key', USER_KEY, true).execute();
        await db
          .insertInto('daily_rollups_by_key')
          .columns([...USER_KEY, ...SUMS])
          .expression(db.selectFrom('daily_rollups').select([...USER_KEY, ...SUMS]))
          .execute();
        await db.schema.dropTable('daily_rollups').execute();
        await db.schema.alterTable('daily_rollups_by_key').renameTo('daily_rollups').execute();
        await db.schema
          .createIndex('daily_rollups_department_ix')
          .on('daily_rollups')
          .columns(['department_id', 'local_day'])
          .execute();
        await db.schema
          .createIndex('daily_rollups_user_ix')
          .on('daily_rollups')
          .columns(['user_id', 'local_day'])
          .execute();
      }
      await rollupTable(db, 'daily_site_rollups', SITE_KEY, false).execute();
      await db
        .insertInto('daily_site_rollups')
        .columns([...SITE_KEY, ...SUMS])
        .expression(
          db
            .selectFrom('daily_rollups')
            .select([...SITE_KEY, ...SUMS.map((column) => sql<number>`sum(${sql.ref(column)})`.as(column))])
            .groupBy([...SITE_KEY]),
        )
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('daily_site_rollups').execute();
    },
  };
}
