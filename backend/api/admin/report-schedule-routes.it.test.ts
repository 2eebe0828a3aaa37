import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../db/test-engines.js';
import { ReportScheduleAdmin } from '../../schedules/report-schedule-admin.js';
import { ReportScheduler } from '../../schedules/report-scheduler.js';
import { ADMIN, startAdminTestServer, testAuthenticate, type AdminTestServer } from './test-admin-server.js';

const MONTHLY = {
  name: 'Monthly department cost',
  report: 'departments',
  filters: { minCost: '0.50' },
  period: 'last-month',
  format: 'pdf',
  recipients: ['controller@example.org'],
  cron: '0 7 1 * *',
  timeZone: 'Europe/Rome',
};

describe.each(testEngines())('scheduled report administration on $name', (engine) => {
  let api: AdminTestServer;

  beforeAll(async () => {
    api = await startAdminTestServer(engine);
  });
  afterAll(() => api.close());

  it('creates, lists, replaces and deletes a schedule, one audit row each', async () => {
    let id = 0;
    const rows = await api.auditOf(async () => {
      const created = await api.send('POST', '/api/v1/admin/report-schedules', { json: MONTHLY });
      expect(created.status).toBe(201);
      id = created.body.id;
      expect(created.body).toMatchObject({ ...MONTHLY, enabled: true, lastRun: null });
      expect(created.body.nextRun).toMatch(/^\d{4}-\d{2}-01T0[56]:00:00\.000Z$/);
      const listed = await api.send('GET', '/api/v1/admin/report-schedules');
      expect(listed.body).toEqual([created.body]);
      const replaced = await api.send('PUT', `/api/v1/admin/report-schedules/${id}`, {
        json: { ...MONTHLY, enabled: false, format: 'xlsx' },
      });
      expect(replaced.body).toMatchObject({ id, format: 'xlsx', enabled: false, nextRun: null });
      expect((await api.send('DELETE', `/api/v1/admin/report-schedules/${id}`)).status).toBe(204);
    });
    expect(rows.map((row) => [row.action, row.entityType, row.entityKey])).toEqual([
      ['create', 'report-schedule', String(id)],
      ['update', 'report-schedule', String(id)],
      ['delete', 'report-schedule', String(id)],
    ]);
    expect(rows[0]?.after).toMatchObject({ createdBy: ADMIN.objectId, filters: { minCost: '0.50' } });
  });

  it('says clearly what is wrong with a cron expression, a time zone, a recipient or a filter', async () => {
    const problems = async (changes: Record<string, unknown>) => {
      const response = await api.send('POST', '/api/v1/admin/report-schedules', {
        json: { ...MONTHLY, ...changes },
      });
      expect(response.status).toBe(400);
      return response.body.error.details as string[];
    };
    expect(await problems({ cron: '0 7 * *' })).toEqual([
      expect.stringMatching(/^cron: "0 7 \* \*" has 4 fields; a schedule has 5: minute hour/),
    ]);
    expect(await problems({ cron: '0 24 * * *' })).toEqual([
      expect.stringMatching(/^cron: .*hour: 24 is a invalid/),
    ]);
    expect(await problems({ timeZone: 'Europe/Atlantis' })).toEqual([
      expect.stringMatching(/^timeZone: "Europe\/Atlantis" is not a time zone/),
    ]);
    expect(await problems({ recipients: ['channel:team/chan'] })).toEqual([
      expect.stringMatching(
        /^recipients\.0: channel:team\/chan: chats and channels receive the Teams card format only/,
      ),
    ]);
    expect(await problems({ format: 'card', report: 'calls', recipients: ['conversation:19:abc'] })).toEqual([
      expect.stringMatching(/^format: a Teams card shows summary, departments, users, destinations/),
    ]);
    expect(await problems({ filters: { department: 'sales' } })).toEqual([
      expect.stringMatching(/^filters\.department: /),
    ]);
  });

  it('answers 404 for an unknown schedule and 503 for send now without a scheduler', async () => {
    expect((await api.send('PUT', '/api/v1/admin/report-schedules/9999', { json: MONTHLY })).status).toBe(
      404,
    );
    expect((await api.send('POST', '/api/v1/admin/report-schedules/9999/run')).status).toBe(404);
    const created = await api.send('POST', '/api/v1/admin/report-schedules', { json: MONTHLY });
    const run = await api.send('POST', `/api/v1/admin/report-schedules/${created.body.id}/run`);
    expect(run.status).toBe(503);
    expect((await api.send('GET', '/api/v1/admin/report-schedules', { as: 'employee' })).status).toBe(403);
  });

  it('sends a schedule now through the scheduler, shown as its last run', async () => {
    const now = () => Date.UTC(2026, 11, 2, 9);
    const admin = await testAuthenticate('Bearer admin');
    const scheduler = new ReportScheduler({
      database: api.database,
      now,
      principals: { principalOf: async ({ objectId }) => (objectId === ADMIN.objectId ? admin : null) },
    });
    const schedules = new ReportScheduleAdmin(api.database, scheduler, now);
    const actor = { principal: admin, requestId: null };
    const created = await api.send('POST', '/api/v1/admin/report-schedules', { json: MONTHLY });
    const outcome = await schedules.runNow(actor, created.body.id);
    expect(outcome).toMatchObject({ status: 'done', messages: 1, problems: [], dueAt: now() });
    const listed = (await schedules.list(actor)).find((schedule) => schedule.id === created.body.id);
    expect(listed?.lastRun).toEqual({
      dueAt: '2026-12-02T09:00:00.000Z',
      status: 'done',
      finishedAt: '2026-12-02T09:00:00.000Z',
    });
    const message = await api.database.kysely.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(message.dedupe_key).toBe(`report:${created.body.id}:${now()}:email:controller@example.org`);
    expect(JSON.parse(message.payload_json).subject).toBe(
      'Monthly department cost: last month (2026-11-01 to 2026-11-30)',
    );
  });
});
