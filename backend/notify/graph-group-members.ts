import type { Client } from '@microsoft/microsoft-graph-client';
import { LedgerlineError } from '../domain/errors.js';
import { appGraphClient, graphFailure, type AppToken } from './graph-requests.js';

/** A user member of a group, as Graph lists it. */
export interface GroupMember {
  id: string;
  mail: string | null;
  userPrincipalName: string | null;
}

/** The people of an Entra group, for `group:{id}` recipients. */
export interface GroupMembers {
  /** Every user in the group, also through nested groups. */
  members(groupId: string): Promise<GroupMember[]>;
}

/**
 * Group members from Microsoft Graph `GET /groups/{id}/transitiveMembers/microsoft.graph.user`,
 * page after page through `@odata.nextLink`, with the app's own token (GroupMember.Read.All and
 * User.Read.All). A next link is followed only under the configured Graph URL.
 */
export class GraphGroupMembers implements GroupMembers {
  private readonly client: Client;
  private readonly base: string;

  constructor(
    graphUrl: string,
    private readonly token: AppToken,
    /** Members per page (Graph allows up to 999). */
    private readonly pageSize = 999,
  ) {
    this.client = appGraphClient(graphUrl);
    this.base = `${graphUrl.replace(/\/+$/, '')}/v1.0/`;
  }

  async members(groupId: string): Promise<GroupMember[]> {
    const members: GroupMember[] = [];
    let path: string | null =
      `/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user?$select=id,mail,userPrincipalName&$top=${this.pageSize}`;
    while (path !== null) {
      let page: { value?: unknown; '@odata.nextLink'?: unknown };
      try {
        page = (await this.client
          .api(path)
          .header('Authorization', `Bearer ${await this.token()}`)
          .get()) as typeof page;
      } catch (error) {
        throw graphFailure(`list the members of group ${groupId}`, error);
      }
      if (!Array.isArray(page.value))
        throw new LedgerlineError('unavailable', `Graph listed group ${groupId} without a value list`);
      for (const member of page.value as Partial<GroupMember>[])
        if (typeof member.id === 'string')
          members.push({
            id: member.id,
            mail: member.mail ?? null,
            userPrincipalName: member.userPrincipalName ?? null,
          });
      const next = page['@odata.nextLink'];
      if (typeof next !== 'string') path = null;
      else if (next.startsWith(this.base)) path = `/${next.slice(this.base.length)}`;
      else
        throw new LedgerlineError(
          'unavailable',
          `Graph sent a next page link outside ${this.base}: not followed`,
        );
    }
    return members;
  }
}
