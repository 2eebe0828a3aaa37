import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import { LedgerlineError } from '../domain/errors.js';
import { importDirectory } from './directory-import.js';

const sites = `code;name;country;time_zone;currency;outside_line_code;international_prefix;national_prefix;extension_ranges;local_area_codes
MIL;Milano;IT;Europe/Rome;EUR;0;00;;2000-2999;02
LON;London;GB;Europe/London;GBP;9;00;0;4000-4999;20
`;
const departments = `code,name,parent_code,cost_center,supervisor_group_id
SALES-N-MI,Sales North Milan,SALES-N,CC111,
SALES-N,Sales North,SALES,CC110,
SALES,Sales,,CC100,6f1d8b7a-3c2e-4a1b-9d0e-112233445566
`;
const users = `upn,display_name,department_code,site_code,sip_uri,entra_object_id
anna.rossi@contoso.com,Anna Rossi,SALES-N-MI,MIL,sip:anna.rossi@contoso.com,0b1c2d3e-0000-4000-8000-000000000001
james.smith@contoso.com,James Smith,SALES,LON,,
`;
const numbers = `upn,site_code,number
anna.rossi@contoso.com,MIL,2001
anna.rossi@contoso.com,MIL,+390212342001
james.smith@contoso.com,LON,4001
`;

describe.each(testEngines())('directory import on $name', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await engine.open();
    await migrateToLatest(database);
  });
  afterAll(() => database.close());

  it('imports sites, the department tree (children before parents in the file), users and numbers', async () => {
    expect(await importDirectory(database, { sites, departments, users, numbers })).toEqual({
      sites: 2,
      departments: 3,
      users: 2,
      numbers: 3,
    });
    const repos = repositoriesFor(database.kysely, database);
    const sales = await repos.departments.findByCode('SALES');
    const milanDesk = await repos.departments.findByCode('SALES-N-MI');
    expect(await repos.departments.withDescendants([sales!.id])).toContain(milanDesk!.id);
    const anna = await repos.users.findByNumber('2001', (await repos.sites.findByCode('MIL'))!.id);
    expect(anna).toMatchObject({ displayName: 'Anna Rossi', departmentId: milanDesk!.id });
    expect((await repos.users.findByNumber('+390212342001', null))?.id).toBe(anna!.id);
  });

  it('imports again without duplicating anything, and accepts references to what is already stored', async () => {
    await importDirectory(database, {
      users:
        'upn,display_name,department_code,site_code\nlucia.bianchi@contoso.com,Lucia Bianchi,SALES,MIL\n',
      numbers: 'upn,site_code,number\nlucia.bianchi@contoso.com,MIL,2002\n',
    });
    await importDirectory(database, { sites, departments, users, numbers });
    const repos = repositoriesFor(database.kysely, database);
    expect(await repos.sites.list()).toHaveLength(2);
    expect(await repos.departments.list()).toHaveLength(3);
    expect(await repos.users.list()).toHaveLength(3);
    expect(await repos.users.listNumbers()).toHaveLength(4);
  });

  it('imports nothing when any row is wrong, and says what is wrong where', async () => {
    const repos = repositoriesFor(database.kysely, database);
    const before = await repos.users.list();
    const error = await importDirectory(database, {
      users:
        'upn,display_name,department_code,site_code\nnew.person@contoso.com,New Person,SALES,MIL\nother@contoso.com,Other,MARKETING,ROM\n',
      numbers: 'upn,site_code,number\nnew.person@contoso.com,MIL,5001\nghost@contoso.com,MIL,2003\n',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerlineError);
    expect((error as LedgerlineError).details).toEqual([
      'users.csv line 3, department_code: no department "MARKETING" in the file or the database',
      'users.csv line 3, site_code: no site "ROM" in the file or the database',
      "numbers.csv line 2, number: extension 5001 is outside the site's extension ranges (2000-2999)",
      'numbers.csv line 3, upn: no user "ghost@contoso.com" in the file or the database',
    ]);
    expect(await repos.users.list()).toEqual(before);
  });

  it('turns the anonymous user of a new hire who called first into that person', async () => {
    const repos = repositoriesFor(database.kysely, database);
    const milan = (await repos.sites.findByCode('MIL'))!;
    const unassigned = await repos.departments.save({
      code: 'UNASSIGNED',
      name: 'Unassigned',
      parentId: null,
      costCenter: null,
      supervisorGroupId: null,
    });
    const anonymous = await repos.users.createAnonymous(
      { kind: 'sip', value: 'sip:new.hire@contoso.com' },
      milan,
      unassigned,
    );
    await importDirectory(database, {
      users:
        'upn,display_name,department_code,site_code,sip_uri\nnew.hire@contoso.com,New Hire,SALES,MIL,sip:new.hire@contoso.com\n',
    });
    expect(await repos.users.get(anonymous)).toMatchObject({
      upn: 'new.hire@contoso.com',
      displayName: 'New Hire',
      anonymous: false,
    });
  });

  it('says which person already has a SIP address or Entra object id', async () => {
    const error = await importDirectory(database, {
      users: 'upn,display_name,sip_uri\nimpostor@contoso.com,Impostor,sip:anna.rossi@contoso.com\n',
    }).catch((e: unknown) => e);
    expect((error as LedgerlineError).details).toEqual([
      'users.csv line 2, sip_uri: sip:anna.rossi@contoso.com already belongs to anna.rossi@contoso.com',
    ]);
  });

  it('refuses a cycle in the department tree', async () => {
    const error = await importDirectory(database, {
      departments: 'code,name,parent_code\nA,A,B\nB,B,A\n',
    }).catch((e: unknown) => e);
    expect((error as LedgerlineError).details).toEqual([
      'departments.csv line 2, parent_code: the departments form a cycle',
    ]);
  });
});
