import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { serializeTariffFile, type TariffFile } from './tariff-file.js';

/** What an import stored, and the calls already stored that the plan should price. */
export interface StoredTariff {
  carrierId: number;
  planId: number;
  rates: number;
  /** The carrier's stored calls in the plan's time (until the next plan): re-rate them to apply it. */
  affected: { calls: number; firstDay: number | null; lastDay: number | null };
}

/**
 * Stores a parsed tariff file: the carrier (created or renamed by code) and its plan, replacing
 * the carrier's plan with the same activation. One transaction: a failure leaves the old plan.
 */
export function storeTariff(database: Database, tariff: TariffFile): Promise<StoredTariff> {
  return inTransaction(database, async (repos) => {
    const carrierId = await repos.carriers.save(tariff.carrier);
    const planId = await repos.tariffPlans.save(carrierId, tariff.plan);
    const later = (await repos.tariffPlans.list()).filter(
      (plan) => plan.carrierId === carrierId && plan.activeFrom > tariff.plan.activeFrom,
    );
    const until = Math.min(...later.map((plan) => plan.activeFrom), Number.MAX_SAFE_INTEGER);
    const affected = await repos.calls.carrierCallsBetween(carrierId, tariff.plan.activeFrom, until);
    return { carrierId, planId, rates: tariff.plan.rates.length, affected };
  });
}

/**
 * The tariff file of the carrier's plan in force at `atMs`, with `activeFrom` written in
 * `timeZone`: importing it again gives the same plan.
 */
export async function exportTariff(
  database: Database,
  carrierCode: string,
  atMs: number,
  timeZone = 'UTC',
): Promise<string> {
  const repos = repositoriesFor(database.kysely, database);
  const carrier = await repos.carriers.findByCode(carrierCode);
  if (!carrier) {
    const known = (await repos.carriers.list()).map((c) => c.code);
    throw new LedgerlineError('not-found', `no carrier "${carrierCode}"`, [
      known.length > 0 ? `carriers: ${known.join(', ')}` : 'no carriers yet: import a tariff file first',
    ]);
  }
  const plan = await repos.tariffPlans.inForce(carrier.id, atMs);
  if (!plan) {
    throw new LedgerlineError(
      'not-found',
      `carrier "${carrierCode}" has no plan in force on ${new Date(atMs).toISOString()}`,
    );
  }
  const { id: _id, carrierId: _carrierId, ...rest } = plan;
  return serializeTariffFile(
    {
      carrier: { code: carrier.code, name: carrier.name },
      plan: { ...rest, rates: rest.rates.map(({ id: _rateId, ...rate }) => rate) },
    },
    { timeZone },
  );
}
