import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { LedgerlineError } from '../domain/errors.js';
import type { ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';

/**
 * What the demo keeps between runs (`demo.json` in the data folder), so a second start carries on
 * the same company's traffic from where the first stopped, without generating the past again.
 */
export interface DemoState {
  seed: number;
  /** Where the history began. */
  startMs: number;
  /** Where the anomalies were placed from (the first start). */
  anomaliesBefore: number;
  /** Every session that started up to here is in the replica. */
  generatedUntil: number;
  /** The SessionIdSeq of the next session. */
  nextSeq: number;
  /** Sessions in the replica still in progress at `generatedUntil`, as they will end. */
  open: ReplicaSession[];
}

/** The state of a data folder, or null for a new one. */
export function readDemoState(path: string): DemoState | null {
  if (!existsSync(path)) return null;
  let state: Partial<DemoState>;
  try {
    state = JSON.parse(readFileSync(path, 'utf8')) as Partial<DemoState>;
  } catch (error) {
    throw new LedgerlineError('configuration', `${path} is not readable: ${(error as Error).message}`);
  }
  const numbers = ['seed', 'startMs', 'anomaliesBefore', 'generatedUntil', 'nextSeq'] as const;
  if (numbers.some((key) => typeof state[key] !== 'number') || !Array.isArray(state.open)) {
    throw new LedgerlineError(
      'configuration',
      `${path} was written by an earlier version of the demo: remove its folder to start a new demo (or choose another with --data)`,
    );
  }
  return state as DemoState;
}

/** Writes the state whole, then renames it into place: a stop in between leaves the previous one. */
export function writeDemoState(path: string, state: DemoState): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}
