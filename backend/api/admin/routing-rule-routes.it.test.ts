import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

describe.each(testEngines())('routing rule administration on $name', (engine) => {
  let api: AdminTestServer;
  let carrier: Record<string, number>;
  let site: Record<string, number>;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
    const carriers = (await api.send('GET', '/api/v1/admin/carriers')).body as { id: number; code: string }[];
    carrier = Object.fromEntries(carriers.map((entry) => [entry.code, entry.id]));
    const sites = (await api.send('GET', '/api/v1/admin/sites')).body as { id: number; code: string }[];
    site = Object.fromEntries(sites.map((entry) => [entry.code, entry.id]));
  });
  afterAll(() => api.close());

  it('lists the rules by priority', async () => {
    expect((await api.send('GET', '/api/v1/admin/routing-rules')).body).toEqual([
      {
        id: expect.any(Number),
        priority: 10,
        siteId: site.MIL,
        trunk: null,
        prefix: null,
        carrierId: carrier['telco-it'],
      },
      {
        id: expect.any(Number),
        priority: 10,
        siteId: site.LON,
        trunk: 'gw-lon-1',
        prefix: null,
        carrierId: carrier['telco-uk'],
      },
    ]);
  });

  it('replaces every rule in one request, with one audit row holding both lists', async () => {
    const before = (await api.send('GET', '/api/v1/admin/routing-rules')).body;
    const rules = [
      { priority: 5, siteId: site.LON, prefix: '44', carrierId: carrier['telco-uk'] },
      { priority: 20, carrierId: carrier['telco-it'] },
    ];
    const [row, ...more] = await api.auditOf(async () => {
      const replaced = await api.send('PUT', '/api/v1/admin/routing-rules', { json: { rules } });
      expect(replaced.status).toBe(200);
      expect(replaced.body).toEqual([
        {
          id: expect.any(Number),
          priority: 5,
          siteId: site.LON,
          trunk: null,
          prefix: '44',
          carrierId: carrier['telco-uk'],
        },
        {
          id: expect.any(Number),
          priority: 20,
          siteId: null,
          trunk: null,
          prefix: null,
          carrierId: carrier['telco-it'],
        },
      ]);
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({ action: 'update', entityType: 'routing-rules', entityKey: 'all', before });
    expect(row!.after).toEqual((await api.send('GET', '/api/v1/admin/routing-rules')).body);
    // The London call that no rule took before now goes to Telco UK.
    const preview = await api.send('POST', '/api/v1/admin/tariffs/preview', {
      json: {
        siteId: site.LON,
        number: '9020 7946 0000',
        startedAt: '2026-02-03T09:00:00Z',
        durationSec: 60,
      },
    });
    expect(preview.body).toMatchObject({ status: 'rated', carrier: { code: 'telco-uk' } });
  });

  it('refuses unknown sites and carriers and two rules for the same calls, changing nothing', async () => {
    const before = (await api.send('GET', '/api/v1/admin/routing-rules')).body;
    const audit = await api.auditOf(async () => {
      const refused = await api.send('PUT', '/api/v1/admin/routing-rules', {
        json: {
          rules: [
            { priority: 1, siteId: 9999, carrierId: carrier['telco-it'] },
            { priority: 2, carrierId: 9999 },
            { priority: 3, trunk: 'GW-1', carrierId: carrier['telco-it'] },
            { priority: 3, trunk: 'gw-1', carrierId: carrier['telco-uk'] },
          ],
        },
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toEqual({
        code: 'invalid-input',
        message: 'the routing rules were not changed',
        details: [
          'rules.0.siteId: no site 9999',
          'rules.1.carrierId: no carrier 9999',
          'rules.3: matches the same calls at the same priority as rules.2',
        ],
      });
      const shape = await api.send('PUT', '/api/v1/admin/routing-rules', {
        json: { rules: [{ priority: 1, prefix: '+44', carrierId: 1 }] },
      });
      expect(shape.status).toBe(400);
      expect(shape.body.error.message).toBe('rules.0.prefix: must be E.164 digits without "+"');
    });
    expect(audit).toEqual([]);
    expect((await api.send('GET', '/api/v1/admin/routing-rules')).body).toEqual(before);
  });
});
