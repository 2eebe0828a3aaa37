import { Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntraStandIn, type GraphUser } from './entra-stand-in.js';

const TENANT = '7d3a1f0e-5b2c-4a8d-9e6f-0c1b2a3d4e5f';
const API = { clientId: '3c9b7a1e-2f4d-4e6a-8b0c-1d2e3f4a5b6c', clientSecret: 'api-secret' };
const NO_RIGHTS = {
  clientId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  clientSecret: 'weak-secret',
  applicationPermissions: ['Mail.Send'],
};
const USERS: GraphUser[] = Array.from({ length: 5 }, (_, i) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  userPrincipalName: `user${i}@contoso.com`,
  displayName: `User ${i}`,
  department: i % 2 === 0 ? 'Sales' : 'Finance',
  accountEnabled: true,
}));

let standIn: EntraStandIn;

beforeAll(async () => {
  standIn = await EntraStandIn.start({
    tenantId: TENANT,
    clients: [API, NO_RIGHTS],
    users: USERS,
    pageSize: 3,
  });
});
afterAll(() => standIn.close());

async function token(
  client: { clientId: string; clientSecret: string },
  fields: Record<string, string> = {
    grant_type: 'client_credentials',
    scope: 'https://graph.microsoft.com/.default',
  },
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${standIn.url}/${TENANT}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: client.clientId, client_secret: client.clientSecret, ...fields }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What Graph answers: a page of values, or an error. */
interface GraphBody {
  value: Record<string, unknown>[];
  '@odata.nextLink'?: string;
  error?: { code: string };
}

