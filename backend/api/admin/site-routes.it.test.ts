import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { testRecord } from '../../miner/test-company.js';
import { ADMIN, startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

const turin = {
  code: 'TRN',
  name: 'Torino',
  timeZone: 'Europe/Rome',
  currency: 'eur',
  dialPlan: {
    country: 'it',
    outsideLineCode: '0',
    extensionRanges: [{ from: '3000', to: '3999' }],
    localAreaCodes: ['011'],
  },
};

describe.each(testEngines())('site administration on $name', (engine) => {
  let api: AdminTestServer;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
  });
  afterAll(() => api.close());

  it('lists and gets sites with their dial plans; an unknown id is a 404', async () => {
    const list = await api.send('GET', '/api/v1/admin/sites');
    expect(list.status).toBe(200);
    expect(list.body.map((site: { code: string }) => site.code)).toEqual(['LON', 'MIL']);
    const milan = list.body[1];
    expect(await api.send('GET', `/api/v1/admin/sites/${milan.id}`)).toEqual({ status: 200, body: milan });
    expect(milan.dialPlan).toMatchObject({ country: 'IT', extensionRanges: [{ from: '2000', to: '2999' }] });
    const missing = await api.send('GET', '/api/v1/admin/sites/9999');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: 'not-found', message: 'no site 9999' });
  });

  let turinId: number;

  it('creates a site with dial plan defaults, and audits it with who, when and the request', async () => {
    const started = Date.now();
    const [row, ...more] = await api.auditOf(async () => {
      const created = await api.send('POST', '/api/v1/admin/sites', { json: turin, requestId: 'req-site-1' });
      expect(created.status).toBe(201);
      turinId = created.body.id;
      expect(created.body).toEqual({
        id: turinId,
        code: 'TRN',
        name: 'Torino',
        timeZone: 'Europe/Rome',
        currency: 'EUR',
        dialPlan: {
          country: 'IT',
          outsideLineCode: '0',
          internationalPrefix: '00',
          nationalPrefix: null,
          extensionRanges: [{ from: '3000', to: '3999' }],
          localAreaCodes: ['011'],
        },
      });
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actorObjectId: ADMIN.objectId,
      actorName: ADMIN.upn,
      action: 'create',
      entityType: 'site',
      entityKey: String(turinId),
      before: null,
      after: { id: turinId, code: 'TRN', currency: 'EUR' },
      requestId: 'req-site-1',
    });
    expect(row!.at).toBeGreaterThanOrEqual(started);
  });

  it('refuses a taken code (409) and a bad site (400 naming the fields), writing nothing', async () => {
    const audit = await api.auditOf(async () => {
      const taken = await api.send('POST', '/api/v1/admin/sites', { json: { ...turin, name: 'Torino 2' } });
      expect(taken.status).toBe(409);
      expect(taken.body.error.message).toContain('already has the code TRN');
      const bad = await api.send('POST', '/api/v1/admin/sites', {
        json: {
          ...turin,
          code: 'T 1',
          timeZone: 'Europe/Turin',
          dialPlan: { ...turin.dialPlan, extensionRanges: [{ from: '3999', to: '300' }] },
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('invalid-input');
      expect(bad.body.error.details).toEqual([
        expect.stringMatching(/^code: /),
        expect.stringMatching(/^timeZone: is not an IANA time zone/),
        expect.stringMatching(/^dialPlan\.extensionRanges\.0: from and to/),
      ]);
      const unknownField = await api.send('POST', '/api/v1/admin/sites', {
        json: { ...turin, code: 'X', colour: 'red' },
      });
      expect(unknownField.status).toBe(400);
    });
    expect(audit).toEqual([]);
  });

  it('changes the given fields, dial plan fields one by one; the audit row has before and after', async () => {
    const [row] = await api.auditOf(async () => {
      const changed = await api.send('PATCH', `/api/v1/admin/sites/${turinId}`, {
        json: { name: 'Torino Lingotto', dialPlan: { localAreaCodes: ['011', '012'] } },
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({
        name: 'Torino Lingotto',
        dialPlan: {
          outsideLineCode: '0',
          localAreaCodes: ['011', '012'],
          extensionRanges: [{ from: '3000', to: '3999' }],
        },
      });
    });
    expect(row).toMatchObject({
      action: 'update',
      entityKey: String(turinId),
      before: { name: 'Torino', dialPlan: { localAreaCodes: ['011'] } },
      after: { name: 'Torino Lingotto', dialPlan: { localAreaCodes: ['011', '012'] } },
    });
    expect((await api.send('GET', `/api/v1/admin/sites/${turinId}`)).body.name).toBe('Torino Lingotto');
    expect((await api.send('PATCH', '/api/v1/admin/sites/9999', { json: { name: 'x' } })).status).toBe(404);
    const clash = await api.send('PATCH', `/api/v1/admin/sites/${turinId}`, { json: { code: 'MIL' } });
    expect(clash.status).toBe(409);
  });

  it('refuses to delete a site still in use, naming what uses it', async () => {
    await api.mine([testRecord()]);
    const milan = (await api.send('GET', '/api/v1/admin/sites')).body.find(
      (site: { code: string }) => site.code === 'MIL',
    );
    const audit = await api.auditOf(async () => {
      const refused = await api.send('DELETE', `/api/v1/admin/sites/${milan.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toEqual({
        code: 'conflict',
        message: 'site MIL is still used by 1 user, 2 numbers, 1 routing rule and stored calls',
      });
    });
    expect(audit).toEqual([]);
  });

  it('deletes an unused site: 204, gone, and one audit row with what it was', async () => {
    const [row, ...more] = await api.auditOf(async () => {
      expect(await api.send('DELETE', `/api/v1/admin/sites/${turinId}`)).toEqual({ status: 204, body: null });
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'delete',
      before: { code: 'TRN', name: 'Torino Lingotto' },
      after: null,
    });
    expect((await api.send('GET', `/api/v1/admin/sites/${turinId}`)).status).toBe(404);
    expect((await api.send('DELETE', `/api/v1/admin/sites/${turinId}`)).status).toBe(404);
  });
});
