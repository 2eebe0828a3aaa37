import type { Carrier } from '../db/carrier.repository.js';
import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import type { TariffPlanSummary } from '../db/tariff-plan.repository.js';
import { LedgerlineError } from '../domain/errors.js';
import { planProblems } from '../rating/plan-rules.js';
import type { Rate, TariffPlan } from '../rating/tariff-plan.js';
import { TariffFileError, formatProblem } from '../tariffs/tariff-file-error.js';
import { parseTariffFile } from '../tariffs/tariff-file.js';
import { recordChange, requireAdmin, type AdminActor } from './admin-actor.js';
import { existingCarrier } from './carrier-admin.js';
import { readUploadedDeck, type RateDeckUpload } from './rate-deck-upload.js';

/** Stored calls of the carrier in a plan's time (until its next plan): re-rate them to apply a change. */
export interface AffectedCalls {
  calls: number;
  firstDay: number | null;
  lastDay: number | null;
}

/** What storing a plan or its rates did. */
export interface StoredPlan {
  plan: TariffPlanSummary;
  affected: AffectedCalls;
}

/** What replacing a plan's rates from a deck did, rate by rate (matched by prefix, or class and country). */
export interface ImportedRates extends StoredPlan {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/** What an administrator may change of a rate: its label and prices, not what it matches. */
export type RateChanges = Partial<
  Pick<
    Rate,
    'label' | 'connectFee' | 'intervals' | 'bandIntervals' | 'minCharge' | 'maxCost' | 'unansweredCharge'
  >
>;

/**
 * Carriers' tariff plans, as an administrator changes them: a plan from a tariff file (the JSON
 * form of docs/tariffs.md), its rates from a carrier's CSV deck, every change audited. A plan
 * that prices stored calls is kept unless deleting it is forced.
 */
export class TariffPlanAdmin {
  constructor(private readonly database: Database) {}

  /** Plans with their rate counts, of one carrier or all, by carrier and activation. */
  async list(actor: AdminActor, carrierId?: number): Promise<TariffPlanSummary[]> {
    requireAdmin(actor);
    const repos = this.repos();
    if (carrierId !== undefined) await existingCarrier(repos, carrierId);
    const plans = await repos.tariffPlans.list();
    return carrierId === undefined ? plans : plans.filter((plan) => plan.carrierId === carrierId);
  }

  /** A plan with its rates and its carrier; not-found if none. */
  async get(actor: AdminActor, id: number): Promise<TariffPlan & { carrier: Carrier }> {
    requireAdmin(actor);
    const repos = this.repos();
    const plan = await existing(repos, id);
    return { ...plan, carrier: await existingCarrier(repos, plan.carrierId as number) };
  }

  /**
   * Adds a carrier's plan from a tariff file document (its JSON form). The carrier (by code) must
   * exist. A plan of the carrier with the same activation is a conflict unless `replace`: then it
   * is updated in place, keeping its id and the ids of rates still there.
   */
  async create(
    actor: AdminActor,
    document: unknown,
    options: { replace: boolean },
  ): Promise<StoredPlan & { replaced: boolean }> {
    requireAdmin(actor);
    const tariff = readTariffDocument(document);
    return inTransaction(this.database, async (repos) => {
      const carrier = await repos.carriers.findByCode(tariff.carrier.code);
      if (!carrier) {
        throw new LedgerlineError(
          'invalid-input',
          `carrier.code: no carrier "${tariff.carrier.code}": add it first (POST /api/v1/admin/carriers)`,
        );
      }
      const previous = (await repos.tariffPlans.list()).find(
        (plan) => plan.carrierId === carrier.id && plan.activeFrom === tariff.plan.activeFrom,
      );
      if (previous && !options.replace) {
        throw new LedgerlineError(
          'conflict',
          `carrier ${carrier.code} already has a plan from ${new Date(previous.activeFrom).toISOString()} (plan ${previous.id}, "${previous.name}"): send replace=true to replace it`,
        );
      }
      const before = previous ? await existing(repos, previous.id) : null;
      const planId = await repos.tariffPlans.save(carrier.id, tariff.plan);
      const stored = await storedPlan(repos, planId);
      await recordChange(repos, actor, {
        action: before ? 'update' : 'create',
        entityType: 'tariff-plan',
        entityKey: planId,
        before: before && planHeadline(before),
        after: planHeadline(await existing(repos, planId)),
      });
      return { ...stored, replaced: before !== null };
    });
  }

