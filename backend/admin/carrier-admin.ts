import type { Carrier } from '../db/carrier.repository.js';
import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { recordChange, refuseWhileUsed, requireAdmin, type AdminActor } from './admin-actor.js';

/** Carriers, as an administrator changes them: every change audited. */
export class CarrierAdmin {
  constructor(private readonly database: Database) {}

  /** Every carrier, by code. */
  async list(actor: AdminActor): Promise<Carrier[]> {
    requireAdmin(actor);
    return this.repos().carriers.list();
  }

  /** Adds a carrier; conflict if its code is taken. */
  async create(actor: AdminActor, input: Omit<Carrier, 'id'>): Promise<Carrier> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      await refuseTakenCode(repos, input.code, null);
      const carrier = { id: await repos.carriers.save(input), ...input };
      await recordChange(repos, actor, {
        action: 'create',
        entityType: 'carrier',
        entityKey: carrier.id,
        before: null,
        after: carrier,
      });
      return carrier;
    });
  }

  /** Changes a carrier's code or name; conflict if the new code is another carrier's. */
  async update(actor: AdminActor, id: number, patch: Partial<Omit<Carrier, 'id'>>): Promise<Carrier> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const before = await existingCarrier(repos, id);
      const after: Carrier = { ...before, ...patch, id };
      if (after.code !== before.code) await refuseTakenCode(repos, after.code, id);
      await repos.carriers.update(id, { code: after.code, name: after.name });
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'carrier',
        entityKey: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a carrier; conflict, naming them, while it has tariff plans, routing rules or calls. */
  async remove(actor: AdminActor, id: number): Promise<void> {
    requireAdmin(actor);
    await inTransaction(this.database, async (repos) => {
      const before = await existingCarrier(repos, id);
      const usage = await repos.carriers.usage(id);
      refuseWhileUsed(`carrier ${before.code}`, {
        'tariff plans': usage.tariffPlans,
        'routing rules': usage.routingRules,
        'stored calls': await repos.calls.anyReferring('carrier_id', id),
      });
      await repos.carriers.delete(id);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'carrier',
        entityKey: id,
        before,
        after: null,
      });
    });
  }

  private repos(): Repositories {
    return repositoriesFor(this.database.kysely, this.database);
  }
}

/** The carrier with this id; not-found if none. */
export async function existingCarrier(repos: Repositories, id: number): Promise<Carrier> {
  const carrier = await repos.carriers.get(id);
  if (!carrier) throw new LedgerlineError('not-found', `no carrier ${id}`);
  return carrier;
}

async function refuseTakenCode(repos: Repositories, code: string, id: number | null): Promise<void> {
  const holder = await repos.carriers.findByCode(code);
  if (holder && holder.id !== id)
    throw new LedgerlineError('conflict', `another carrier (${holder.id}) already has the code ${code}`);
}
