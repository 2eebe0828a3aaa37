import type { Repositories } from '../db/repositories.js';
import type { ReportScheduleRecord } from '../db/report-schedule.repository.js';
import type { Principal } from '../domain/principal.js';
import type { GroupMembers } from '../notify/graph-group-members.js';
import { sharedViewer } from '../../bot/shared-viewer.js';

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
 * Whom a run goes to, each with the rights their document is made with, never more than theirs:
 * a person (by object id, UPN, or an e-mail address that is a directory user's UPN) and each
 * member of an Entra group (asked of Graph at run time) get their own scope; a personal chat its
 * person's; a channel or group chat what an administrator said everyone there may see (as the
 * bot shows it); only addresses outside the directory get the schedule's own scope, its creator's
 * current rights with numbers masked. Recipients that cannot be resolved are skipped with a
 * problem saying why.
 */
export async function scheduleAudiences(
  schedule: ReportScheduleRecord,
  repos: Pick<Repositories, 'users' | 'botConversations' | 'botChannelSettings' | 'departments'>,
  principals: SchedulePrincipals,
  groups: GroupMembers | null = null,
): Promise<{ audiences: ScheduleAudience[]; problems: string[] }> {
  const channel = schedule.format === 'card' ? 'teams' : 'email';
  const audiences: ScheduleAudience[] = [];
  const problems: string[] = [];
  let shared: Principal | null | undefined;
  const sharedPrincipal = async () => {
    if (shared !== undefined) return shared;
    shared = await scheduleScope(schedule, principals);
    if (!shared)
      problems.push(
        `the schedule's creator ${schedule.createdBy} cannot be resolved, so nothing is sent outside a person's own rights`,
      );
    return shared;
  };
  const addPerson = async (label: string, objectId: string | null, upn: string | null) => {
    const principal = await principals.principalOf({ objectId, upn });
    if (!principal) {
      problems.push(`${label}: their rights cannot be resolved; skipped`);
      return;
    }
    const target = channel === 'teams' ? (objectId ? `person:${objectId.toLowerCase()}` : null) : upn;
    if (target) audiences.push({ channel, recipient: target, principal, personal: true });
    else
      problems.push(`${label}: no ${channel === 'teams' ? 'Entra object id' : 'e-mail address'} to send to`);
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
        await addPerson(`${recipient} member ${upn ?? member.id}`, member.id, upn);
      }
      continue;
    }
    if ((kind === 'conversation' || kind === 'channel') && rest.length > 0) {
      const principal = await conversationPrincipal(kind, value, repos, principals);
      if (typeof principal === 'string') problems.push(`${recipient}: ${principal}; skipped`);
      else audiences.push({ channel, recipient, principal, personal: false });
      continue;
    }
    const named = kind === 'person' ? value : recipient;
    const user = named.includes('@')
      ? await repos.users.findByUpn(named)
      : await repos.users.findByEntraObjectId(named);
    if (user || kind === 'person') {
      const objectId = named.includes('@') ? (user?.entraObjectId ?? null) : named;
      await addPerson(recipient, objectId, named.includes('@') ? named : (user?.upn ?? null));
      continue;
    }
    // An address outside the directory: someone the administrator chose to send the schedule's figures to.
    const principal = await sharedPrincipal();
    if (principal) audiences.push({ channel, recipient, principal, personal: false });
  }
  return { audiences, problems };
}

/**
 * Whose rights a chat or channel gets: a personal chat its person's, a channel or group chat the
 * setting an administrator gave it (as the bot shows figures there). A string says why none.
 */
async function conversationPrincipal(
  kind: 'conversation' | 'channel',
  value: string,
  repos: Pick<Repositories, 'botConversations' | 'botChannelSettings' | 'departments'>,
  principals: SchedulePrincipals,
): Promise<Principal | string> {
  let sharedKey: string;
  if (kind === 'channel') {
    sharedKey = value.slice(value.indexOf('/') + 1);
  } else {
    const saved = await repos.botConversations.get(value);
    if (!saved) return 'the bot is not installed in that conversation';
    if (saved.kind === 'personal') {
      const principal = saved.userObjectId
        ? await principals.principalOf({ objectId: saved.userObjectId, upn: null })
        : null;
      return principal ?? 'the person of that chat cannot be resolved';
    }
    sharedKey = saved.kind === 'channel' ? (saved.channelId ?? saved.conversationId) : saved.conversationId;
  }
  try {
    return (await sharedViewer(repos, sharedKey)).principal;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
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
