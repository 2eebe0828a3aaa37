// Entry point of the mining worker thread: reads and mines a spool file while the main thread writes.
import { parentPort, workerData } from 'node:worker_threads';
import { transferables } from '../db/call-batch.js';
import type { CreatedUser, CreateUsers } from './mined-batches.js';
import { mineBatches } from './mined-batches.js';
import {
  BATCHES_IN_FLIGHT,
  type FromMiningWorker,
  type MiningWorkerInput,
  type ToMiningWorker,
} from './mining-worker-protocol.js';
import { MiningTablesBuilder, type MiningData } from './mining-tables.js';

const port = parentPort;
if (!port) throw new Error('mining-worker runs as a worker thread');
const input = workerData as MiningWorkerInput;
const send = (message: FromMiningWorker) => port.postMessage(message);

let credits = BATCHES_IN_FLIGHT;
let wakeUp: (() => void) | null = null;
const replies = new Map<number, (users: CreatedUser[]) => void>();
let nextRequest = 0;

let receiveData: (data: MiningData) => void = () => undefined;
const data = new Promise<MiningData>((resolve) => (receiveData = resolve));

port.on('message', (message: ToMiningWorker) => {
  if (message.kind === 'data') {
    receiveData(message.data);
  } else if (message.kind === 'ack') {
    credits++;
    wakeUp?.();
    wakeUp = null;
  } else {
    replies.get(message.id)?.(message.users);
    replies.delete(message.id);
  }
});

try {
  // The worker starts while the writer loads the tables; its modules load meanwhile.
  const tables = new MiningTablesBuilder().build(await data);
  const createUsers = (parties: Parameters<CreateUsers>[0]) =>
    new Promise<CreatedUser[]>((resolve) => {
      const id = nextRequest++;
      replies.set(id, resolve);
      send({ kind: 'create-users', id, parties });
    });
  for await (const batch of mineBatches(input, tables, createUsers)) {
    while (credits === 0) await new Promise<void>((resolve) => (wakeUp = resolve));
    credits--;
    // The batch's typed arrays move to the writer's thread instead of being copied.
    port.postMessage({ kind: 'batch', batch } satisfies FromMiningWorker, transferables(batch.calls));
  }
  send({ kind: 'done' });
} catch (error) {
  send({
    kind: 'error',
    message: error instanceof Error ? error.message : String(error),
    stack: (error as Error).stack,
  });
}
port.unref();
