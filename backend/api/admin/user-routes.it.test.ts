import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { testRecord } from '../../miner/test-company.js';
import { startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

const OID = '0b1c2d3e-0000-4000-8000-0000000000b1';

describe.each(testEngines())('user administration on $name', (engine) => {
  let api: AdminTestServer;
  let site: Record<string, number>;
  let anna: number;
  let james: number;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
    const sites = (await api.send('GET', '/api/v1/admin/sites')).body as { id: number; code: string }[];
    site = Object.fromEntries(sites.map((entry) => [entry.code, entry.id]));
    const users = (await api.send('GET', '/api/v1/admin/users')).body.users as { id: number; upn: string }[];
    anna = users.find((user) => user.upn === 'anna.rossi@contoso.com')!.id;
    james = users.find((user) => user.upn === 'james.smith@contoso.com')!.id;
  });
  afterAll(() => api.close());

  it('lists users a page at a time, searching name or UPN in any letter case', async () => {
    const all = await api.send('GET', '/api/v1/admin/users?limit=1');
    expect(all.body).toMatchObject({ total: 2, users: [{ displayName: 'Anna Rossi' }] });
    const next = await api.send('GET', '/api/v1/admin/users?limit=1&offset=1');
    expect(next.body.users.map((user: { displayName: string }) => user.displayName)).toEqual(['James Smith']);
    const found = await api.send('GET', '/api/v1/admin/users?search=SMITH');
    expect(found.body).toMatchObject({ total: 1, users: [{ id: james }] });
    expect((await api.send('GET', '/api/v1/admin/users?search=%25')).body.total).toBe(2);
    expect((await api.send('GET', '/api/v1/admin/users?limit=0')).status).toBe(400);
  });

  it('gets a user with their numbers; an unknown id is a 404', async () => {
    const got = await api.send('GET', `/api/v1/admin/users/${anna}`);
    expect(got.body).toMatchObject({
      upn: 'anna.rossi@contoso.com',
      anonymous: false,
      numbers: [
        { userId: anna, siteId: site.MIL, kind: 'extension', number: '2001', id: expect.any(Number) },
        { userId: anna, siteId: site.MIL, kind: 'e164', number: '+390212342001', id: expect.any(Number) },
      ],
    });
    expect((await api.send('GET', '/api/v1/admin/users/9999')).status).toBe(404);
  });

  let luca: number;

  it('creates a user, lower-casing the UPN and completing the SIP address', async () => {
    const [row] = await api.auditOf(async () => {
      const created = await api.send('POST', '/api/v1/admin/users', {
        json: {
          upn: 'Luca.Bianchi@Contoso.com',
          displayName: 'Luca Bianchi',
          sipUri: 'luca.bianchi@contoso.com',
          entraObjectId: OID,
          siteId: site.MIL,
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        upn: 'luca.bianchi@contoso.com',
        sipUri: 'sip:luca.bianchi@contoso.com',
        departmentId: null,
        numbers: [],
      });
      luca = created.body.id;
    });
    expect(row).toMatchObject({
      action: 'create',
      entityType: 'user',
      entityKey: String(luca),
      before: null,
    });
  });

  it('refuses a UPN, SIP address or Entra object id another user has (409), and unknown references (400)', async () => {
    const audit = await api.auditOf(async () => {
      const upn = await api.send('POST', '/api/v1/admin/users', {
        json: { upn: 'anna.rossi@contoso.com', displayName: 'Anna 2' },
      });
      expect(upn.status).toBe(409);
      expect(upn.body.error.message).toBe(
        `the UPN anna.rossi@contoso.com already belongs to anna.rossi@contoso.com (user ${anna})`,
      );
      const oid = await api.send('PATCH', `/api/v1/admin/users/${james}`, {
        json: { entraObjectId: OID.toUpperCase() },
      });
      expect(oid.status).toBe(409);
      expect(oid.body.error.message).toContain('Entra object id');
      const sip = await api.send('PATCH', `/api/v1/admin/users/${james}`, {
        json: { sipUri: 'sip:Anna.Rossi@contoso.com' },
      });
      expect(sip.status).toBe(409);
      const department = await api.send('PATCH', `/api/v1/admin/users/${james}`, {
        json: { departmentId: 9999 },
      });
      expect(department.status).toBe(400);
      expect(department.body.error.message).toBe('departmentId: no department 9999');
      const badUpn = await api.send('POST', '/api/v1/admin/users', {
        json: { upn: 'nobody', displayName: 'X' },
      });
      expect(badUpn.status).toBe(400);
    });
    expect(audit).toEqual([]);
  });

  it('changes a user; the audit row has them before and after', async () => {
    const [row] = await api.auditOf(async () => {
      const changed = await api.send('PATCH', `/api/v1/admin/users/${luca}`, {
        json: { displayName: 'Luca Bianchi (Torino)', siteId: site.LON },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        displayName: 'Luca Bianchi (Torino)',
        siteId: site.LON,
        upn: 'luca.bianchi@contoso.com',
      });
    });
    expect(row).toMatchObject({
      action: 'update',
      before: { displayName: 'Luca Bianchi', siteId: site.MIL },
      after: { displayName: 'Luca Bianchi (Torino)', siteId: site.LON },
    });
  });

  it('gives a user an extension in the site’s ranges and an E.164 number', async () => {
    const [row] = await api.auditOf(async () => {
      const extension = await api.send('POST', `/api/v1/admin/users/${luca}/numbers`, {
        json: { siteId: site.MIL, number: '2002' },
      });
      expect(extension.status).toBe(201);
      expect(extension.body).toMatchObject({
        userId: luca,
        siteId: site.MIL,
        kind: 'extension',
        number: '2002',
      });
    });
    expect(row).toMatchObject({
      action: 'create',
      entityType: 'user-number',
      entityKey: `${site.MIL}:2002`,
      before: null,
      after: { userId: luca, number: '2002' },
    });
    const outside = await api.send('POST', `/api/v1/admin/users/${luca}/numbers`, {
      json: { siteId: site.MIL, number: '4001' },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toBe(
      "number: extension 4001 is outside site MIL's extension ranges (2000-2999)",
    );
    const e164 = await api.send('POST', `/api/v1/admin/users/${luca}/numbers`, {
      json: { siteId: site.MIL, number: '+39 02 1234 2002' },
    });
    expect(e164.body).toMatchObject({ kind: 'e164', number: '+390212342002' });
    expect(
      (
        await api.send('POST', `/api/v1/admin/users/${luca}/numbers`, {
          json: { siteId: site.MIL, number: 'abc' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.send('POST', '/api/v1/admin/users/9999/numbers', {
          json: { siteId: site.MIL, number: '2003' },
        })
      ).status,
    ).toBe(404);
  });

  it('refuses a number another user has unless reassign, then moves it, auditing whose it was', async () => {
    const refused = await api.send('POST', `/api/v1/admin/users/${luca}/numbers`, {
      json: { siteId: site.LON, number: '+390212342001' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      `+390212342001 already belongs to anna.rossi@contoso.com (user ${anna}): send reassign: true to move it to luca.bianchi@contoso.com`,
    );
    const [row, ...more] = await api.auditOf(async () => {
      const moved = await api.send('POST', `/api/v1/admin/users/${luca}/numbers`, {
        json: { siteId: site.MIL, number: '2001', reassign: true },
      });
      expect(moved.status).toBe(201);
      expect(moved.body).toMatchObject({ userId: luca, number: '2001' });
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'update',
      entityKey: `${site.MIL}:2001`,
      before: [{ userId: anna, siteId: site.MIL, number: '2001' }],
      after: { userId: luca, siteId: site.MIL, number: '2001' },
    });
    const annaNumbers = (await api.send('GET', `/api/v1/admin/users/${anna}`)).body.numbers;
    expect(annaNumbers.map((number: { number: string }) => number.number)).toEqual(['+390212342001']);
  });

  it('takes a number away; another user’s number id is a 404', async () => {
    const numbers = (await api.send('GET', `/api/v1/admin/users/${luca}`)).body.numbers as {
      id: number;
      number: string;
    }[];
    const extension = numbers.find((number) => number.number === '2002')!;
    const [row] = await api.auditOf(async () => {
      expect((await api.send('DELETE', `/api/v1/admin/users/${luca}/numbers/${extension.id}`)).status).toBe(
        204,
      );
    });
    expect(row).toMatchObject({
      action: 'delete',
      entityType: 'user-number',
      before: { number: '2002' },
      after: null,
    });
    const annaNumber = (await api.send('GET', `/api/v1/admin/users/${anna}`)).body.numbers[0];
    expect((await api.send('DELETE', `/api/v1/admin/users/${luca}/numbers/${annaNumber.id}`)).status).toBe(
      404,
    );
  });

  it('refuses to delete a user with calls, and deletes one without (their numbers with them)', async () => {
    await api.mine([testRecord()]);
    const refused = await api.send('DELETE', `/api/v1/admin/users/${anna}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('user anna.rossi@contoso.com is still used by stored calls');
    const [row] = await api.auditOf(async () => {
      expect((await api.send('DELETE', `/api/v1/admin/users/${luca}`)).status).toBe(204);
    });
    expect(row).toMatchObject({
      action: 'delete',
      // Anna's 2001 moved to Luca as it was (the same row), so it comes first.
      before: { upn: 'luca.bianchi@contoso.com', numbers: [{ number: '2001' }, { number: '+390212342002' }] },
      after: null,
    });
    expect((await api.send('GET', `/api/v1/admin/users/${luca}`)).status).toBe(404);
  });

  it('names an anonymous user the miner made by giving them a UPN', async () => {
    await api.mine([
      testRecord({ caller: { uri: null, number: '2777' }, callee: { uri: null, number: '00212345678' } }),
    ]);
    const anonymous = (await api.send('GET', '/api/v1/admin/users?search=2777')).body.users[0];
    expect(anonymous).toMatchObject({ anonymous: true, upn: null });
    const unnamed = await api.send('PATCH', `/api/v1/admin/users/${anonymous.id}`, {
      json: { displayName: 'Reception' },
    });
    expect(unnamed.status).toBe(400);
    const named = await api.send('PATCH', `/api/v1/admin/users/${anonymous.id}`, {
      json: { upn: 'reception@contoso.com', displayName: 'Reception' },
    });
    expect(named.body).toMatchObject({
      anonymous: false,
      upn: 'reception@contoso.com',
      numbers: [{ number: '2777' }],
    });
  });
});
