import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import type { StoredUserNumber, UserInput } from '../db/user.repository.js';
import type { DialPlan } from '../domain/dial-plan.js';
import { LedgerlineError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import { recordChange, refuseWhileUsed, requireAdmin, type AdminActor } from './admin-actor.js';

/** A user with their numbers and extensions. */
export interface UserWithNumbers extends User {
  numbers: StoredUserNumber[];
}

/** A number or extension to give a user at a site. */
export interface NumberAssignment {
  siteId: number;
  /** E.164 (`+390212345678`) or an extension in the site's ranges (`2001`). */
  number: string;
  /** Take it from whoever has it now; without it, a number another user has is refused. */
  reassign: boolean;
}

/**
 * Users and their numbers, as an administrator changes them: a UPN, SIP address, Entra object id
 * or number names one person only, every change audited.
 */
export class UserAdmin {
  constructor(private readonly database: Database) {}

  /** Users by display name, a page at a time, optionally those whose name or UPN contains `search`. */
  async list(
    actor: AdminActor,
    options: { search?: string; offset: number; limit: number },
  ): Promise<{ users: User[]; total: number }> {
    requireAdmin(actor);
    return this.repos().users.page(options);
  }

  /** The user with this id and their numbers; not-found if none. */
  async get(actor: AdminActor, id: number): Promise<UserWithNumbers> {
    requireAdmin(actor);
    return withNumbers(this.repos(), await existing(this.repos(), id));
  }

  /**
   * Adds a named user; conflict if another has the UPN, SIP address or Entra object id. An
   * anonymous user made for the same SIP address (who called before the directory knew them)
   * becomes this user, keeping their calls.
   */
  async create(actor: AdminActor, input: UserInput): Promise<UserWithNumbers> {
    requireAdmin(actor);
    const fields = normalized(input);
    return inTransaction(this.database, async (repos) => {
      await refuseTakenIdentity(repos, fields, null);
      await knownReferences(repos, fields);
      const claimed = fields.sipUri === null ? undefined : await repos.users.findBySipUri(fields.sipUri);
      const id = await repos.users.save(fields);
      const after = await withNumbers(repos, await existing(repos, id));
      await recordChange(repos, actor, {
        action: 'create',
        entityType: 'user',
        entityKey: id,
        before: claimed?.anonymous ? claimed : null,
        after,
      });
      return after;
    });
  }

  /** Changes the given fields of a user; an anonymous user becomes a named one by getting a UPN. */
  async update(actor: AdminActor, id: number, patch: Partial<UserInput>): Promise<UserWithNumbers> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const before = await withNumbers(repos, await existing(repos, id));
      const upn = patch.upn ?? before.upn;
      if (upn === null)
        throw new LedgerlineError(
          'invalid-input',
          `upn: user ${id} is anonymous: give them a UPN to change them`,
        );
      const fields = normalized({
        upn,
        displayName: patch.displayName ?? before.displayName,
        entraObjectId: patch.entraObjectId === undefined ? before.entraObjectId : patch.entraObjectId,
        sipUri: patch.sipUri === undefined ? before.sipUri : patch.sipUri,
        departmentId: patch.departmentId === undefined ? before.departmentId : patch.departmentId,
        siteId: patch.siteId === undefined ? before.siteId : patch.siteId,
      });
      await refuseTakenIdentity(repos, fields, id);
      await knownReferences(repos, fields);
      await repos.users.update(id, fields);
      const after = await withNumbers(repos, await existing(repos, id));
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'user',
        entityKey: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Removes a user and their numbers; conflict while calls are charged to them. */
  async remove(actor: AdminActor, id: number): Promise<void> {
    requireAdmin(actor);
    await inTransaction(this.database, async (repos) => {
      const before = await withNumbers(repos, await existing(repos, id));
      refuseWhileUsed(`user ${before.upn ?? before.displayName}`, {
        'stored calls': await repos.calls.anyReferring('user_id', id),
      });
      await repos.users.delete(id);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'user',
        entityKey: id,
        before,
        after: null,
      });
    });
  }

  /**
   * Gives a user a number (E.164, known at every site) or an extension of a site. A number another
   * user has is refused (conflict, naming them) unless `reassign`; then it is taken from them. The
   * audit row's `before` lists the numbers taken from others (null when nobody had it).
   */
  async addNumber(
    actor: AdminActor,
    userId: number,
    assignment: NumberAssignment,
  ): Promise<StoredUserNumber> {
    requireAdmin(actor);
    const number = assignment.number.replace(/[\s().-]/g, '');
    const kind = number.startsWith('+') ? 'e164' : 'extension';
    return inTransaction(this.database, async (repos) => {
      const user = await existing(repos, userId);
      const site = await repos.sites.get(assignment.siteId);
      if (!site) throw new LedgerlineError('invalid-input', `siteId: no site ${assignment.siteId}`);
      if (kind === 'extension' && !inRanges(number, site.dialPlan)) {
        const ranges = site.dialPlan.extensionRanges.map((range) => `${range.from}-${range.to}`).join(', ');
        throw new LedgerlineError(
          'invalid-input',
          `number: extension ${number} is outside site ${site.code}'s extension ranges (${ranges || 'none'})`,
        );
      }
      const holders = await repos.users.numberHolders(number, site.id);
      const others = holders.filter((holder) => holder.userId !== userId || holder.siteId !== site.id);
      const otherUsers = others.filter((holder) => holder.userId !== userId);
      if (otherUsers.length > 0 && !assignment.reassign) {
        const owner = await repos.users.get(otherUsers[0]!.userId);
        throw new LedgerlineError(
          'conflict',
          `${number} already belongs to ${owner?.upn ?? owner?.displayName} (user ${otherUsers[0]!.userId}): send reassign: true to move it to ${user.upn ?? user.displayName}`,
        );
      }
      for (const other of others) if (other.siteId !== site.id) await repos.users.removeNumber(other.id);
      await repos.users.setNumber({ userId, siteId: site.id, kind, number });
      const after = (await repos.users.numbersOf(userId)).find(
        (held) => held.siteId === site.id && held.number === number,
      ) as StoredUserNumber;
      await recordChange(repos, actor, {
        action: others.length > 0 ? 'update' : 'create',
        entityType: 'user-number',
        entityKey: `${site.id}:${number}`,
        before: others.length > 0 ? others : null,
        after,
      });
      return after;
    });
  }

  /** Takes a number or extension away from a user; not-found unless it is theirs. */
  async removeNumber(actor: AdminActor, userId: number, numberId: number): Promise<void> {
    requireAdmin(actor);
    await inTransaction(this.database, async (repos) => {
      await existing(repos, userId);
      const before = (await repos.users.numbersOf(userId)).find((held) => held.id === numberId);
      if (!before) throw new LedgerlineError('not-found', `user ${userId} has no number ${numberId}`);
      await repos.users.removeNumber(numberId);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'user-number',
        entityKey: `${before.siteId}:${before.number}`,
        before,
        after: null,
      });
    });
  }

  private repos(): Repositories {
    return repositoriesFor(this.database.kysely, this.database);
  }
}

