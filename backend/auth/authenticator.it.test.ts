import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { EntraStandIn, type RecordedRequest } from '../testing/entra-stand-in.js';
import { parseAuthConfig, type AuthConfig } from './auth-config.js';
import { AuthenticationError } from './authentication-error.js';
import { createAuthenticator, type Authenticator } from './authenticator.js';

const TENANT = '7d3a1f0e-5b2c-4a8d-9e6f-0c1b2a3d4e5f';
const CLIENT_ID = '3c9b7a1e-2f4d-4e6a-8b0c-1d2e3f4a5b6c';
const CLIENT_SECRET = 'stand-in-secret';
const ADMIN_GROUP = '1e5c9a3f-0d7b-4e2c-9a68-7b5d3f0a6d21';
const SALES_GROUP = '5a8e1c74-2d3b-4f9e-8a61-3b7c0d5e9f02';
const SALES_IT_GROUP = '9b2d6f13-4c8a-4e1b-a7d5-6e0f2a8c4b03';
/** 22 more departments with groups, so the role-giving groups take two checkMemberGroups calls. */
const OTHER_GROUPS = Array.from(
  { length: 22 },
  (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
);
const ANNA_OID = '0b4c6e8a-1d3f-4a5b-8c7d-9e0f1a2b3c4d';
const BOSS_OID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

let standIn: EntraStandIn;
let clockMs = 1_000_000;

beforeAll(async () => {
  standIn = await EntraStandIn.start({
    tenantId: TENANT,
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
    memberships: {
      [BOSS_OID]: [SALES_GROUP, OTHER_GROUPS[21] as string, 'ffffffff-0000-4000-8000-000000000000'],
      [ANNA_OID]: [],
    },
  });
});
afterAll(() => standIn.close());

function settings(fields: Partial<Parameters<typeof parseAuthConfig>[0]> = {}): AuthConfig {
  return parseAuthConfig({
    tenantId: TENANT,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    authorityUrl: standIn.url,
    graphUrl: standIn.url,
    adminGroupId: ADMIN_GROUP,
    appRoles: { 'Ledgerline.Admin': ADMIN_GROUP },
    roleCacheSeconds: 300,
    ...fields,
  });
}

/** The requests `work` made of the stand-in. */
async function requestsDuring(work: () => Promise<unknown>): Promise<RecordedRequest[]> {
  const before = standIn.requests.length;
  await work();
  return standIn.requests.slice(before);
}

describe.each(testEngines())('Authenticator on $name', (engine) => {
  let database: Database;
  let repos: Repositories;
  let authenticator: Authenticator;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    repos = repositoriesFor(database.kysely, database);
    const department = (code: string, parentId: number | null, group: string | null) =>
      repos.departments.save({ code, name: code, parentId, costCenter: null, supervisorGroupId: group });
    ids.sales = await department('SALES', null, SALES_GROUP);
    ids.salesIt = await department('SALES-IT', ids.sales, SALES_IT_GROUP);
    ids.finance = await department('FIN', null, null);
    for (const [i, group] of OTHER_GROUPS.entries()) ids[`d${i}`] = await department(`D${i}`, null, group);
    const user = (upn: string, entraObjectId: string | null, departmentId: number) =>
      repos.users.save({ upn, displayName: upn, entraObjectId, sipUri: null, departmentId, siteId: null });
    ids.anna = await user('anna.rossi@contoso.com', ANNA_OID.toUpperCase(), ids.salesIt);
    ids.marco = await user('marco.bianchi@contoso.com', null, ids.finance);
    ids.boss = await user('giulia.conti@contoso.com', BOSS_OID, ids.sales);
    authenticator = createAuthenticator(settings(), repos, { clock: () => clockMs });
  });
  afterAll(() => database.close());

  const header = async (claims: Record<string, unknown>) =>
    `Bearer ${await standIn.userToken(CLIENT_ID, claims)}`;

  it('makes an employee known by object id see their own calls, without asking Graph', async () => {
    let principal;
    const calls = await requestsDuring(async () => {
      principal = await authenticator.authenticate(
        await header({
          oid: ANNA_OID,
          groups: [],
          preferred_username: 'Anna.Rossi@contoso.com',
          name: 'Anna Rossi',
        }),
      );
    });
    expect(principal).toEqual({
      objectId: ANNA_OID,
      tenantId: TENANT,
      upn: 'anna.rossi@contoso.com',
      displayName: 'Anna Rossi',
      role: 'employee',
      userId: ids.anna,
      supervisedDepartmentIds: [],
      scope: { kind: 'user', userId: ids.anna },
    });
    expect(calls.filter((call) => !call.path.endsWith('/keys'))).toEqual([]);
  });

  it('finds the directory user by UPN when the object id is not stored, and sees nothing for strangers', async () => {
    const marco = await authenticator.authenticate(
      await header({ groups: [], preferred_username: 'Marco.Bianchi@contoso.com' }),
    );
    expect(marco).toMatchObject({
      role: 'employee',
      userId: ids.marco,
      scope: { kind: 'user', userId: ids.marco },
    });
    const stranger = await authenticator.authenticate(
      await header({ groups: [], preferred_username: 'new.hire@contoso.com' }),
    );
    expect(stranger).toMatchObject({ role: 'employee', userId: null, scope: { kind: 'none' } });
  });

  it('makes a member of a supervisor group supervisor of that department and the ones below it', async () => {
    const principal = await authenticator.authenticate(
      await header({
        oid: BOSS_OID,
        groups: [SALES_GROUP.toUpperCase(), 'ffffffff-0000-4000-8000-000000000000'],
      }),
    );
    const departments = [ids.sales, ids.salesIt].sort((a, b) => (a as number) - (b as number));
    expect(principal).toMatchObject({
      role: 'supervisor',
      userId: ids.boss,
      supervisedDepartmentIds: departments,
      scope: { kind: 'departments', departmentIds: departments },
    });
  });

  it('makes a member of the admin group, or holder of a mapped app role, an admin who sees everything', async () => {
    const byGroup = await authenticator.authenticate(await header({ groups: [SALES_GROUP, ADMIN_GROUP] }));
    expect(byGroup).toMatchObject({ role: 'admin', scope: { kind: 'all' }, supervisedDepartmentIds: [] });
    const byRole = await authenticator.authenticate(
      await header({ groups: [], roles: ['Ledgerline.Admin'] }),
    );
    expect(byRole).toMatchObject({ role: 'admin', scope: { kind: 'all' } });
    const otherRole = await authenticator.authenticate(
      await header({ groups: [], roles: ['Ledgerline.Reader'] }),
    );
    expect(otherRole.role).toBe('employee');
  });

  it('asks Graph on behalf of the person when the groups are in overage, 20 groups a call', async () => {
    const token = await standIn.userToken(CLIENT_ID, { oid: BOSS_OID, hasgroups: true });
    let principal;
    const calls = await requestsDuring(async () => {
      principal = await authenticator.authenticate(`Bearer ${token}`);
    });
    expect(principal).toMatchObject({
      role: 'supervisor',
      supervisedDepartmentIds: [ids.sales, ids.salesIt, ids.d21].sort(
        (a, b) => (a as number) - (b as number),
      ),
    });

    // MSAL was given the tenant's metadata: no discovery, only the token exchange and Graph.
    expect(new Set(calls.map((call) => call.path.split('/').pop()))).toEqual(
      new Set(['token', 'checkMemberGroups']),
    );
    const tokenCalls = calls.filter((call) => call.path === `/${TENANT}/oauth2/v2.0/token`);
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]?.body).toMatchObject({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: token,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(String((tokenCalls[0]?.body as { scope: string }).scope).split(' ')).toContain(
      'https://graph.microsoft.com/.default',
    );

    const graphCalls = calls.filter((call) => call.path === `/v1.0/users/${BOSS_OID}/checkMemberGroups`);
    expect(graphCalls.map((call) => call.status)).toEqual([200, 200]);
    for (const call of graphCalls) {
      expect(call.method).toBe('POST');
      // The Graph token is the on-behalf-of one: the person's, obtained by this app.
      expect(call.caller).toMatchObject({
        idtyp: 'user',
        oid: BOSS_OID,
        appid: CLIENT_ID,
        aud: 'https://graph.microsoft.com',
      });
    }
    const asked = graphCalls.flatMap((call) => (call.body as { groupIds: string[] }).groupIds);
    expect(graphCalls.map((call) => (call.body as { groupIds: string[] }).groupIds.length)).toEqual([20, 5]);
    expect(new Set(asked)).toEqual(new Set([ADMIN_GROUP, SALES_GROUP, SALES_IT_GROUP, ...OTHER_GROUPS]));
  });

  it('answers from the cache for the same person until roleCacheSeconds have passed', async () => {
    const overage = async () => {
      const principal = await authenticator.authenticate(await header({ oid: BOSS_OID, hasgroups: true }));
      expect(principal.role).toBe('supervisor');
    };
    const cached = await requestsDuring(overage);
    expect(cached.filter((call) => !call.path.endsWith('/keys'))).toEqual([]);

    clockMs += 299_000;
    const stillCached = await requestsDuring(overage);
    expect(stillCached.filter((call) => !call.path.endsWith('/keys'))).toEqual([]);

    clockMs += 2_000;
    const expired = await requestsDuring(overage);
    expect(expired.filter((call) => call.path.endsWith('/token'))).toHaveLength(1);
    expect(expired.filter((call) => call.path.endsWith('/checkMemberGroups'))).toHaveLength(2);
  });

  it('joins concurrent requests of one person into one Graph exchange', async () => {
    clockMs += 301_000;
    const calls = await requestsDuring(async () => {
      const headers = await Promise.all([1, 2, 3].map(() => header({ oid: BOSS_OID, hasgroups: true })));
      await Promise.all(headers.map((value) => authenticator.authenticate(value)));
    });
    expect(calls.filter((call) => call.path.endsWith('/checkMemberGroups'))).toHaveLength(2);
  });

  it('asks Graph when the token has no groups claim at all', async () => {
    const calls = await requestsDuring(async () => {
      const principal = await authenticator.authenticate(await header({ oid: ANNA_OID }));
      expect(principal).toMatchObject({ role: 'employee', userId: ids.anna });
    });
    expect(calls.filter((call) => call.path.includes('checkMemberGroups'))).toHaveLength(2);
  });

  it("asks Graph with the app's own token for a person known only by object id (the bot)", async () => {
    const bot = createAuthenticator(settings(), repos, { clock: () => clockMs });
    const calls = await requestsDuring(async () => {
      const principal = await bot.principalFor({ objectId: BOSS_OID, upn: null, displayName: null });
      expect(principal).toMatchObject({ role: 'supervisor', userId: ids.boss, tenantId: TENANT });
    });
    expect(calls.find((call) => call.path.endsWith('/token'))?.body).toMatchObject({
      grant_type: 'client_credentials',
    });
    const graphCalls = calls.filter((call) => call.path.includes('checkMemberGroups'));
    expect(graphCalls.length).toBe(2);
    for (const call of graphCalls) expect(call.caller).toMatchObject({ idtyp: 'app', appid: CLIENT_ID });
  });

  it('says Graph is unavailable when it fails, and does not cache the failure', async () => {
    const fresh = createAuthenticator(settings(), repos, { clock: () => clockMs });
    // 500, not 503: the Graph client retries 503 and 429 with back-off, as it should in service.
    standIn.graphFailure = 500;
    try {
      await expect(
        fresh.authenticate(await header({ oid: BOSS_OID, hasgroups: true })),
      ).rejects.toMatchObject({ code: 'unavailable' });
    } finally {
      standIn.graphFailure = null;
    }
    await expect(fresh.authenticate(await header({ oid: BOSS_OID, hasgroups: true }))).resolves.toMatchObject(
      { role: 'supervisor' },
    );
  });

  it('names the client secret when Entra ID refuses it, and when overage needs one', async () => {
    const wrongSecret = createAuthenticator(settings({ clientSecret: 'wrong' }), repos);
    const error = await wrongSecret
      .authenticate(await header({ oid: BOSS_OID, hasgroups: true }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'configuration' });
    expect((error as Error).message).toContain('LEDGERLINE_CLIENT_SECRET');

    const noSecret = createAuthenticator(settings({ clientSecret: undefined }), repos);
    await expect(
      noSecret.authenticate(await header({ oid: BOSS_OID, hasgroups: true })),
    ).rejects.toMatchObject({
      code: 'configuration',
      message: expect.stringContaining('LEDGERLINE_CLIENT_SECRET'),
    });
    // Without a secret and without a groups claim, only app roles count.
    await expect(noSecret.authenticate(await header({ roles: ['Ledgerline.Admin'] }))).resolves.toMatchObject(
      { role: 'admin' },
    );
    await expect(noSecret.authenticate(await header({}))).resolves.toMatchObject({ role: 'employee' });
  });

  it('refuses a request without a valid token with a terse 401', async () => {
    await expect(authenticator.authenticate(undefined)).rejects.toSatisfy(
      (error) =>
        error instanceof AuthenticationError &&
        error.reason === 'missing' &&
        error.code === 'unauthenticated',
    );
    await expect(authenticator.authenticate(await header({ scp: 'User.Read' }))).rejects.toMatchObject({
      reason: 'scope',
    });
  });
});
