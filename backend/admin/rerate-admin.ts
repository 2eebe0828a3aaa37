import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { rerateCalls, type RerateOutcome } from '../miner/rerate.js';
import { recordChange, requireAdmin, type AdminActor } from './admin-actor.js';

/** Which stored calls to price again: local days (YYYYMMDD, inclusive), optionally one carrier's (by code). */
export interface RerateRange {
  fromDay: number;
  toDay: number;
  carrier?: string;
}

/**
 * Re-rating from administration: prices stored calls again with today's tariffs and routing
 * (backend/miner/rerate.ts, one transaction per day), then writes one audit row with what it
 * did. It runs to the end before answering, however many days the range holds.
 */
export class RerateAdmin {
  constructor(private readonly database: Database) {}

  /** Re-rates the range; invalid input for a range that ends before it starts or an unknown carrier. */
  async rerate(actor: AdminActor, range: RerateRange): Promise<RerateOutcome> {
    requireAdmin(actor);
    if (range.toDay < range.fromDay)
      throw new LedgerlineError('invalid-input', `to: ${range.toDay} is before from: ${range.fromDay}`);
    if (range.carrier !== undefined) {
      const carriers = await repositoriesFor(this.database.kysely, this.database).carriers.list();
      if (!carriers.some((carrier) => carrier.code === range.carrier)) {
        throw new LedgerlineError('invalid-input', `carrier: no carrier "${range.carrier}"`, [
          `carriers: ${carriers.map((carrier) => carrier.code).join(', ') || 'none yet'}`,
        ]);
      }
    }
    const request = { fromDay: range.fromDay, toDay: range.toDay, carrier: range.carrier ?? null };
    let daysDone = 0;
    // Re-rating commits day by day, so the audit row is its own transaction after it: it says
    // what was done, also when a failure stopped it part of the way.
    const audit = (after: unknown) =>
      inTransaction(this.database, (repos) =>
        recordChange(repos, actor, {
          action: 'rerate',
          entityType: 'calls',
          entityKey: `${range.fromDay}-${range.toDay}${range.carrier === undefined ? '' : ` ${range.carrier}`}`,
          before: null,
          after,
        }),
      );
    let outcome: RerateOutcome;
    try {
      outcome = await rerateCalls(this.database, {
        fromDay: range.fromDay,
        toDay: range.toDay,
        ...(range.carrier === undefined ? {} : { carrierCode: range.carrier }),
        onDay: (_day, done) => (daysDone = done),
      });
    } catch (error) {
      await audit({ ...request, failed: (error as Error).message, daysDone });
      throw error;
    }
    await audit({ ...request, ...outcome });
    return outcome;
  }
}
