import type { Repositories } from '../db/repositories.js';
import { RollupAccumulator, type RollupFields } from '../db/rollup.repository.js';

/**
 * Holds rollup changes made in one transaction and writes each key once, when the file is done
 * (or when it holds `limit` keys, to bound memory).
 */
export class RollupBuffer {
  private readonly deltas = new RollupAccumulator();

  constructor(private readonly limit = 200_000) {}

  /** Takes away a call that turned out to be stored already (a duplicate). */
  subtract(call: RollupFields): void {
    this.deltas.add(call, -1);
  }

  /** Writes the held changes when there are `limit` or more. */
  async flushIfFull(repos: Repositories): Promise<void> {
    if (this.deltas.size >= this.limit) await this.flush(repos);
  }

  /** Writes every held change. */
  async flush(repos: Repositories): Promise<void> {
    if (this.deltas.size === 0) return;
    await repos.rollups.apply(this.deltas.values());
    this.deltas.clear();
  }
}
