import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAuthConfig } from '../auth/auth-config.js';
import { GraphTokenSource } from '../auth/graph-token-source.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { setUpTestCompany } from '../miner/test-company.js';
import { EntraStandIn, type GraphUser } from '../testing/entra-stand-in.js';
import { syncDirectory } from './entra-directory-sync.js';
import { entraUsers } from './entra-user-source.js';

const TENANT = '7a9d3c2e-1b4f-4e8a-9c6d-2f1e0b3a5d7c';
const CLIENT_ID = '3c1e5a7b-9d2f-4b6e-8a0c-1e3f5a7b9d2f';
const SECRET = 'sync-secret';
const ANNA = '5b7c9d1e-3f5a-4b7c-9d1e-3f5a7b9c1d3e';

/** 250 people, so the stand-in's pages of 100 make three; Anna moves to Marketing in London. */
function tenantUsers(): GraphUser[] {
  const users: GraphUser[] = [
    {
      id: ANNA,
      userPrincipalName: 'anna.rossi@contoso.com',
      displayName: 'Anna Rossi',
      department: 'Marketing',
      officeLocation: 'London',
      businessPhones: ['+44 20 7946 0101'],
      mobilePhone: null,
      accountEnabled: true,
      imAddresses: ['anna.rossi@contoso.com'],
    },
  ];
  for (let i = 1; i < 250; i++) {
    users.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      userPrincipalName: `person${i}@contoso.com`,
      displayName: `Person ${i}`,
      department: i % 2 === 0 ? 'Sales' : 'Support',
      officeLocation: i % 3 === 0 ? 'Milano' : 'London',
      businessPhones: i % 3 === 0 ? [`02 1234 ${String(5000 + i)}`] : [`020 7946 ${String(1000 + i)}`],
      mobilePhone: null,
      accountEnabled: i !== 7,
      imAddresses: [],
    });
  }
  return users;
}

describe.each(testEngines())('directory sync from Entra ID on $name', (engine) => {
  let database: Database;
  let repos: Repositories;
  let standIn: EntraStandIn;
  let tokens: GraphTokenSource;
  let graphUrl: string;

  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
    await setUpTestCompany(database);
    repos = repositoriesFor(database.kysely, database);
    standIn = await EntraStandIn.start({
      tenantId: TENANT,
      clients: [{ clientId: CLIENT_ID, clientSecret: SECRET, applicationPermissions: ['User.Read.All'] }],
      users: tenantUsers(),
    });
    graphUrl = standIn.url;
    tokens = new GraphTokenSource(
      parseAuthConfig({
        tenantId: TENANT,
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        authorityUrl: standIn.url,
        graphUrl: standIn.url,
      }),
    );
  });
  afterAll(async () => {
    await standIn.close();
    await database.close();
  });

  const users = () => entraUsers(graphUrl, () => tokens.appOnly(), { pageSize: 100 });

  it('a dry run reads every page and says what it would change, and writes nothing', async () => {
    const before = await repos.users.list();
    const pagesBefore = standIn.requests.filter((request) => request.path === '/v1.0/users').length;
    const result = await syncDirectory(database, users(), { dryRun: true });
    expect(standIn.requests.filter((request) => request.path === '/v1.0/users').length - pagesBefore).toBe(3);
    expect(result).toMatchObject({ dryRun: true, read: 250, created: 248, updated: 1, unchanged: 0 });
    expect(result.skipped).toEqual(['person7@contoso.com: disabled in Entra ID']);
    expect(result.departmentsCreated).toEqual(['MARKETING (Marketing)', 'SUPPORT (Support)']);
    expect(result.changes).toContain(
      'update anna.rossi@contoso.com: entraObjectId (none) -> 5b7c9d1e-3f5a-4b7c-9d1e-3f5a7b9c1d3e, departmentCode SALES-IT -> MARKETING, siteCode MIL -> LON',
    );
    expect(await repos.users.list()).toEqual(before);
    expect(await repos.departments.findByCode('MARKETING')).toBeUndefined();
  });

  it('writes users, departments and numbers, and a second sync changes nothing', async () => {
    const result = await syncDirectory(database, users());
    expect(result).toMatchObject({
      dryRun: false,
      created: 248,
      updated: 1,
      numbersAdded: 249,
      numbersMoved: 0,
    });
    const anna = await repos.users.findByUpn('anna.rossi@contoso.com');
    const marketing = await repos.departments.findByCode('MARKETING');
    const london = await repos.sites.findByCode('LON');
    expect(anna).toMatchObject({ entraObjectId: ANNA, departmentId: marketing?.id, siteId: london?.id });
    expect(await repos.users.findByNumber('+442079460101', null)).toMatchObject({ id: anna?.id });
    const person3 = await repos.users.findByUpn('person3@contoso.com');
    expect(person3).toMatchObject({
      displayName: 'Person 3',
      sipUri: 'sip:person3@contoso.com',
      siteId: (await repos.sites.findByCode('MIL'))?.id,
      departmentId: (await repos.departments.findByCode('SUPPORT'))?.id,
    });
    expect(await repos.users.findByNumber('+390212345003', null)).toMatchObject({ id: person3?.id });
    expect(await repos.users.findByUpn('person7@contoso.com')).toBeUndefined();

    const again = await syncDirectory(database, users());
    expect(again).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 249,
      numbersAdded: 0,
      numbersMoved: 0,
      changes: [],
    });
  });

  it('follows a renamed UPN by its Entra object id, and gives a number to its new holder', async () => {
    const renamed = tenantUsers().map((user) =>
      user.id === ANNA
        ? {
            ...user,
            userPrincipalName: 'anna.bianchi@contoso.com',
            imAddresses: ['anna.bianchi@contoso.com'],
            businessPhones: [],
          }
        : user.userPrincipalName === 'person2@contoso.com'
          ? { ...user, businessPhones: ['+44 20 7946 0101'] }
          : user,
    );
    standIn.setUsers(renamed);
    const annaId = (await repos.users.findByUpn('anna.rossi@contoso.com'))?.id;
    const result = await syncDirectory(database, users());
    expect(result).toMatchObject({ created: 0, updated: 1, numbersMoved: 1 });
    expect(await repos.users.findByUpn('anna.bianchi@contoso.com')).toMatchObject({
      id: annaId,
      sipUri: 'sip:anna.bianchi@contoso.com',
    });
    expect((await repos.users.findByNumber('+442079460101', null))?.upn).toBe('person2@contoso.com');
  });

  it('says clearly when the app may not read users, or the default site does not exist', async () => {
    await expect(syncDirectory(database, users(), { defaultSiteCode: 'NOPE' })).rejects.toThrow(
      'no site "NOPE": the sites are LON, MIL',
    );
    const denied = await EntraStandIn.start({
      tenantId: TENANT,
      clients: [
        { clientId: CLIENT_ID, clientSecret: SECRET, applicationPermissions: ['GroupMember.Read.All'] },
      ],
    });
    try {
      const deniedTokens = new GraphTokenSource(
        parseAuthConfig({
          tenantId: TENANT,
          clientId: CLIENT_ID,
          clientSecret: SECRET,
          authorityUrl: denied.url,
          graphUrl: denied.url,
        }),
      );
      await expect(
        syncDirectory(
          database,
          entraUsers(denied.url, () => deniedTokens.appOnly()),
        ),
      ).rejects.toThrow(
        'Graph did not list the users (HTTP 403 Authorization_RequestDenied): the app needs the User.Read.All application permission, with admin consent',
      );
    } finally {
      await denied.close();
    }
  });
});
