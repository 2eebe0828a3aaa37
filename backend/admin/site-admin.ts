import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import type { SiteInput } from '../db/site.repository.js';
import type { DialPlan } from '../domain/dial-plan.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Site } from '../domain/site.js';
import { recordChange, refuseWhileUsed, requireAdmin, type AdminActor } from './admin-actor.js';

/** The fields of a site to change; a dial plan's fields are changed one by one too. */
export type SitePatch = Partial<Omit<SiteInput, 'dialPlan'>> & { dialPlan?: Partial<DialPlan> };

/** Sites and their dial plans, as an administrator changes them: every change audited. */
export class SiteAdmin {
  constructor(private readonly database: Database) {}

  /** Every site, by code. */
  async list(actor: AdminActor): Promise<Site[]> {
    requireAdmin(actor);
    return this.repos().sites.list();
  }

  /** The site with this id; not-found if none. */
  async get(actor: AdminActor, id: number): Promise<Site> {
    requireAdmin(actor);
    return existing(this.repos(), id);
  }

  /** Adds a site; conflict if its code is taken. */
  async create(actor: AdminActor, input: SiteInput): Promise<Site> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      await refuseTakenCode(repos, input.code, null);
      const site = { id: await repos.sites.save(input), ...input };
      await recordChange(repos, actor, {
        action: 'create',
        entityType: 'site',
        entityKey: site.id,
        before: null,
        after: site,
      });
      return site;
    });
  }

  /** Changes the given fields of a site; conflict if its new code is another site's. */
  async update(actor: AdminActor, id: number, patch: SitePatch): Promise<Site> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      const { dialPlan, ...fields } = patch;
      const after: Site = { ...before, ...fields, id, dialPlan: { ...before.dialPlan, ...dialPlan } };
      if (after.code !== before.code) await refuseTakenCode(repos, after.code, id);
      const { id: _id, ...input } = after;
      await repos.sites.update(id, input);
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'site',
        entityKey: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a site; conflict, naming them, while users, numbers, routing rules or calls refer to it. */
  async remove(actor: AdminActor, id: number): Promise<void> {
    requireAdmin(actor);
    await inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      const usage = await repos.sites.usage(id);
      refuseWhileUsed(`site ${before.code}`, {
        users: usage.users,
        numbers: usage.numbers,
        'routing rules': usage.routingRules,
        'stored calls': await repos.calls.anyReferring('site_id', id),
      });
      await repos.sites.delete(id);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'site',
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

async function existing(repos: Repositories, id: number): Promise<Site> {
  const site = await repos.sites.get(id);
  if (!site) throw new LedgerlineError('not-found', `no site ${id}`);
  return site;
}

async function refuseTakenCode(repos: Repositories, code: string, id: number | null): Promise<void> {
  const holder = await repos.sites.findByCode(code);
  if (holder && holder.id !== id)
    throw new LedgerlineError('conflict', `another site (${holder.id}) already has the code ${code}`);
}
