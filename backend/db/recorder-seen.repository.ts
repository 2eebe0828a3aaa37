import type { Kysely } from 'kysely';
import { chunks } from './batch-insert.js';
import type { BillingSchema } from './billing-schema.js';
import type { BulkInserter } from './bulk-inserter.js';
import { rowsPerStatement, type EngineAdapter } from './engine-adapter.js';

/** A session a recorder wrote out: its key and when it started (epoch ms). */
export interface SeenSession {
  key: string;
  startedAt: number;
}

/**
 * The sessions a recorder has written to spool files recently, so reading back behind its
 * checkpoint (for rows that arrive late) never writes one twice.
 */
export class RecorderSeenRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly bulk: BulkInserter,
  ) {}

  /** The keys of the source's sessions that started at or after `fromMs`. */
  async keysSince(source: string, fromMs: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('recorder_seen')
      .select('session_key')
      .where('source', '=', source)
      .where('started_at', '>=', fromMs)
      .execute();
    return new Set(rows.map((row) => row.session_key));
  }

  /** Remembers sessions as written out (those already remembered, after a rewound checkpoint, stay as they are). */
  async add(source: string, sessions: readonly SeenSession[]): Promise<void> {
    await this.bulk.insertNew(
      this.db,
      'recorder_seen',
      sessions.map((session) => ({ source, session_key: session.key, started_at: session.startedAt })),
      ['source', 'session_key'],
    );
  }

  /** Forgets sessions that started before `beforeMs` (past the look-back, never read again). */
  async forgetBefore(source: string, beforeMs: number): Promise<void> {
    await this.db
      .deleteFrom('recorder_seen')
      .where('source', '=', source)
      .where('started_at', '<', beforeMs)
      .execute();
  }

  /** Whether these keys are known (for tests and diagnostics), in batches the engine accepts. */
  async known(source: string, keys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const batch of chunks(keys, rowsPerStatement(this.adapter.capabilities, 1))) {
      const rows = await this.db
        .selectFrom('recorder_seen')
        .select('session_key')
        .where('source', '=', source)
        .where('session_key', 'in', [...batch])
        .execute();
      for (const row of rows) found.add(row.session_key);
    }
    return found;
  }
}
