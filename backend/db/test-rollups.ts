import type { Database } from './database.js';

/** A daily rollup row, with its figures as numbers (engines return sums as text or bigint). */
export interface RollupRow {
  local_day: number;
  site_id: number;
  department_id: number;
  user_id: number;
  carrier_id: number;
  dest_class: string;
  dest_country: string;
  direction: string;
  calls: number;
  answered: number;
  duration_sec: number;
  billed_sec: number;
  cost_micro: number;
  unrated: number;
}

const TEXT_COLUMNS = new Set<string>(['dest_class', 'dest_country', 'direction']);
const SUMS = ['calls', 'answered', 'duration_sec', 'billed_sec', 'cost_micro', 'unrated'] as const;

/**
 * The daily rollups as stored, and as grouping the stored calls gives them, both in key order:
 * tests expect the two to be equal row for row (not merely in their grand totals).
 */
export async function rollupsAndCallGroups(
  database: Database,
): Promise<{ stored: RollupRow[]; fromCalls: RollupRow[] }> {
  const db = database.kysely;
  const key = [
    'local_day',
    'site_id',
    'department_id',
    'user_id',
    'carrier_id',
    'dest_class',
    'dest_country',
    'direction',
  ] as const;
  const stored = await db
    .selectFrom('daily_rollups')
    .selectAll()
    .orderBy([...key])
    .execute();
  const grouped = await db
    .selectFrom('calls')
    .select((eb) => [
      'local_day',
      eb.fn.coalesce('site_id', eb.lit(0)).as('site_id'),
      eb.fn.coalesce('department_id', eb.lit(0)).as('department_id'),
      eb.fn.coalesce('user_id', eb.lit(0)).as('user_id'),
      eb.fn.coalesce('carrier_id', eb.lit(0)).as('carrier_id'),
      'dest_class',
      eb.fn.coalesce('dest_country', eb.val('')).as('dest_country'),
      'direction',
      eb.fn.countAll<number>().as('calls'),
      eb.fn.sum<number>('answered').as('answered'),
      eb.fn.sum<number>('duration_sec').as('duration_sec'),
      eb.fn.sum<number>('billed_sec').as('billed_sec'),
      eb.fn.sum<number>('cost_micro').as('cost_micro'),
      eb.fn.sum<number>(eb.case().when('rating_status', '=', 'unrated').then(1).else(0).end()).as('unrated'),
    ])
    .groupBy([
      'local_day',
      'site_id',
      'department_id',
      'user_id',
      'carrier_id',
      'dest_class',
      'dest_country',
      'direction',
    ])
    .execute();
  const asRow = (row: Record<string, unknown>): RollupRow => {
    const result: Record<string, unknown> = {};
    for (const column of key) result[column] = TEXT_COLUMNS.has(column) ? row[column] : Number(row[column]);
    for (const column of SUMS) result[column] = Number(row[column]);
    return result as unknown as RollupRow;
  };
  const order = (a: RollupRow, b: RollupRow) => {
    for (const column of key) {
      const x = a[column];
      const y = b[column];
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };
  return {
    stored: stored.map((row) => asRow(row as unknown as Record<string, unknown>)).sort(order),
    fromCalls: grouped.map((row) => asRow(row as unknown as Record<string, unknown>)).sort(order),
  };
}
