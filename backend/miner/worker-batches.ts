import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CreateUsers, MinedBatch } from './mined-batches.js';
import type { MiningData } from './mining-tables.js';
import type { FromMiningWorker, MiningWorkerInput, ToMiningWorker } from './mining-worker-protocol.js';

const WORKER = new URL('./mining-worker.js', import.meta.url);

/** Whether the compiled worker is there to run (it is not when running from TypeScript sources). */
export function miningWorkerAvailable(): boolean {
  return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * Mines a spool file in a worker thread and hands its batches over in order, so reading, parsing,
 * classifying and rating run on one core while this thread writes on another. The worker starts at
 * once and gets the tables' data when `data` resolves; it stays at most a few batches ahead;
 * stopping early (an error while writing) stops the worker.
 */
export function workerBatches(
  input: MiningWorkerInput,
  data: Promise<MiningData>,
  createUsers: CreateUsers,
): AsyncGenerator<MinedBatch> {
  // A larger young generation: mining allocates many short-lived objects per call, and fewer,
  // larger scavenges keep the worker ahead of the writer.
  const worker = new Worker(WORKER, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const queue: MinedBatch[] = [];
  let finished = false;
  let failure: Error | null = null;
  let wakeUp: (() => void) | null = null;
  const wake = () => {
    wakeUp?.();
    wakeUp = null;
  };
  const fail = (error: unknown) => {
    failure = error instanceof Error ? error : new Error(String(error));
    wake();
  };
  const send = (message: ToMiningWorker) => worker.postMessage(message);

  worker.on('message', (message: FromMiningWorker) => {
    switch (message.kind) {
      case 'batch':
        queue.push(message.batch);
        break;
      case 'create-users':
        createUsers(message.parties).then((users) => send({ kind: 'users', id: message.id, users }), fail);
        return;
      case 'done':
        finished = true;
        break;
      case 'error':
        failure = Object.assign(new Error(message.message), { stack: message.stack });
        break;
    }
    wake();
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!finished && failure === null) failure = new Error(`the mining worker stopped (exit code ${code})`);
    wake();
  });
  data.then((tables) => send({ kind: 'data', data: tables }), fail);

  async function* handOver(): AsyncGenerator<MinedBatch> {
    try {
      for (;;) {
        const batch = queue.shift();
        if (batch) {
          yield batch;
          send({ kind: 'ack' });
          continue;
        }
        if (failure) throw failure;
        if (finished) return;
        await new Promise<void>((resolve) => (wakeUp = resolve));
      }
    } finally {
      await worker.terminate();
    }
  }
  return handOver();
}
