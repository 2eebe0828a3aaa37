import type { Database } from '../db/database.js';
import { evaluateCallAlarms } from '../alarms/call-alarms.js';
import { inTransaction, repositoriesFor } from '../db/repositories.js';
import { rollupDeltas } from '../db/rollup.repository.js';
import { LedgerlineError } from '../domain/errors.js';
import type { StoredCall } from '../domain/rated-call.js';
import { priceCall } from './call-record-miner.js';
import { MiningTablesBuilder } from './mining-tables.js';

/** Which stored calls to re-rate: local days (YYYYMMDD, inclusive), optionally one carrier's. */
export interface RerateRequest {
  fromDay: number;
  toDay: number;
  carrierCode?: string;
  onDay?: (day: number, done: number, total: number) => void;
}

/** What re-rating did. */
export interface RerateOutcome {
  days: number;
  /** Calls priced again (free calls, inbound, internal and emergency, are not). */
  calls: number;
  changed: number;
  /** Calls left as they were because their site is no longer known (none in a sound database). */
  skipped: number;
}

const RATING_FIELDS = [
  'carrierId',
  'planId',
  'rateId',
  'label',
  'cost',
  'currency',
  'billedSec',
  'ratingStatus',
  'ratingReason',
] as const;

/**
 * Prices stored calls again with today's tariffs and routing, each with the plan in force when it
 * started, and moves the rollups by the difference. One transaction per day: a day is either
 * wholly re-rated or untouched. Who made a call and where stay as mined. With a carrier, the
 * calls of that carrier are re-rated, and with them the unrated calls no route took anywhere
 * (a new routing rule may now send them to it).
 */
export async function rerateCalls(database: Database, request: RerateRequest): Promise<RerateOutcome> {
  const repos = repositoriesFor(database.kysely, database);
  let carrierId: number | undefined;
  if (request.carrierCode !== undefined) {
    const carrier = await repos.carriers.findByCode(request.carrierCode);
    if (!carrier) throw new LedgerlineError('not-found', `no carrier "${request.carrierCode}"`);
    carrierId = carrier.id;
  }
  // Tariffs, routing and sites as they are now, read once for every day.
  const tables = await new MiningTablesBuilder().load(repos);
  const days = await repos.calls.daysToRerate(request.fromDay, request.toDay, carrierId);
  const outcome: RerateOutcome = { days: days.length, calls: 0, changed: 0, skipped: 0 };
  for (const [index, day] of days.entries()) {
    await inTransaction(database, async (tx) => {
      const before: StoredCall[] = [];
      const after: StoredCall[] = [];
      for (const call of await tx.calls.listDayToRerate(day, carrierId)) {
        outcome.calls++;
        // Priced where it went out, as when it was mined: the record's site, else the user's.
        const site =
          (call.sourceSite ? tables.sites.byCode.get(call.sourceSite) : undefined) ??
          (call.siteId === null ? tables.sites.fallback : tables.sites.byId.get(call.siteId));
        if (!site) {
          outcome.skipped++;
          continue;
        }
        const repriced = { ...call };
        priceCall(repriced, site, tables);
        if (RATING_FIELDS.every((field) => repriced[field] === call[field])) continue;
        await tx.calls.updateRating(repriced);
        before.push(call);
        after.push(repriced);
      }
      await tx.rollups.apply([...rollupDeltas(before, -1), ...rollupDeltas(after, 1)]);
      // A call now priced over a rule's limit raises its alarm, as it would have when mined.
      if (after.length > 0) await evaluateCallAlarms(tx, { callIds: after.map((call) => call.id) });
      outcome.changed += after.length;
    });
    request.onDay?.(day, index + 1, days.length);
  }
  return outcome;
}
