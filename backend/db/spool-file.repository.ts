import type { Kysely } from 'kysely';
import type { BillingSchema } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';
import { limitRows } from './row-limit.js';

/** What the miner found in a spool file. */
export interface SpoolFileStats {
  lines: number;
  calls: number;
  duplicates: number;
  rejected: number;
}

/** A spool file the miner has finished. */
export interface SpoolFileRecord extends SpoolFileStats {
  id: number;
  name: string;
  finishedAt: number;
}

/**
 * The miner's bookkeeping of spool files. A file's row is written in the same transaction as its
 * calls, so "done" and "its calls are stored" are one fact.
 */
export class SpoolFileRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a file as done (counts may be filled in later in the same transaction); returns its id. */
  async markDone(name: string, stats: SpoolFileStats): Promise<number> {
    return insertReturningId(
      this.adapter.capabilities,
      this.db.insertInto('spool_files').values({ name, status: 'done', ...stats, finished_at: this.now() }),
    );
  }

  /** Updates the counts of a file marked done in this transaction. */
  async updateStats(id: number, stats: SpoolFileStats): Promise<void> {
    await this.db.updateTable('spool_files').set(stats).where('id', '=', id).execute();
  }

  /** Lines the miner has read from spool files in all: the calls the recorders handed over. */
  async linesRead(): Promise<number> {
    const row = await this.db
      .selectFrom('spool_files')
      .select((eb) => eb.fn.sum<number | string>('lines').as('lines'))
      .executeTakeFirst();
    return Number(row?.lines ?? 0);
  }

  /** Whether the miner has finished this file. */
  async isDone(name: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('spool_files')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The finished files, newest first. */
  async list(limit = 100): Promise<SpoolFileRecord[]> {
    const query = this.db
      .selectFrom('spool_files')
      .selectAll()
      .orderBy('finished_at', 'desc')
      .orderBy('id', 'desc');
    const rows = await limitRows(query, this.adapter.capabilities, limit).execute();
    return rows.map((row) => ({
      id: Number(row.id),
      name: row.name,
      lines: Number(row.lines),
      calls: Number(row.calls),
      duplicates: Number(row.duplicates),
      rejected: Number(row.rejected),
      finishedAt: Number(row.finished_at),
    }));
  }
}