async function existing(repos: Repositories, id: number): Promise<User> {
  const user = await repos.users.get(id);
  if (!user) throw new LedgerlineError('not-found', `no user ${id}`);
  return user;
}

async function withNumbers(repos: Repositories, user: User): Promise<UserWithNumbers> {
  return { ...user, numbers: await repos.users.numbersOf(user.id) };
}

/** UPN and SIP address in lower case, the SIP address with its `sip:`, as the directory keeps them. */
function normalized(input: UserInput): UserInput {
  const sip = input.sipUri?.trim().toLowerCase() ?? null;
  return {
    ...input,
    upn: input.upn.trim().toLowerCase(),
    sipUri: sip === null || sip === '' ? null : sip.startsWith('sip:') ? sip : `sip:${sip}`,
  };
}

async function refuseTakenIdentity(repos: Repositories, fields: UserInput, id: number | null): Promise<void> {
  for (const holder of await repos.users.holdersOf(fields)) {
    if (holder.id === id) continue;
    const field =
      holder.upn === fields.upn
        ? `UPN ${fields.upn}`
        : holder.sipUri === fields.sipUri
          ? `SIP address ${fields.sipUri}`
          : `Entra object id ${fields.entraObjectId}`;
    throw new LedgerlineError(
      'conflict',
      `the ${field} already belongs to ${holder.upn} (user ${holder.id})`,
    );
  }
}

async function knownReferences(repos: Repositories, fields: UserInput): Promise<void> {
  if (fields.departmentId !== null && !(await repos.departments.get(fields.departmentId)))
    throw new LedgerlineError('invalid-input', `departmentId: no department ${fields.departmentId}`);
  if (fields.siteId !== null && !(await repos.sites.get(fields.siteId)))
    throw new LedgerlineError('invalid-input', `siteId: no site ${fields.siteId}`);
}

function inRanges(extension: string, plan: DialPlan): boolean {
  return plan.extensionRanges.some(
    (range) => extension.length === range.from.length && extension >= range.from && extension <= range.to,
  );
}
