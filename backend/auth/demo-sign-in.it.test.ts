import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { sampleCall } from '../db/test-fixtures.js';
import { testEngines } from '../db/test-engines.js';
import { DEMO_COMPANY, setUpDemoCompany } from '../demo/demo-company.js';
import { EntraStandIn } from '../testing/entra-stand-in.js';
import { AccessTokenValidator } from './access-token-validator.js';
import { parseAuthConfig, type AuthConfig } from './auth-config.js';
import { AuthenticationError } from './authentication-error.js';
import {
  createDemoAuth,
  DEMO_CLIENT_ID,
  DEMO_TENANT_ID,
  demoAuthConfig,
  madeUpObjectId,
  type DemoAuth,
} from './demo-sign-in.js';

const ADMIN_GROUP = '1e5c9a3f-0d7b-4e2c-9a68-7b5d3f0a6d21';
const OPS_GROUP = 'd2b5f0a9-7c4e-4d1b-8e36-0a8c6e3f9c14';
const LOG_GROUP = '3c8a6e1d-2f5b-4a7c-9d09-1b9d7f4a0d15';
const EMMA_OID = '6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f';

let standIn: EntraStandIn;
let config: AuthConfig;

beforeAll(async () => {
  standIn = await EntraStandIn.start({ tenantId: DEMO_TENANT_ID });
  // The demo's settings, with the tenant's keys at the stand-in instead of Entra ID.
  config = parseAuthConfig({ ...demoAuthConfig(ADMIN_GROUP), authorityUrl: standIn.url });
});
afterAll(() => standIn.close());

