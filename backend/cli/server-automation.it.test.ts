import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAuthConfig } from '../auth/demo-sign-in.js';
import { readNotifySettings } from '../config/notify-settings.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { DEMO_COMPANY, setUpDemoCompany } from '../demo/demo-company.js';
import { demoGroupMembers } from '../demo/demo-group-members.js';
import { installDemoSchedules } from '../demo/demo-schedules.js';
import { SmtpStandIn } from '../testing/smtp-stand-in.js';
import { createReporter } from './reporter.js';
import { startServer, type RunningServer } from './serve-command.js';

describe('the server with its automation: scheduled reports sent through the outbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-automation-'));
  let database: Database;
  let smtp: SmtpStandIn;
  let server: RunningServer;
  const reporter = createReporter({ tty: false, stream: { write: () => true } as never });

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    await setUpDemoCompany(database);
    await installDemoSchedules(database);
    smtp = await SmtpStandIn.start();
    server = await startServer({
      database,
      spoolDir: join(dir, 'spool'),
      address: { port: 0, host: '127.0.0.1' },
      reporter,
      signIn: {
        kind: 'demo',
        config: demoAuthConfig(DEMO_COMPANY.adminGroupId),
        personas: Object.fromEntries(
          Object.entries(DEMO_COMPANY.personas).map(([role, persona]) => [role, persona.upn]),
        ),
      },
      maskDigits: 3,
      automation: {
        notify: readNotifySettings({
          LEDGERLINE_MAIL_TRANSPORT: 'smtp',
          LEDGERLINE_SMTP_URL: smtp.url,
          LEDGERLINE_MAIL_FROM: 'billing@contoso.com',
        }),
        timeZone: 'Europe/Rome',
        tabUrl: null,
        logoFile: null,
        alarmIntervalMs: 60_000,
        maskDigits: 3,
      },
      groupMembers: demoGroupMembers(DEMO_COMPANY, repositoriesFor(database.kysely, database)),
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
    await database?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('"send now" on a schedule makes its run, and the worker mails the PDF to the supervisor', async () => {
    const signIn = await fetch(`${server.url}/api/v1/demo/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'admin' }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    const schedules = (await (
      await fetch(`${server.url}/api/v1/admin/report-schedules`, { headers: auth })
    ).json()) as { id: number; name: string; format: string }[];
    const monthly = schedules.find((schedule) => schedule.format === 'pdf');
    expect(monthly).toBeDefined();

    const run = await fetch(`${server.url}/api/v1/admin/report-schedules/${monthly?.id}/run`, {
      method: 'POST',
      headers: auth,
    });
    expect(run.status).toBeLessThan(300);

    const supervisor = DEMO_COMPANY.personas.supervisor.upn;
    const deadline = Date.now() + 30_000;
    while (!smtp.received.some((mail) => mail.to.includes(supervisor)) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 200));
    const mail = smtp.received.find((candidate) => candidate.to.includes(supervisor));
    expect(mail?.subject).toContain(monthly?.name);
    const pdf = mail?.parts.find((part) => part.contentType === 'application/pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
    const outbox = await repositoriesFor(database.kysely, database).outbox.countByStatus();
    expect(outbox.sent).toBeGreaterThanOrEqual(1);
  }, 60_000);

  it('the demo groups: the admin group holds the admin persona, a supervisor group its supervisor', async () => {
    const groups = demoGroupMembers(DEMO_COMPANY, repositoriesFor(database.kysely, database));
    const admins = await groups.members(DEMO_COMPANY.adminGroupId);
    expect(admins.map((member) => member.userPrincipalName)).toEqual([DEMO_COMPANY.personas.admin.upn]);
    const [salesGroup] = DEMO_COMPANY.personas.supervisor.groupIds;
    const supervisors = await groups.members(salesGroup as string);
    expect(supervisors.map((member) => member.userPrincipalName)).toEqual([
      DEMO_COMPANY.personas.supervisor.upn,
    ]);
    expect(await groups.members('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });
});
