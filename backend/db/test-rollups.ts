import { sql } from 'kysely';
import type { DailyRollupTable } from './billing-schema.js';
import type { Database } from './database.js';
import { ROLLUP_KEY, ROLLUP_SUMS, SITE_ROLLUP_KEY } from './rollup.repository.js';

const TEXT_COLUMNS = new Set<string>(['dest_class', 'dest_country', 'direction']);

/**
 * The daily rollups (per user, or per site with `level` 'site') as stored, and as grouping the
 * stored calls gives them, both in key order: tests expect the two to be equal row for row (not
 * merely in their grand totals).
 */
export async function rollupsAndCallGroups(
  database: Database,
  level: 'user' | 'site' = 'user',
): Promise<{ stored: DailyRollupTable[]; fromCalls: DailyRollupTable[] }> {
  const rollupKey: readonly (typeof ROLLUP_KEY)[number][] = level === 'user' ? ROLLUP_KEY : SITE_ROLLUP_KEY;
  // The calls' columns as the rollups key them: a missing owner or country is 0 or ''.
  const keyOfCall: Record<(typeof ROLLUP_KEY)[number], string> = {
    local_day: 'local_day',
    site_id: 'coalesce(site_id, 0)',
    department_id: 'coalesce(department_id, 0)',
    user_id: 'coalesce(user_id, 0)',
    carrier_id: 'coalesce(carrier_id, 0)',
    dest_class: 'dest_class',
    dest_country: "coalesce(dest_country, '')",
    direction: 'direction',
  };
  const sumOfCalls: Record<(typeof ROLLUP_SUMS)[number], string> = {
    calls: 'count(*)',
    answered: 'sum(answered)',
    duration_sec: 'sum(duration_sec)',
    billed_sec: 'sum(billed_sec)',
    cost_micro: 'sum(cost_micro)',
    unrated: "sum(case when rating_status = 'unrated' then 1 else 0 end)",
  };
  const keys = rollupKey.map((column) => keyOfCall[column]);
  const grouped = await sql
    .raw<Record<string, unknown>>(
      `select ${[
        ...rollupKey.map((column) => `${keyOfCall[column]} as ${column}`),
        ...ROLLUP_SUMS.map((column) => `${sumOfCalls[column]} as ${column}`),
      ].join(', ')} from calls group by ${keys.join(', ')}`,
    )
    .execute(database.kysely);
  const stored = await database.kysely
    .selectFrom(level === 'user' ? 'daily_rollups' : 'daily_site_rollups')
    .selectAll()
    .execute();
  return { stored: inOrder(stored, rollupKey), fromCalls: inOrder(grouped.rows, rollupKey) };
}

/** Rows with their numbers as numbers (engines return sums as text or bigint), in key order. */
function inOrder(
  rows: readonly object[],
  rollupKey: readonly (keyof DailyRollupTable)[],
): DailyRollupTable[] {
  const typed = rows.map((row) => {
    const values = row as Record<string, unknown>;
    const result: Record<string, unknown> = {};
    for (const column of [...rollupKey, ...ROLLUP_SUMS])
      result[column] = TEXT_COLUMNS.has(column) ? values[column] : Number(values[column]);
    return result as unknown as DailyRollupTable;
  });
  const key = (row: DailyRollupTable) => rollupKey.map((column) => row[column]);
  return typed.sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) {
      if ((x[i] as string | number) < (y[i] as string | number)) return -1;
      if ((x[i] as string | number) > (y[i] as string | number)) return 1;
    }
    return 0;
  });
}