async function graph(
  path: string,
  bearer: string,
  body?: unknown,
): Promise<{ status: number; body: GraphBody }> {
  const response = await fetch(`${standIn.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as GraphBody };
}

describe('EntraStandIn', () => {
  it('publishes an OpenID configuration with the real issuer format and its own endpoints', async () => {
    const response = await fetch(`${standIn.url}/${TENANT}/v2.0/.well-known/openid-configuration`);
    expect(await response.json()).toMatchObject({
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      jwks_uri: `${standIn.url}/${TENANT}/discovery/v2.0/keys`,
      token_endpoint: `${standIn.url}/${TENANT}/oauth2/v2.0/token`,
    });
  });

  it('issues app tokens for client credentials, signed with the key its JWKS publishes', async () => {
    const { status, body } = await token(API);
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599 });
    const keys = createRemoteJWKSet(new URL(`${standIn.url}/${TENANT}/discovery/v2.0/keys`));
    const { payload } = await jwtVerify(body.access_token as string, keys, {
      audience: 'https://graph.microsoft.com',
    });
    expect(payload).toMatchObject({
      idtyp: 'app',
      appid: API.clientId,
      tid: TENANT,
      roles: ['GroupMember.Read.All', 'User.Read.All'],
    });
  });

  it('refuses a wrong secret, an unknown client, a bad scope and an assertion for another app as Entra ID does', async () => {
    expect(await token({ ...API, clientSecret: 'nope' })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client', error_codes: [7000215] },
    });
    expect(await token({ clientId: 'unknown', clientSecret: 'x' })).toMatchObject({
      status: 400,
      body: { error: 'unauthorized_client' },
    });
    expect(await token(API, { grant_type: 'client_credentials', scope: 'User.Read' })).toMatchObject({
      body: { error: 'invalid_scope' },
    });
    const forOtherApp = await standIn.userToken(NO_RIGHTS.clientId);
    const obo = await token(API, {
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: forOtherApp,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(obo).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('lets Graph in only with its own Graph tokens that carry the permission', async () => {
    const userToken = await standIn.userToken(API.clientId);
    expect((await graph('/v1.0/users', userToken)).status).toBe(401);
    const weak = (await token(NO_RIGHTS)).body.access_token as string;
    expect(await graph('/v1.0/users', weak)).toMatchObject({
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied' } },
    });
  });

  it('checks member groups 20 at most, transitively as configured', async () => {
    const app = (await token(API)).body.access_token as string;
    standIn.setGroups(USERS[1]!.id, [
      'aaaaaaaa-0000-4000-8000-000000000001',
      'AAAAAAAA-0000-4000-8000-000000000002',
    ]);
    const asked = ['aaaaaaaa-0000-4000-8000-000000000002', 'aaaaaaaa-0000-4000-8000-000000000003'];
    expect(
      await graph(`/v1.0/users/${USERS[1]!.id}/checkMemberGroups`, app, { groupIds: asked }),
    ).toMatchObject({
      status: 200,
      body: { value: ['aaaaaaaa-0000-4000-8000-000000000002'] },
    });
    // By UPN too, as Graph allows.
    expect(
      (await graph(`/v1.0/users/${USERS[1]!.userPrincipalName}/checkMemberGroups`, app, { groupIds: asked }))
        .body.value,
    ).toHaveLength(1);
    const tooMany = Array.from(
      { length: 21 },
      (_, i) => `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    expect(
      (await graph(`/v1.0/users/${USERS[1]!.id}/checkMemberGroups`, app, { groupIds: tooMany })).status,
    ).toBe(400);
    expect((await graph('/v1.0/users/nobody/checkMemberGroups', app, { groupIds: asked })).status).toBe(404);
  });

  it('lists users in pages with @odata.nextLink, $top and $select', async () => {
    const app = (await token(API)).body.access_token as string;
    const first = await graph('/v1.0/users?$select=id,displayName&$top=2', app);
    expect(first.body.value).toEqual([
      { id: USERS[0]!.id, displayName: 'User 0' },
      { id: USERS[1]!.id, displayName: 'User 1' },
    ]);
    const seen = [...first.body.value];
    let next: string | undefined = first.body['@odata.nextLink'];
    while (next) {
      expect(next.startsWith(`${standIn.url}/v1.0/users?`)).toBe(true);
      const page = await graph(next.slice(standIn.url.length), app);
      seen.push(...page.body.value);
      next = page.body['@odata.nextLink'];
    }
    expect(seen.map((user) => user.id)).toEqual(USERS.map((user) => user.id));
    expect(seen.every((user) => Object.keys(user).join() === 'id,displayName')).toBe(true);
    // Without $top, the configured page size; without $select, every property.
    const plain = await graph('/v1.0/users', app);
    expect(plain.body.value).toHaveLength(3);
    expect(plain.body.value[0]).toEqual(USERS[0]);
    expect((await graph('/v1.0/users?$top=1000', app)).status).toBe(400);
  });

  it('pages through users with the Graph client when the next link is given relative to the Graph URL', async () => {
    const app = (await token(API)).body.access_token as string;
    const client = Client.initWithMiddleware({ baseUrl: standIn.url, middleware: new HTTPMessageHandler() });
    const ids: string[] = [];
    // The client treats only https:// links as absolute, so the stand-in's http link is cut to its path.
    let path: string | undefined = '/users';
    let request = client.api(path).header('Authorization', `Bearer ${app}`).select(['id']).top(2);
    while (path) {
      const page = (await request.get()) as { value: { id: string }[]; '@odata.nextLink'?: string };
      ids.push(...page.value.map((user) => user.id));
      path = page['@odata.nextLink']?.slice(`${standIn.url}/v1.0`.length);
      if (path) request = client.api(path).header('Authorization', `Bearer ${app}`);
    }
    expect(ids).toEqual(USERS.map((user) => user.id));
  });

  it('records every request with what the caller sent', async () => {
    const before = standIn.requests.length;
    await token(API);
    const [recorded] = standIn.requests.slice(before);
    expect(recorded).toMatchObject({
      method: 'POST',
      path: `/${TENANT}/oauth2/v2.0/token`,
      body: { grant_type: 'client_credentials', client_id: API.clientId },
      status: 200,
    });
    expect(standIn.requestsTo('/checkMemberGroups').length).toBeGreaterThan(0);
    expect(standIn.requestsTo('/checkMemberGroups')[0]?.caller).toMatchObject({ idtyp: 'app' });
  });
});
