import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

describe.each(testEngines())('alarm rule administration on $name', (engine) => {
  let api: AdminTestServer;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
  });
  afterAll(() => api.close());

  const budget = {
    name: 'Sales monthly budget',
    kind: 'budget',
    definition: { subject: 'department', period: 'month', budget: '1500.00', thresholds: [80, 100] },
    recipients: { channels: ['teams', 'email'], toSupervisors: true, emails: ['controller@contoso.com'] },
  };

  it('creates, replaces and deletes a rule, one audit row each', async () => {
    let id = 0;
    const rows = await api.auditOf(async () => {
      const created = await api.send('POST', '/api/v1/admin/alarm-rules', { json: budget });
      expect(created.status).toBe(201);
      id = created.body.id;
      expect(created.body).toEqual({ id, enabled: true, ...budget });
      const replaced = await api.send('PUT', `/api/v1/admin/alarm-rules/${id}`, {
        json: { ...budget, enabled: false },
      });
      expect(replaced.body.enabled).toBe(false);
      expect((await api.send('GET', '/api/v1/admin/alarm-rules')).body).toEqual([replaced.body]);
      expect((await api.send('DELETE', `/api/v1/admin/alarm-rules/${id}`)).status).toBe(204);
    });
    expect(rows.map((row) => [row.action, row.entityType, row.entityKey])).toEqual([
      ['create', 'alarm-rule', String(id)],
      ['update', 'alarm-rule', String(id)],
      ['delete', 'alarm-rule', String(id)],
    ]);
    expect((await api.send('DELETE', `/api/v1/admin/alarm-rules/${id}`)).status).toBe(404);
  });

  it('names each wrong field of a definition and of the recipients', async () => {
    const response = await api.send('POST', '/api/v1/admin/alarm-rules', {
      json: {
        ...budget,
        definition: { subject: 'team', period: 'month', budget: '1.2345678' },
        recipients: { emails: ['not-an-address'], conversations: ['somewhere'] },
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('the budget alarm rule is not valid');
    expect(response.body.error.details).toEqual([
      expect.stringMatching(/^definition\.subject: /),
      expect.stringMatching(/^definition\.budget: budget: not an amount with at most 6 decimals/),
      expect.stringMatching(/^recipients\.emails\.0: must be an e-mail address/),
      expect.stringMatching(/^recipients\.conversations\.0: must be person:/),
    ]);
    const single = await api.send('POST', '/api/v1/admin/alarm-rules', {
      json: { name: 'Long call', kind: 'single_call', definition: {} },
    });
    expect(single.body.error.details).toEqual([
      'definition: give maxCost (or maxCostMicro), maxDurationSec, or both',
    ]);
  });

  it('keeps alarm rules to admins', async () => {
    expect((await api.send('GET', '/api/v1/admin/alarm-rules', { as: 'employee' })).status).toBe(403);
    expect(
      (await api.send('POST', '/api/v1/admin/alarm-rules', { as: 'employee', json: budget })).status,
    ).toBe(403);
  });
});