describe.each(testEngines())('demo sign-in on $name', (engine) => {
  let database: Database;
  let repos: Repositories;
  let demo: DemoAuth;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    repos = repositoriesFor(database.kysely, database);
    const department = (code: string, parentId: number | null, group: string | null) =>
      repos.departments.save({ code, name: code, parentId, costCenter: null, supervisorGroupId: group });
    ids.ops = await department('OPS', null, OPS_GROUP);
    ids.log = await department('LOG', ids.ops, LOG_GROUP);
    ids.logTr = await department('LOG-TR', ids.log, null);
    ids.fin = await department('FIN', null, 'a3f6c1e8-0b4d-4a9c-8f57-6d2b1e9c3a10');
    ids.hr = await department('HR', null, null);
    const user = (upn: string, displayName: string, departmentId: number, oid: string | null = null) =>
      repos.users.save({ upn, displayName, entraObjectId: oid, sipUri: null, departmentId, siteId: null });
    ids.aldo = await user('aldo.neri@contoso.com', 'Aldo Neri', ids.hr); // first by name, no calls
    ids.bruno = await user('bruno.galli@contoso.com', 'Bruno Galli', ids.fin);
    ids.carla = await user('carla.ferri@contoso.com', 'Carla Ferri', ids.ops);
    ids.emma = await user('emma.sala@contoso.com', 'Emma Sala', ids.log, EMMA_OID);
    ids.hugo = await user('hugo.riva@contoso.com', 'Hugo Riva', ids.hr);
    await repos.calls.insertNew(
      [ids.bruno, ids.carla, ids.emma, ids.hugo].map((userId, n) =>
        sampleCall(n, { userId: userId as number }),
      ),
      null,
    );
    demo = await createDemoAuth(config, repos);
  });
  afterAll(() => database.close());

  it('picks an employee with calls, a supervisor of the broadest supervised tree, and a third person as admin', async () => {
    expect(await demo.defaultPersonas()).toEqual([
      { role: 'employee', upn: 'bruno.galli@contoso.com', displayName: 'Bruno Galli' },
      { role: 'supervisor', upn: 'carla.ferri@contoso.com', displayName: 'Carla Ferri' },
      { role: 'admin', upn: 'emma.sala@contoso.com', displayName: 'Emma Sala' },
    ]);
  });

  it('signs in as each role with the scope the role gives', async () => {
    const employee = await demo.signIn({ role: 'employee' });
    expect(employee.principal).toMatchObject({
      role: 'employee',
      userId: ids.bruno,
      scope: { kind: 'user', userId: ids.bruno },
    });
    const supervisor = await demo.signIn({ role: 'supervisor' });
    const tree = [ids.ops, ids.log, ids.logTr].sort((a, b) => (a as number) - (b as number));
    expect(supervisor.principal).toMatchObject({
      role: 'supervisor',
      userId: ids.carla,
      supervisedDepartmentIds: tree,
      scope: { kind: 'departments', departmentIds: tree },
    });
    const admin = await demo.signIn({ role: 'admin' });
    expect(admin.principal).toMatchObject({
      role: 'admin',
      userId: ids.emma,
      objectId: EMMA_OID,
      scope: { kind: 'all' },
    });
  });

  it('signs a named person in with their own department as the supervised one', async () => {
    const emma = await demo.signIn({ role: 'supervisor', user: 'Emma.Sala@contoso.com' });
    const below = [ids.log, ids.logTr].sort((a, b) => (a as number) - (b as number));
    expect(emma.principal).toMatchObject({ role: 'supervisor', supervisedDepartmentIds: below });
  });

  it('makes tokens shaped like Teams SSO ones, with a stable made-up object id for people without one', async () => {
    const before = Date.now();
    const { token, expiresAt, principal } = await demo.signIn({
      role: 'supervisor',
      user: 'carla.ferri@contoso.com',
    });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`,
      aud: DEMO_CLIENT_ID,
      tid: DEMO_TENANT_ID,
      scp: 'access_as_user',
      oid: madeUpObjectId('carla.ferri@contoso.com'),
      preferred_username: 'carla.ferri@contoso.com',
      name: 'Carla Ferri',
      groups: [OPS_GROUP],
      ver: '2.0',
    });
    expect(claims.oid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(expiresAt).toBe((claims.exp as number) * 1000);
    expect(expiresAt - before).toBeGreaterThan(3500_000);
    expect(principal.userId).toBe(ids.carla);
  });

  it('refuses what cannot be signed in, saying why', async () => {
    await expect(demo.signIn({ role: 'employee', user: 'nobody@contoso.com' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'no user nobody@contoso.com in the directory',
    });
    await expect(demo.signIn({ role: 'supervisor', user: 'aldo.neri@contoso.com' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('HR, which has no supervisor group'),
    });
    await expect(demo.signIn({ role: 'owner' as 'admin' })).rejects.toMatchObject({ code: 'invalid-input' });
    const noAdminGroup = await createDemoAuth(parseAuthConfig({ ...config, adminGroupId: undefined }), repos);
    await expect(noAdminGroup.signIn({ role: 'admin' })).rejects.toMatchObject({
      code: 'configuration',
      message: expect.stringContaining('LEDGERLINE_ADMIN_GROUP_ID'),
    });
  });

  it('has its tokens accepted only by a validator given the demo keys', async () => {
    const { token } = await demo.signIn({ role: 'admin' });
    await expect(
      new AccessTokenValidator(config, { extraKeys: demo.signer.jwks }).validate(token),
    ).resolves.toBeDefined();
    const error = await new AccessTokenValidator(config).validate(token).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).reason).toBe('signature');
    // Another demo start has other keys: yesterday's demo tokens do not work today.
    const restarted = await createDemoAuth(config, repos);
    await expect(restarted.authenticator.authenticate(`Bearer ${token}`)).rejects.toMatchObject({
      reason: 'signature',
    });
  });

  it("still accepts the tenant's own tokens", async () => {
    const real = await standIn.userToken(DEMO_CLIENT_ID, { oid: EMMA_OID, groups: [ADMIN_GROUP] });
    await expect(demo.authenticator.authenticate(`Bearer ${real}`)).resolves.toMatchObject({
      role: 'admin',
      userId: ids.emma,
    });
  });
});

describe('demo sign-in on the demo company', () => {
  let database: Database;
  let repos: Repositories;

  beforeAll(async () => {
    database = await testEngines()[0]!.open();
    await migrateToLatest(database);
    await setUpDemoCompany(database);
    repos = repositoriesFor(database.kysely, database);
  });
  afterAll(() => database.close());

  it('signs in as the personas the demo company names, with the groups that give their roles', async () => {
    const demo = await createDemoAuth(
      parseAuthConfig({ ...demoAuthConfig(DEMO_COMPANY.adminGroupId), authorityUrl: standIn.url }),
      repos,
      {
        defaults: {
          employee: DEMO_COMPANY.personas.employee.upn,
          supervisor: DEMO_COMPANY.personas.supervisor.upn,
          admin: DEMO_COMPANY.personas.admin.upn,
        },
      },
    );
    for (const role of ['employee', 'supervisor', 'admin'] as const) {
      const { token, principal } = await demo.signIn({ role });
      expect(principal.role).toBe(role);
      expect(principal.upn).toBe(DEMO_COMPANY.personas[role].upn);
      expect(principal.userId).not.toBeNull();
      expect(decodeJwt(token).groups).toEqual(DEMO_COMPANY.personas[role].groupIds);
    }
    const sales = await repos.departments.findByCode('SALES');
    const supervisor = await demo.signIn({ role: 'supervisor' });
    expect(supervisor.principal.supervisedDepartmentIds).toEqual(
      await repos.departments.withDescendants([sales!.id]),
    );
  });

  it('finds a supervisor in the demo company without being told whom', async () => {
    const demo = await createDemoAuth(
      parseAuthConfig({ ...demoAuthConfig(DEMO_COMPANY.adminGroupId), authorityUrl: standIn.url }),
      repos,
    );
    const personas = await demo.defaultPersonas();
    expect(new Set(personas.map((persona) => persona.upn)).size).toBe(3);
    const supervisor = await demo.signIn({ role: 'supervisor' });
    expect(supervisor.principal.supervisedDepartmentIds.length).toBeGreaterThan(1);
  });
});
