import type { Kysely } from 'kysely';
import type { BillingSchema } from './billing-schema.js';

/** Where each recorder source stopped reading. */
export class CheckpointRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The saved position of a source, if it has one. */
  async get(source: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('recorder_checkpoints')
      .select('position')
      .where('source', '=', source)
      .executeTakeFirst();
    return row?.position;
  }

  /** Every source's position and when it last moved. */
  async list(): Promise<{ source: string; position: string; updatedAt: number }[]> {
    const rows = await this.db.selectFrom('recorder_checkpoints').selectAll().orderBy('source').execute();
    return rows.map((row) => ({
      source: row.source,
      position: row.position,
      updatedAt: Number(row.updated_at),
    }));
  }

  /** Saves a source's position (call it only once what precedes it is safely written). */
  async set(source: string, position: string): Promise<void> {
    const updatedAt = this.now();
    const result = await this.db
      .updateTable('recorder_checkpoints')
      .set({ position, updated_at: updatedAt })
      .where('source', '=', source)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      await this.db
        .insertInto('recorder_checkpoints')
        .values({ source, position, updated_at: updatedAt })
        .execute();
    }
  }
}
