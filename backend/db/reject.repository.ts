import type { Kysely } from 'kysely';

import type { BillingSchema } from './billing-schema.js';
import type { BulkInserter } from './bulk-inserter.js';
import type { EngineAdapter } from './engine-adapter.js';
import { limitRows } from './row-limit.js';

/** A spool line that could not be taken in. */
export interface Reject {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  reason: string;
  raw: string | null;
}

/** A stored reject. */
export interface StoredReject extends Reject {
  id: number;
  createdAt: number;
}

/** Rejected lines: kept with file, line and reason, never dropped silently. */
export class RejectRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly bulk: BulkInserter,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Stores rejects (reasons are cut to the column's 1,000 characters). A rejected line may hold
   * anything, NUL characters included, which PostgreSQL refuses in text: they are stored as
   * the six characters `\u0000`, so the line is kept as it was read and the reject never fails.
   */
  async add(rejects: readonly Reject[]): Promise<void> {
    const createdAt = this.now();
    await this.bulk.insert(
      this.db,
      'rejects',
      rejects.map((reject) => ({
        file: storable(reject.file).slice(0, 255),
        line: reject.line,
        reason: storable(reject.reason).slice(0, 1000),
        raw: reject.raw === null ? null : storable(reject.raw),
        created_at: createdAt,
      })),
    );
  }

  /** Rejects, of one file or all, in file and line order. */
  async list(file?: string, limit = 1000): Promise<StoredReject[]> {
    let query = this.db.selectFrom('rejects').selectAll();
    if (file !== undefined) query = query.where('file', '=', file);
    const rows = await limitRows(
      query.orderBy('file').orderBy('line'),
      this.adapter.capabilities,
      limit,
    ).execute();
    return rows.map((row) => ({
      id: Number(row.id),
      file: row.file,
      line: Number(row.line),
      reason: row.reason,
      raw: row.raw,
      createdAt: Number(row.created_at),
    }));
  }

  /** How many lines have been rejected in all. */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('rejects')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}

function storable(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '\\u0000') : text;
}
