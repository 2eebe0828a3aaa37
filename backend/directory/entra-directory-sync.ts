import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import {
  planDirectorySync,
  type DirectorySyncOptions,
  type DirectorySyncPlan,
  type EntraUser,
} from './entra-sync-plan.js';

/** What a directory sync did (or, in a dry run, would do). */
export interface DirectorySyncResult {
  dryRun: boolean;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  departmentsCreated: string[];
  numbersAdded: number;
  numbersMoved: number;
  skipped: string[];
  unreadable: string[];
  /** One line per change, e.g. "update anna@contoso.com: department SALES -> MARKETING". */
  changes: string[];
}

/**
 * Brings the directory in line with Entra ID's users: plans the changes against the directory as
 * it is (see planDirectorySync), then, unless it is a dry run, writes them all in one transaction.
 */
export async function syncDirectory(
  database: Database,
  users: AsyncIterable<EntraUser>,
  options: DirectorySyncOptions & { dryRun?: boolean } = {},
): Promise<DirectorySyncResult> {
  const repos = repositoriesFor(database.kysely, database);
  const [sites, departments, directoryUsers, numbers] = await Promise.all([
    repos.sites.list(),
    repos.departments.list(),
    repos.users.list(),
    repos.users.listNumbers(),
  ]);
  if (options.defaultSiteCode !== undefined && !sites.some((site) => site.code === options.defaultSiteCode))
    throw new LedgerlineError(
      'invalid-input',
      `no site "${options.defaultSiteCode}": the sites are ${sites.map((site) => site.code).join(', ') || 'none yet'}`,
    );
  const entra: EntraUser[] = [];
  for await (const user of users) entra.push(user);
  const plan = planDirectorySync({ sites, departments, users: directoryUsers, numbers }, entra, options);
  if (!options.dryRun) await inTransaction(database, (tx) => apply(tx, plan));
  return {
    dryRun: options.dryRun ?? false,
    read: entra.length,
    created: plan.users.filter((user) => user.id === null).length,
    updated: plan.users.filter((user) => user.id !== null).length,
    unchanged: plan.unchangedUsers,
    departmentsCreated: plan.departments.map((department) => `${department.code} (${department.name})`),
    numbersAdded: plan.numbers.filter((number) => number.from === null).length,
    numbersMoved: plan.numbers.filter((number) => number.from !== null).length,
    skipped: plan.skipped,
    unreadable: plan.unreadable,
    changes: [
      ...plan.users.map((user) =>
        user.id === null ? `create ${user.upn}` : `update ${user.upn}: ${user.changes.join(', ')}`,
      ),
      ...plan.numbers.map(
        (number) =>
          `number ${number.number} at ${number.siteCode} -> ${number.upn}${number.from ? ` (from ${number.from})` : ''}`,
      ),
    ],
  };
}

async function apply(repos: Repositories, plan: DirectorySyncPlan): Promise<void> {
  for (const department of plan.departments)
    await repos.departments.save({
      ...department,
      parentId: null,
      costCenter: null,
      supervisorGroupId: null,
    });
  const departmentIds = new Map(
    (await repos.departments.list()).map((department) => [department.code, department.id]),
  );
  const siteIds = new Map((await repos.sites.list()).map((site) => [site.code, site.id]));
  const userIds = new Map<string, number>();
  for (const change of plan.users) {
    const input = {
      upn: change.upn,
      displayName: change.displayName,
      entraObjectId: change.entraObjectId,
      sipUri: change.sipUri,
      departmentId:
        change.departmentCode === null ? null : (departmentIds.get(change.departmentCode) ?? null),
      siteId: change.siteCode === null ? null : (siteIds.get(change.siteCode) ?? null),
    };
    if (change.id === null) {
      // A new person whose SIP address called before has an anonymous user: save makes it theirs.
      userIds.set(change.upn, await repos.users.save(input));
      continue;
    }
    if (input.sipUri !== null) {
      // An anonymous user may hold the address this person now has: the address is the person's.
      const holder = await repos.users.findBySipUri(input.sipUri);
      if (holder && holder.id !== change.id) {
        if (!holder.anonymous)
          throw new LedgerlineError(
            'conflict',
            `${input.sipUri} belongs to ${holder.upn ?? holder.displayName}, not ${change.upn}`,
          );
        await repos.users.releaseSipUri(holder.id);
      }
    }
    await repos.users.update(change.id, input);
    userIds.set(change.upn, change.id);
  }
  for (const number of plan.numbers) {
    const userId = userIds.get(number.upn) ?? (await repos.users.findByUpn(number.upn))?.id;
    const siteId = siteIds.get(number.siteCode);
    if (userId === undefined || siteId === undefined)
      throw new Error(`unresolved ${number.upn} at ${number.siteCode}`);
    await repos.users.setNumber({ userId, siteId, kind: 'e164', number: number.number });
  }
}
