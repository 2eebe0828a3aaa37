import type { Kysely } from 'kysely';
import { chunks } from './batch-insert.js';
import type { BillingSchema } from './billing-schema.js';
import type { BulkInserter } from './bulk-inserter.js';
import { rowsPerStatement, type EngineAdapter } from './engine-adapter.js';

/** A session a recorder wrote out or skipped on purpose: its key and its key's time (epoch ms). */
export interface SeenSession {
  key: string;
  startedAt: number;
}

/**
 * The sessions a recorder has decided (written to spool files, or skipped on purpose) over the
 * period the PBX keeps its records, so reading back behind its checkpoint (for rows that arrive
 * late) finds the new ones by comparing counts and keys, and never writes one twice.
 */
export class RecorderSeenRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly bulk: BulkInserter,
  ) {}

  /** How many of the source's sessions started in [fromMs, toMs). */
  async count(source: string, fromMs: number, toMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('recorder_seen')
      .select((eb) => eb.fn.countAll<number | string>().as('sessions'))
      .where('source', '=', source)
      .where('started_at', '>=', fromMs)
      .where('started_at', '<', toMs)
      .executeTakeFirst();
    return Number(row?.sessions ?? 0);
  }

  /** The keys of the source's sessions that started in [fromMs, toMs). */
  async keysBetween(source: string, fromMs: number, toMs: number): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('recorder_seen')
      .select('session_key')
      .where('source', '=', source)
      .where('started_at', '>=', fromMs)
      .where('started_at', '<', toMs)
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

  /** Forgets sessions that started before `beforeMs` (no longer compared). */
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