  /**
   * Replaces a plan's rates with those of a carrier's CSV deck. Rates still there keep their ids
   * (calls priced with them keep pointing at them); the audit row counts what was added, changed
   * and removed.
   */
  async importRates(actor: AdminActor, id: number, upload: RateDeckUpload): Promise<ImportedRates> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      const rates = readUploadedDeck(
        upload,
        before.timeBands.map((band) => band.name),
      );
      const { id: _id, carrierId, ...header } = before;
      const plan: TariffPlan = { ...header, rates };
      const problems = planProblems(plan);
      if (problems.length > 0)
        throw new LedgerlineError(
          'invalid-input',
          'nothing was imported: the rates do not make a valid plan',
          problems,
        );
      await repos.tariffPlans.save(carrierId as number, plan);
      const counts = rateChanges(before.rates, rates);
      const stored = await storedPlan(repos, id);
      await recordChange(repos, actor, {
        action: 'import',
        entityType: 'tariff-plan',
        entityKey: id,
        before: planHeadline(before),
        after: { ...planHeadline(await existing(repos, id)), ...counts, fileName: upload.fileName ?? null },
      });
      return { ...stored, ...counts };
    });
  }

  /**
   * Changes one rate of a plan: its label and prices (connect fee, price intervals, per time
   * band too, minimum charge, maximum cost, unanswered charge); what it matches stays. The plan
   * with the changed rate must still be valid. Stored calls keep their cost until re-rated.
   */
  async updateRate(
    actor: AdminActor,
    planId: number,
    rateId: number,
    changes: RateChanges,
  ): Promise<{ rate: Rate; affected: AffectedCalls }> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const plan = await existing(repos, planId);
      const before = plan.rates.find((rate) => rate.id === rateId);
      if (!before) throw new LedgerlineError('not-found', `tariff plan ${planId} has no rate ${rateId}`);
      const rate: Rate = { ...before, ...changes };
      const problems = planProblems({
        ...plan,
        rates: plan.rates.map((old) => (old === before ? rate : old)),
      });
      if (problems.length > 0)
        throw new LedgerlineError(
          'invalid-input',
          'the rate was not changed: it would make the plan invalid',
          problems,
        );
      await repos.tariffPlans.updateRate(planId, rateId, rate);
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'rate',
        entityKey: rateId,
        before: { planId, ...before },
        after: { planId, ...rate },
      });
      return { rate, affected: await affectedCalls(repos, plan.carrierId as number, plan.activeFrom) };
    });
  }

  /**
   * Removes a plan and its rates. While stored calls are priced with it, a conflict unless
   * `force`; then those calls keep their cost until re-rated (with the plan in force before it).
   */
  async remove(
    actor: AdminActor,
    id: number,
    options: { force: boolean },
  ): Promise<{ affected: AffectedCalls }> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      const affected = await affectedCalls(repos, before.carrierId as number, before.activeFrom);
      if (!options.force && (await repos.calls.anyReferring('plan_id', id))) {
        throw new LedgerlineError(
          'conflict',
          `tariff plan ${id} ("${before.name}") prices stored calls: send force=true to delete it anyway, then re-rate them`,
        );
      }
      await repos.tariffPlans.delete(id);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'tariff-plan',
        entityKey: id,
        before: planHeadline(before),
        after: null,
      });
      return { affected };
    });
  }

  private repos(): Repositories {
    return repositoriesFor(this.database.kysely, this.database);
  }
}

async function existing(repos: Repositories, id: number): Promise<TariffPlan> {
  const plan = await repos.tariffPlans.get(id);
  if (!plan) throw new LedgerlineError('not-found', `no tariff plan ${id}`);
  return plan;
}

/** A tariff file document read as `ledgerline tariffs import` reads a file; every problem in one error. */
function readTariffDocument(document: unknown) {
  try {
    return parseTariffFile(JSON.stringify(document), { fileName: 'tariff file' });
  } catch (error) {
    if (!(error instanceof TariffFileError)) throw error;
    const count = error.problems.length;
    throw new LedgerlineError(
      'invalid-input',
      `nothing was imported: ${count} problem${count === 1 ? '' : 's'} in the tariff file`,
      error.problems.map(formatProblem),
    );
  }
}

/** What the audit log keeps of a plan: everything but the rates, which it counts (decks run to thousands). */
function planHeadline(plan: TariffPlan) {
  const { rates, ...headline } = plan;
  return { ...headline, rates: rates.length };
}

async function storedPlan(repos: Repositories, planId: number): Promise<StoredPlan> {
  const plan = (await repos.tariffPlans.list()).find((summary) => summary.id === planId) as TariffPlanSummary;
  return { plan, affected: await affectedCalls(repos, plan.carrierId, plan.activeFrom) };
}

async function affectedCalls(
  repos: Repositories,
  carrierId: number,
  activeFrom: number,
): Promise<AffectedCalls> {
  const later = (await repos.tariffPlans.list()).filter(
    (plan) => plan.carrierId === carrierId && plan.activeFrom > activeFrom,
  );
  const until = Math.min(...later.map((plan) => plan.activeFrom), Number.MAX_SAFE_INTEGER);
  return repos.calls.carrierCallsBetween(carrierId, activeFrom, until);
}

/** How the new rates differ from the old, matched as the plan store matches them. */
function rateChanges(
  old: readonly Rate[],
  fresh: readonly Rate[],
): { added: number; changed: number; removed: number; unchanged: number } {
  const key = (rate: Rate) =>
    rate.prefix !== null ? `p:${rate.prefix}` : `c:${rate.destClass}:${rate.country ?? '*'}`;
  const content = ({ id: _id, ...rate }: Rate) => canonical(rate);
  const before = new Map(old.map((rate) => [key(rate), content(rate)]));
  const counts = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  for (const rate of fresh) {
    const previous = before.get(key(rate));
    before.delete(key(rate));
    if (previous === undefined) counts.added++;
    else if (previous === content(rate)) counts.unchanged++;
    else counts.changed++;
  }
  counts.removed = before.size;
  return counts;
}

/** JSON with object keys sorted, so that equal rates read from different places compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
