import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { ADMIN, startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

describe.each(testEngines())('the audit log on $name', (engine) => {
  let api: AdminTestServer;
  let started: number;
  const codes = ['A1', 'A2', 'A3', 'A4', 'A5'];
  const ids: number[] = [];

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
    started = Date.now();
    for (const code of codes) {
      const created = await api.send('POST', '/api/v1/admin/carriers', { json: { code, name: code } });
      ids.push(created.body.id);
    }
    await api.send('PATCH', `/api/v1/admin/carriers/${ids[0]}`, { json: { name: 'First' } });
    await api.send('POST', '/api/v1/admin/departments', { json: { code: 'OPS', name: 'Operations' } });
  });
  afterAll(() => api.close());

  it('reads newest first, a page at a time, with a cursor to the next page', async () => {
    const first = await api.send('GET', '/api/v1/admin/audit?limit=3');
    expect(first.status).toBe(200);
    expect(
      first.body.entries.map(
        (entry: { entityType: string; action: string }) => `${entry.action} ${entry.entityType}`,
      ),
    ).toEqual(['create department', 'update carrier', 'create carrier']);
    expect(first.body.entries[0]).toMatchObject({
      actorObjectId: ADMIN.objectId,
      actorName: ADMIN.upn,
      requestId: expect.any(String),
    });
    const second = await api.send('GET', `/api/v1/admin/audit?limit=3&cursor=${first.body.nextCursor}`);
    const third = await api.send('GET', `/api/v1/admin/audit?limit=3&cursor=${second.body.nextCursor}`);
    expect(third.body.nextCursor).toBeNull();
    const all = [...first.body.entries, ...second.body.entries, ...third.body.entries];
    expect(all).toHaveLength(7);
    expect(new Set(all.map((entry: { id: number }) => entry.id)).size).toBe(7);
    expect((await api.send('GET', '/api/v1/admin/audit?cursor=nonsense')).status).toBe(400);
  });

  it('filters by entity type, one entity, actor and time', async () => {
    const carriers = await api.send('GET', '/api/v1/admin/audit?entity=carrier');
    expect(carriers.body.entries).toHaveLength(6);
    const one = await api.send('GET', `/api/v1/admin/audit?entity=carrier:${ids[0]}`);
    expect(one.body.entries.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect(one.body.entries[0]).toMatchObject({ before: { name: 'A1' }, after: { name: 'First' } });
    expect(
      (await api.send('GET', `/api/v1/admin/audit?actor=${ADMIN.upn.toUpperCase()}`)).body.entries,
    ).toHaveLength(7);
    expect((await api.send('GET', `/api/v1/admin/audit?actor=${ADMIN.objectId}`)).body.entries).toHaveLength(
      7,
    );
    expect((await api.send('GET', '/api/v1/admin/audit?actor=someone@contoso.com')).body.entries).toEqual([]);
    const from = new Date(started - 1000).toISOString();
    expect((await api.send('GET', `/api/v1/admin/audit?from=${from}`)).body.entries).toHaveLength(7);
    expect((await api.send('GET', `/api/v1/admin/audit?to=${from}`)).body.entries).toEqual([]);
    expect((await api.send('GET', '/api/v1/admin/audit?from=2000-01-01&to=2000-01-02')).body.entries).toEqual(
      [],
    );
    expect((await api.send('GET', '/api/v1/admin/audit?entity=Carrier!')).status).toBe(400);
  });
});
