import type { UnknownParty } from './call-record-miner.js';
import type { CreatedUser, MinedBatch } from './mined-batches.js';
import type { MiningData } from './mining-tables.js';

/** What the mining worker is started with (the tables' data follows in a message). */
export interface MiningWorkerInput {
  path: string;
  fileName: string;
  fileId: number;
  minedAt: number;
  batchSize: number;
}

/** Messages from the mining worker to the thread that writes. */
export type FromMiningWorker =
  | { kind: 'batch'; batch: MinedBatch }
  | { kind: 'create-users'; id: number; parties: UnknownParty[] }
  | { kind: 'done' }
  | { kind: 'error'; message: string; stack?: string };

/** Messages to the mining worker: the tables' data, a batch written (room for another), users created. */
export type ToMiningWorker =
  { kind: 'data'; data: MiningData } | { kind: 'ack' } | { kind: 'users'; id: number; users: CreatedUser[] };

/** Batches the worker may have sent and not yet seen written: enough to keep both threads busy. */
export const BATCHES_IN_FLIGHT = 8;
