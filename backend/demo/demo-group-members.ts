import { madeUpObjectId } from '../auth/demo-sign-in.js';
import type { Repositories } from '../db/repositories.js';
import type { GroupMember, GroupMembers } from '../notify/graph-group-members.js';
import type { DemoCompany } from './demo-company.js';

/**
 * The demo's Entra groups without Graph: a group's members are the personas in it (the admin
 * persona in the admin group, the supervisor persona in the Sales supervisors' group), so alarms
 * and reports addressed to supervisors or admins reach someone in demo mode too.
 */
export function demoGroupMembers(company: DemoCompany, repos: Pick<Repositories, 'users'>): GroupMembers {
  return {
    async members(groupId) {
      const members: GroupMember[] = [];
      for (const persona of Object.values(company.personas)) {
        if (!persona.groupIds.some((id) => id.toLowerCase() === groupId.toLowerCase())) continue;
        const user = await repos.users.findByUpn(persona.upn);
        members.push({
          id: user?.entraObjectId ?? madeUpObjectId(persona.upn),
          mail: null,
          userPrincipalName: persona.upn,
        });
      }
      return members;
    },
  };
}
