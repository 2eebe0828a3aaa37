import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import type { StandInContext, StandInResponse } from './entra-stand-in.js';

/** A user as Graph lists it: `id` and whichever properties the test gives. */
export type GraphUser = { id: string; userPrincipalName: string; displayName: string } & Record<
  string,
  unknown
>;

/** Graph accepts at most this many group ids per `checkMemberGroups` call. */
export const CHECK_MEMBER_GROUPS_MAX = 20;

const GRAPH_AUDIENCES = ['https://graph.microsoft.com', '00000003-0000-0000-c000-000000000000'];
const MAX_TOP = 999;

/**
 * Microsoft Graph v1.0 as the stand-in serves it: the bearer token must be one the stand-in issued
 * for Graph, with a permission that allows the call; `POST /users/{id}/checkMemberGroups`,
 * `GET /users` and `GET /groups/{id}/transitiveMembers/microsoft.graph.user` with `$select`,
 * `$top` and `@odata.nextLink` paging, and `POST /users/{sender}/sendMail`. Errors have Graph's shape.
 */
export async function handleGraphRequest(
  context: StandInContext,
  method: string,
  url: URL,
  body: unknown,
  authorization: string | undefined,
): Promise<StandInResponse> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const caller = bearer ? await context.verify(bearer, GRAPH_AUDIENCES) : null;
  if (!caller || caller.tid !== context.tenantId)
    return graphError(
      401,
      'InvalidAuthenticationToken',
      'Access token validation failure. Invalid audience.',
      null,
    );
  if (context.graphFailure !== null)
    return graphError(
      context.graphFailure,
      'serviceNotAvailable',
      'The service is temporarily unavailable.',
      caller,
    );

  const memberGroups = /^\/v1\.0\/users\/([^/]+)\/checkMemberGroups$/.exec(url.pathname);
  if (method === 'POST' && memberGroups?.[1]) {
    if (!allowed(caller, ['GroupMember.Read.All', 'Directory.Read.All']))
      return insufficientPrivileges(caller);
    return checkMemberGroups(context, decodeURIComponent(memberGroups[1]), body, caller);
  }
  if (method === 'GET' && url.pathname === '/v1.0/users') {
    if (!allowed(caller, ['User.Read.All', 'User.ReadBasic.All', 'Directory.Read.All']))
      return insufficientPrivileges(caller);
    return listUsers(context, url, caller);
  }
  const transitive = /^\/v1\.0\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(
    url.pathname,
  );
  if (method === 'GET' && transitive?.[1]) {
    if (!allowed(caller, ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All']))
      return insufficientPrivileges(caller);
    const members = context.groupMembers.get(decodeURIComponent(transitive[1]).toLowerCase());
    if (!members)
      return graphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${transitive[1]}' does not exist.`,
        caller,
      );
    const users = members.map(
      (id) => context.users.find((user) => user.id === id) ?? { id, userPrincipalName: null, mail: null },
    );
    return pagedList(context, url, users as GraphUser[], 'directoryObjects/microsoft.graph.user', caller);
  }
  const sendMail = /^\/v1\.0\/users\/([^/]+)\/sendMail$/.exec(url.pathname);
  if (method === 'POST' && sendMail?.[1]) {
    if (!allowed(caller, ['Mail.Send']))
      return graphError(
        403,
        'ErrorAccessDenied',
        'Access is denied. Check credentials and try again.',
        caller,
      );
    const request = body as { message?: { toRecipients?: unknown[]; subject?: unknown } } | null;
    if (
      !request?.message ||
      !Array.isArray(request.message.toRecipients) ||
      request.message.toRecipients.length === 0
    )
      return graphError(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.', caller);
    context.sentMail.push({
      sender: decodeURIComponent(sendMail[1]),
      message: request.message as Record<string, unknown>,
      saveToSentItems: (body as { saveToSentItems?: unknown }).saveToSentItems,
    });
    return { status: 202, caller, body: undefined };
  }
  return graphError(400, 'BadRequest', `Resource not found for the segment '${url.pathname}'.`, caller);
}

function checkMemberGroups(
  context: StandInContext,
  user: string,
  body: unknown,
  caller: JWTPayload,
): StandInResponse {
  const groupIds = (body as { groupIds?: unknown } | null)?.groupIds;
  if (!Array.isArray(groupIds) || groupIds.some((id) => typeof id !== 'string'))
    return graphError(400, 'Request_BadRequest', "Invalid value specified for property 'groupIds'.", caller);
  if (groupIds.length > CHECK_MEMBER_GROUPS_MAX)
    return graphError(
      400,
      'Request_BadRequest',
      `Maximum number of ${CHECK_MEMBER_GROUPS_MAX} group IDs exceeded.`,
      caller,
    );
  const known = context.users.find(
    (candidate) => candidate.id === user || candidate.userPrincipalName.toLowerCase() === user.toLowerCase(),
  );
  const objectId = (known?.id ?? user).toLowerCase();
  const groups = context.memberships.get(objectId);
  if (!groups && !known)
    return graphError(404, 'Request_ResourceNotFound', `Resource '${user}' does not exist.`, caller);
  return {
    status: 200,
    caller,
    body: {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
      value: (groupIds as string[]).filter((id) => groups?.has(id.toLowerCase())),
    },
  };
}

function listUsers(context: StandInContext, url: URL, caller: JWTPayload): StandInResponse {
  return pagedList(context, url, context.users, 'users', caller);
}

/** A list in pages of `$top` (`@odata.nextLink` with a `$skiptoken`), properties as `$select` asks. */
function pagedList(
  context: StandInContext,
  url: URL,
  items: readonly GraphUser[],
  collection: string,
  caller: JWTPayload,
): StandInResponse {
  const topText = url.searchParams.get('$top');
  const top = topText === null ? context.pageSize : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
    return graphError(
      400,
      'Request_UnsupportedQuery',
      `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_TOP} inclusive.`,
      caller,
    );
  const skipToken = url.searchParams.get('$skiptoken');
  const offset = skipToken === null ? 0 : Number(Buffer.from(skipToken, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0)
    return graphError(
      400,
      'Directory_ExpiredPageToken',
      'The specified page token value has expired.',
      caller,
    );
  const select = url.searchParams
    .get('$select')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const page = items.slice(offset, offset + top).map((user) => selected(user, select));
  const body: Record<string, unknown> = {
    '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#${collection}${select ? `(${select.join(',')})` : ''}`,
    value: page,
  };
  if (offset + top < items.length) {
    const next = new URL(url);
    next.searchParams.set('$skiptoken', Buffer.from(String(offset + top)).toString('base64url'));
    body['@odata.nextLink'] = `${context.url}${next.pathname}${next.search}`;
  }
  return { status: 200, caller, body };
}

function selected(user: GraphUser, select: string[] | undefined): Record<string, unknown> {
  if (!select) return user;
  const lower = new Map(Object.keys(user).map((name) => [name.toLowerCase(), name]));
  return Object.fromEntries(
    select.map((name) => {
      const actual = lower.get(name.toLowerCase());
      return [actual ?? name, actual === undefined ? null : user[actual]];
    }),
  );
}

/** Application tokens carry permissions as `roles`, delegated ones in `scp`. */
function allowed(caller: JWTPayload, permissions: readonly string[]): boolean {
  const granted = new Set([
    ...(Array.isArray(caller.roles) ? (caller.roles as string[]) : []),
    ...(typeof caller.scp === 'string' ? caller.scp.split(' ') : []),
  ]);
  return permissions.some((permission) => granted.has(permission));
}

function insufficientPrivileges(caller: JWTPayload): StandInResponse {
  return graphError(
    403,
    'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
    caller,
  );
}

function graphError(
  status: number,
  code: string,
  message: string,
  caller: JWTPayload | null,
): StandInResponse {
  const date = new Date().toISOString().slice(0, 19);
  return {
    status,
    caller,
    body: {
      error: {
        code,
        message,
        innerError: { date, 'request-id': randomUUID(), 'client-request-id': randomUUID() },
      },
    },
  };
}
