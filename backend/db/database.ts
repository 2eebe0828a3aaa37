import type { Kysely } from 'kysely';
import type { BillingSchema } from './billing-schema.js';
import type { BulkInserter } from './bulk-inserter.js';
import type { EngineAdapter, EngineName } from './engine-adapter.js';

/** An open billing database: the Kysely instance, its engine's adapter, and how to close it. */
export interface Database {
  engine: EngineName;
  adapter: EngineAdapter;
  kysely: Kysely<BillingSchema>;
  /** The engine's fastest way to write many rows (see the adapter's `bulkInsert`). */
  bulk: BulkInserter;
  /** Where it is, without secrets, for messages. */
  description: string;
  close(): Promise<void>;
}
