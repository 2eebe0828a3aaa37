import { Client, GraphError, HTTPMessageHandler, RetryHandler } from '@microsoft/microsoft-graph-client';
import { LedgerlineError } from '../domain/errors.js';

/** Graph's limit on group ids per `checkMemberGroups` call. */
const GROUP_IDS_PER_CALL = 20;

/**
 * Which of some groups a person belongs to (transitively), from Microsoft Graph
 * `POST /users/{id}/checkMemberGroups`: used when the token leaves the groups out.
 */
export class GraphMemberGroups {
  private readonly client: Client;

  constructor(graphUrl: string) {
    // The token is set per request (each person's own on-behalf-of token), so the chain has no
    // authentication handler; retries honour Graph's Retry-After on 429 and 503.
    const retry = new RetryHandler();
    retry.setNext(new HTTPMessageHandler());
    this.client = Client.initWithMiddleware({ baseUrl: graphUrl, defaultVersion: 'v1.0', middleware: retry });
  }

  /** The given group ids the user (object id) is a member of, asked 20 at a time. */
  async check(accessToken: string, objectId: string, groupIds: readonly string[]): Promise<string[]> {
    const members: string[] = [];
    for (let start = 0; start < groupIds.length; start += GROUP_IDS_PER_CALL) {
      const batch = groupIds.slice(start, start + GROUP_IDS_PER_CALL);
      let response: { value?: unknown };
      try {
        response = (await this.client
          .api(`/users/${encodeURIComponent(objectId)}/checkMemberGroups`)
          .header('Authorization', `Bearer ${accessToken}`)
          .post({ groupIds: batch })) as { value?: unknown };
      } catch (error) {
        const status =
          error instanceof GraphError
            ? ` (HTTP ${error.statusCode}${error.code ? ` ${error.code}` : ''})`
            : '';
        throw new LedgerlineError(
          'unavailable',
          `Graph did not say which groups ${objectId} is in${status}`,
          [],
          {
            cause: error,
          },
        );
      }
      if (!Array.isArray(response.value))
        throw new LedgerlineError('unavailable', 'Graph answered checkMemberGroups without a value list');
      members.push(
        ...response.value.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase()),
      );
    }
    return members;
  }
}
