import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { testRecord } from '../../miner/test-company.js';
import { startAdminTestServer, type AdminTestServer } from './test-admin-server.js';

const GROUP = '6c1f0a52-3b7e-4d7a-9f0e-2a4b5c6d7e8f';

describe.each(testEngines())('department administration on $name', (engine) => {
  let api: AdminTestServer;
  let ids: Record<string, number>;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
    const list = (await api.send('GET', '/api/v1/admin/departments')).body as { id: number; code: string }[];
    ids = Object.fromEntries(list.map((department) => [department.code, department.id]));
  });
  afterAll(() => api.close());

  it('lists departments flat with parentId, or as a tree', async () => {
    const flat = await api.send('GET', '/api/v1/admin/departments');
    expect(flat.body).toEqual([
      {
        id: ids.SALES,
        code: 'SALES',
        name: 'Sales',
        parentId: null,
        costCenter: null,
        supervisorGroupId: null,
      },
      {
        id: ids['SALES-IT'],
        code: 'SALES-IT',
        name: 'Sales Italy',
        parentId: ids.SALES,
        costCenter: null,
        supervisorGroupId: null,
      },
    ]);
    const tree = await api.send('GET', '/api/v1/admin/departments?shape=tree');
    expect(tree.body).toEqual([{ ...flat.body[0], children: [{ ...flat.body[1], children: [] }] }]);
    expect((await api.send('GET', '/api/v1/admin/departments?shape=round')).status).toBe(400);
    expect((await api.send('GET', `/api/v1/admin/departments/${ids['SALES-IT']}`)).body.code).toBe(
      'SALES-IT',
    );
    expect((await api.send('GET', '/api/v1/admin/departments/9999')).status).toBe(404);
  });

  it('creates a department under a parent, with its supervisor group; an unknown parent is a 400', async () => {
    const [row] = await api.auditOf(async () => {
      const created = await api.send('POST', '/api/v1/admin/departments', {
        json: { code: 'SALES-MI', name: 'Sales Milan', parentId: ids['SALES-IT'], supervisorGroupId: GROUP },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        parentId: ids['SALES-IT'],
        supervisorGroupId: GROUP,
        costCenter: null,
      });
      ids['SALES-MI'] = created.body.id;
    });
    expect(row).toMatchObject({ action: 'create', entityType: 'department', after: { code: 'SALES-MI' } });
    const orphan = await api.send('POST', '/api/v1/admin/departments', {
      json: { code: 'X', name: 'X', parentId: 9999 },
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.message).toBe('parentId: no department 9999');
    const badGroup = await api.send('POST', '/api/v1/admin/departments', {
      json: { code: 'Y', name: 'Y', supervisorGroupId: 'sales-managers' },
    });
    expect(badGroup.status).toBe(400);
    expect(badGroup.body.error.message).toMatch(/^supervisorGroupId: must be a GUID/);
  });

  it('changes the supervisor group and the parent, and refuses a department under itself or below it', async () => {
    const [row] = await api.auditOf(async () => {
      const moved = await api.send('PATCH', `/api/v1/admin/departments/${ids['SALES-MI']}`, {
        json: { parentId: ids.SALES, supervisorGroupId: null, costCenter: 'CC-42' },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ parentId: ids.SALES, supervisorGroupId: null, costCenter: 'CC-42' });
    });
    expect(row).toMatchObject({
      action: 'update',
      before: { parentId: ids['SALES-IT'], supervisorGroupId: GROUP, costCenter: null },
      after: { parentId: ids.SALES, supervisorGroupId: null, costCenter: 'CC-42' },
    });

    const audit = await api.auditOf(async () => {
      const self = await api.send('PATCH', `/api/v1/admin/departments/${ids.SALES}`, {
        json: { parentId: ids.SALES },
      });
      expect(self.status).toBe(409);
      expect(self.body.error.message).toBe('department SALES cannot be under itself');
      const below = await api.send('PATCH', `/api/v1/admin/departments/${ids.SALES}`, {
        json: { parentId: ids['SALES-IT'] },
      });
      expect(below.status).toBe(409);
      expect(below.body.error.message).toBe(
        'department SALES cannot be under SALES-IT, which is below it (SALES > SALES-IT)',
      );
    });
    expect(audit).toEqual([]);
  });

  it('refuses to delete a department with users, sub-departments or calls, naming them', async () => {
    await api.mine([testRecord()]);
    const withUsers = await api.send('DELETE', `/api/v1/admin/departments/${ids['SALES-IT']}`);
    expect(withUsers.status).toBe(409);
    expect(withUsers.body.error.message).toBe('department SALES-IT is still used by 1 user and stored calls');
    const withChildren = await api.send('DELETE', `/api/v1/admin/departments/${ids.SALES}`);
    expect(withChildren.body.error.message).toBe(
      'department SALES is still used by 1 user and 2 sub-departments',
    );
  });

  it('deletes a department nothing uses', async () => {
    const [row, ...more] = await api.auditOf(async () => {
      expect((await api.send('DELETE', `/api/v1/admin/departments/${ids['SALES-MI']}`)).status).toBe(204);
    });
    expect(more).toEqual([]);
    expect(row).toMatchObject({ action: 'delete', before: { code: 'SALES-MI' }, after: null });
    expect((await api.send('GET', `/api/v1/admin/departments/${ids['SALES-MI']}`)).status).toBe(404);
  });
});
