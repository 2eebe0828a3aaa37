import type { Kysely, Migration } from 'kysely';
import type { EngineAdapter } from '../engine-adapter.js';

/** Indexes on calls by owner, 0001's by local day and this migration's by start time. */
const BY_DAY = [
  { name: 'calls_user_day_ix', columns: ['user_id', 'local_day'] },
  { name: 'calls_department_day_ix', columns: ['department_id', 'local_day'] },
  { name: 'calls_site_day_ix', columns: ['site_id', 'local_day'] },
];
const BY_START = [
  { name: 'calls_user_started_ix', columns: ['user_id', 'started_at', 'id'] },
  { name: 'calls_department_started_ix', columns: ['department_id', 'started_at', 'id'] },
  { name: 'calls_site_started_ix', columns: ['site_id', 'started_at', 'id'] },
];

/**
 * A user's, a department's or a site's calls by start time (then id) instead of by local day:
 * the call list walks a page of them in order, newest first, without sorting their whole period
 * (first page or deep). Report queries on calls bound started_at by the period's days (widened by
 * the largest zone offsets) as well as local_day, so these serve them as the day indexes did; the
 * day indexes go, so mining writes no more index entries than before. Sorting by cost or duration
 * has no index: one would slow every insert (its entries land anywhere), for a rarer order.
 */
export function reportIndexes(adapter: EngineAdapter): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const replace = async (db: Kysely<any>, add: typeof BY_DAY, drop: typeof BY_DAY) => {
    for (const index of add)
      await db.schema
        .createIndex(index.name)
        .on('calls')
        .columns([...index.columns])
        .execute();
    for (const index of drop) {
      const statement = db.schema.dropIndex(index.name);
      await (adapter.capabilities.indexNames === 'table' ? statement.on('calls') : statement).execute();
    }
  };
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    up: (db: Kysely<any>) => replace(db, BY_START, BY_DAY),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    down: (db: Kysely<any>) => replace(db, BY_DAY, BY_START),
  };
}
