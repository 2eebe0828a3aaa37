import type { Repositories } from '../db/repositories.js';
import type { ReportScheduleRecord } from '../db/report-schedule.repository.js';
import type { Principal } from '../domain/principal.js';
import type { GroupMembers } from '../notify/graph-group-members.js';

/**
 * Turns a person into the Principal reports are made with: the role from Entra group membership
 * (Graph checkMemberGroups, as at sign-in and in the bot), the directory user by object id or
 * UPN. Null when the person cannot be resolved. In production: the Authenticator's principalFor.
 */
export interface SchedulePrincipals {
  principalOf(person: { objectId: string | null; upn: string | null }): Promise<Principal | null>;
}

/** One recipient of a run and whose rights its document is made with. */
export interface ScheduleAudience {
  channel: 'teams' | 'email';
  /** The outbox recipient (contract): person:{objectId}, conversation:…, channel:…, group:… or an address. */
  recipient: string;
  principal: Principal;
  /** True when the document is the person's own (their scope), false for the schedule's scope. */
  personal: boolean;
}

/**
 * Whom a run goes to, each with the rights their document is made with: a person (by object id,
 * UPN, or an e-mail address that is a directory user's UPN) gets their own scope, and so does
 * each member of an Entra group (asked of Graph at run time); chats, channels and addresses
 * outside the directory get the schedule's own scope, which is its creator's current rights,
 * numbers masked as for anyone but an admin. Recipients that cannot be resolved are skipped with a
 * problem saying why; nobody gets more than their own rights because they were named by a group.
 */
export async function scheduleAudiences(
  schedule: ReportScheduleRecord,
  repos: Pick<Repositories, 'users'>,
  principals: SchedulePrincipals,
  groups: GroupMembers | null = null,
): Promise<{ audiences: ScheduleAudience[]; problems: string[] }> {
  const channel = schedule.format === 'card' ? 'teams' : 'email';
  const audiences: ScheduleAudience[] = [];
  const problems: string[] = [];
  let shared: Principal | null | undefined;
  const sharedPrincipal = async () => {
    if (shared === undefined) shared = await scheduleScope(schedule, principals);
    if (!shared)
      problems.push(
        `the schedule's creator ${schedule.createdBy} cannot be resolved, so nothing is sent outside a person's own rights`,
      );
    return shared;
  };
  const addPerson = async (label: string, objectId: string | null, upn: string | null) => {
    const principal = await principals.principalOf({ objectId, upn });
    if (!principal) return false;
    const target = channel === 'teams' ? (objectId ? `person:${objectId.toLowerCase()}` : null) : upn;
    if (target) audiences.push({ channel, recipient: target, principal, personal: true });
    else
      problems.push(`${label}: no ${channel === 'teams' ? 'Entra object id' : 'e-mail address'} to send to`);
    return true;
  };
  for (const recipient of schedule.recipients) {
    const [kind, ...rest] = recipient.split(':');
    const value = rest.join(':');
    if (kind === 'group' && rest.length > 0) {
      if (!groups) {
        problems.push(`${recipient}: group members cannot be listed without Graph; skipped`);
        continue;
      }
      for (const member of await groups.members(value)) {
        const upn = member.mail ?? member.userPrincipalName;
        if (!(await addPerson(`${recipient} member ${upn ?? member.id}`, member.id, upn)))
          problems.push(`${recipient} member ${upn ?? member.id}: rights cannot be resolved; skipped`);
      }
      continue;
    }
    if (rest.length === 0 || kind === 'person') {
      const named = rest.length === 0 ? recipient : value;
      const user = named.includes('@')
        ? await repos.users.findByUpn(named)
        : await repos.users.findByEntraObjectId(named);
      const objectId = named.includes('@') ? (user?.entraObjectId ?? null) : named;
      const upn = named.includes('@') ? named : (user?.upn ?? null);
      if ((user || kind === 'person') && (await addPerson(recipient, objectId, upn))) continue;
      if (kind === 'person') {
        problems.push(`${recipient}: not a person Ledgerline can resolve; skipped`);
        continue;
      }
    }
    const principal = await sharedPrincipal();
    if (principal) audiences.push({ channel, recipient, principal, personal: false });
  }
  return { audiences, problems };
}

/** The schedule's own scope: its creator's rights now, shown as to someone who is not an admin. */
async function scheduleScope(
  schedule: ReportScheduleRecord,
  principals: SchedulePrincipals,
): Promise<Principal | null> {
  const creator = await principals.principalOf({ objectId: schedule.createdBy, upn: null });
  if (!creator) return null;
  return {
    ...creator,
    objectId: `schedule:${schedule.id}`,
    upn: null,
    displayName: schedule.name,
    // Not an admin, so called numbers are masked, as in a channel the bot posts to.
    role: creator.role === 'admin' ? 'supervisor' : creator.role,
    userId: null,
  };
}
