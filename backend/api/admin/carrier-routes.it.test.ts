import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { testRecord } from '../../miner/test-company.js';
import { startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

describe.each(testEngines())('carrier administration on $name', (engine) => {
  let api: AdminTestServer;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
  });
  afterAll(() => api.close());

  it('lists, creates, renames and deletes a carrier, one audit row each', async () => {
    expect((await api.send('GET', '/api/v1/admin/carriers')).body).toEqual([
      { id: expect.any(Number), code: 'telco-it', name: 'Telco Italia' },
      { id: expect.any(Number), code: 'telco-uk', name: 'Telco UK' },
    ]);
    let id = 0;
    const rows = await api.auditOf(async () => {
      const created = await api.send('POST', '/api/v1/admin/carriers', {
        json: { code: 'fastweb', name: 'Fastweb' },
      });
      expect(created.status).toBe(201);
      id = created.body.id;
      const renamed = await api.send('PATCH', `/api/v1/admin/carriers/${id}`, {
        json: { name: 'Fastweb S.p.A.' },
      });
      expect(renamed.body).toEqual({ id, code: 'fastweb', name: 'Fastweb S.p.A.' });
      expect((await api.send('DELETE', `/api/v1/admin/carriers/${id}`)).status).toBe(204);
    });
    expect(rows.map((row) => [row.action, row.entityType, row.entityKey, row.before, row.after])).toEqual([
      ['create', 'carrier', String(id), null, { id, code: 'fastweb', name: 'Fastweb' }],
      [
        'update',
        'carrier',
        String(id),
        { id, code: 'fastweb', name: 'Fastweb' },
        { id, code: 'fastweb', name: 'Fastweb S.p.A.' },
      ],
      ['delete', 'carrier', String(id), { id, code: 'fastweb', name: 'Fastweb S.p.A.' }, null],
    ]);
  });

  it('refuses a taken code (409), a bad code (400) and unknown ids (404)', async () => {
    expect(
      (await api.send('POST', '/api/v1/admin/carriers', { json: { code: 'telco-it', name: 'x' } })).status,
    ).toBe(409);
    const bad = await api.send('POST', '/api/v1/admin/carriers', { json: { code: 'telco it', name: 'x' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^code: /);
    expect((await api.send('PATCH', '/api/v1/admin/carriers/9999', { json: { name: 'x' } })).status).toBe(
      404,
    );
    expect((await api.send('DELETE', '/api/v1/admin/carriers/9999')).status).toBe(404);
  });

  it('refuses to delete a carrier with plans, routes and calls, naming them', async () => {
    await api.mine([testRecord()]);
    const telcoIt = (await api.send('GET', '/api/v1/admin/carriers')).body[0];
    const refused = await api.send('DELETE', `/api/v1/admin/carriers/${telcoIt.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'carrier telco-it is still used by 1 tariff plan, 1 routing rule and stored calls',
    );
  });
});
