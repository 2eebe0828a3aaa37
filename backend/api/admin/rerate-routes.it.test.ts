import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoriesFor } from '../../db/repositories.js';
import { testEngines } from '../../db/test-engines.js';
import { testRecord } from '../../miner/test-company.js';
import { startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

describe.each(testEngines())('re-rating from administration on $name', (engine) => {
  let api: AdminTestServer;
  const call = testRecord();

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
    await api.mine([call]);
  });
  afterAll(() => api.close());

  const stored = async () =>
    (await repositoriesFor(api.database.kysely, api.database).calls.findBySource('sfb', call.sourceId))!;

  it('prices stored calls again after a rate deck import, and audits what it did', async () => {
    expect((await stored()).cost).toBe(40_000);
    const plan = (await api.send('GET', '/api/v1/admin/tariff-plans')).body[0];
    await api.send('PUT', `/api/v1/admin/tariff-plans/${plan.id}/rates`, {
      text: 'prefix,label,pricePerMinute,increments\n39,Italia fisso,0.05,60/60\n',
    });
    expect((await stored()).cost).toBe(40_000);
    const [row, ...more] = await api.auditOf(async () => {
      const rerated = await api.send('POST', '/api/v1/admin/rerate', {
        json: { from: '2026-02-01', to: '2026-02-28', carrier: 'telco-it' },
      });
      expect(rerated.status).toBe(200);
      expect(rerated.body).toEqual({ days: 1, calls: 1, changed: 1, skipped: 0 });
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      action: 'rerate',
      entityType: 'calls',
      entityKey: '20260201-20260228 telco-it',
      before: null,
      after: {
        fromDay: 20260201,
        toDay: 20260228,
        carrier: 'telco-it',
        days: 1,
        calls: 1,
        changed: 1,
        skipped: 0,
      },
    });
    expect(await stored()).toMatchObject({ cost: 100_000, label: 'Italia fisso', ratingStatus: 'rated' });
  });

  it('refuses a range that ends before it starts, a bad date and an unknown carrier', async () => {
    const audit = await api.auditOf(async () => {
      const backwards = await api.send('POST', '/api/v1/admin/rerate', {
        json: { from: '2026-02-28', to: '2026-02-01' },
      });
      expect(backwards.status).toBe(400);
      expect(
        (await api.send('POST', '/api/v1/admin/rerate', { json: { from: '2026-02-30', to: '2026-03-01' } }))
          .status,
      ).toBe(400);
      const carrier = await api.send('POST', '/api/v1/admin/rerate', {
        json: { from: '2026-02-01', to: '2026-02-28', carrier: 'nobody' },
      });
      expect(carrier.status).toBe(400);
      expect(carrier.body.error).toEqual({
        code: 'invalid-input',
        message: 'carrier: no carrier "nobody"',
        details: ['carriers: telco-it, telco-uk'],
      });
    });
    expect(audit).toEqual([]);
  });
});
