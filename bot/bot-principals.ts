import type { Authenticator } from '../backend/auth/authenticator.js';
import type { DemoAuth } from '../backend/auth/demo-sign-in.js';
import type { Repositories } from '../backend/db/repositories.js';
import type { Principal } from '../backend/domain/principal.js';
import type { Role } from '../backend/domain/role.js';
import type { User } from '../backend/domain/user.js';
import type { BotPerson } from './bot-turn.js';

/** Turns the sender of an activity into the Principal the report engine takes. */
export interface PrincipalSource {
  /** The sender's Principal; null when the activity does not say who they are. */
  principalOf(person: BotPerson): Promise<Principal | null>;
  /** In demo mode, a line saying who the sender was taken for and how to be someone else. */
  readonly demoNote?: (principal: Principal) => string;
}

/**
 * The tenant's people: the role from Entra group membership asked of Graph `checkMemberGroups`
 * with the app's own permissions (cached per person for the role cache time), the same way the
 * API signs people in, by `from.aadObjectId`.
 */
export function directoryPrincipals(authenticator: Authenticator): PrincipalSource {
  return {
    async principalOf(person) {
      if (!person.objectId) return null;
      return authenticator.principalFor({ objectId: person.objectId, upn: null, displayName: person.name });
    },
  };
}

/** The demo's people, and the role each persona has. */
export interface DemoPeople {
  auth: DemoAuth;
  directory: Pick<Repositories, 'users'>;
  /** UPN of the persona of each role; anyone else is an employee. */
  personas: Partial<Record<Role, string>>;
}

/**
 * Demo mode (no Entra ID, no Graph): the sender is the demo person whose Entra object id is
 * `from.aadObjectId`, else whose UPN is `from.id` or `from.name`; a name of `admin`,
 * `supervisor` or `employee` (the Emulator lets one set it) is that role's persona; anyone else
 * is the employee persona. The role is the persona's, as the demo sign-in page gives it.
 */
export function demoPrincipals(people: DemoPeople): PrincipalSource {
  const roleOf = (user: User): Role =>
    (Object.entries(people.personas).find(
      ([, upn]) => upn?.toLowerCase() === user.upn?.toLowerCase(),
    )?.[0] as Role | undefined) ?? 'employee';
  return {
    async principalOf(person) {
      const user = await demoUserOf(person, people);
      const role = user ? roleOf(user) : 'employee';
      const upn = user?.upn ?? people.personas.employee;
      return (await people.auth.signIn({ role, ...(upn ? { user: upn } : {}) })).principal;
    },
    demoNote: (principal) =>
      `Demo: you are ${principal.displayName ?? principal.upn} (${principal.role}). To be someone else, set your user name in the Emulator to admin, supervisor, employee or a demo UPN.`,
  };
}

async function demoUserOf(person: BotPerson, people: DemoPeople): Promise<User | undefined> {
  const users = people.directory.users;
  if (person.objectId) {
    const user = await users.findByEntraObjectId(person.objectId);
    if (user) return user;
  }
  for (const candidate of [person.teamsUserId, person.name]) {
    if (!candidate) continue;
    const role = candidate.trim().toLowerCase();
    const personaUpn = people.personas[role as Role];
    if (personaUpn) return users.findByUpn(personaUpn);
    if (candidate.includes('@')) {
      const user = await users.findByUpn(candidate.trim());
      if (user) return user;
    }
  }
  return undefined;
}
