import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import type { ReportScheduleInput } from '../db/report-schedule.repository.js';
import { repositoriesFor } from '../db/repositories.js';
import { testEngines } from '../db/test-engines.js';
import type { Principal } from '../domain/principal.js';
import { principalFor, seedReportData, type ReportData } from '../reports/test-report-data.js';
import type { SchedulePrincipals } from './schedule-audiences.js';
import { ReportScheduler, RUN_LEASE_MS } from './report-scheduler.js';
import { readNotifySettings } from '../config/notify-settings.js';
import { createNotifiers } from '../notify/notifier.js';
import { startOutboxWorker } from '../notify/outbox-worker.js';
import { ReportService } from '../reports/report.service.js';
import { SmtpStandIn } from '../testing/smtp-stand-in.js';

const ADMIN_OID = '00000000-0000-4000-8000-00000000000a';
const ANNA_OID = '00000000-0000-4000-8000-0000000000a1';
const utc = (text: string) => Date.parse(text);

/** A clock the test moves by hand. */
class FakeClock {
  constructor(public at: number) {}
  readonly now = () => this.at;
}

/** The directory's people as sign-in would resolve them: the admin, and Anna, supervisor of Sales. */
function testPrincipals(data: ReportData): SchedulePrincipals {
  const sales = [data.departments.sales, data.departments.north];
  return {
    async principalOf({ objectId, upn }) {
      if (objectId === ADMIN_OID)
        return { ...principalFor('admin', null, { kind: 'all' }), objectId: ADMIN_OID };
      if (objectId === ANNA_OID || upn === 'anna@contoso.com')
        return {
          ...principalFor('supervisor', data.users.anna, { kind: 'departments', departmentIds: sales }),
          objectId: ANNA_OID,
          upn: 'anna@contoso.com',
        } satisfies Principal;
      return null;
    },
  };
}

const DAILY_PDF: ReportScheduleInput = {
  name: 'Daily cost',
  report: 'summary',
  filters: {},
  period: 'yesterday',
  format: 'pdf',
  recipients: ['controller@example.org'],
  cron: '0 7 * * *',
  timeZone: 'Europe/Rome',
  enabled: true,
};

describe.each(testEngines())('report scheduler on $name', (engine) => {
  let database: Database;
  let data: ReportData;
  afterEach(() => database.close());

  async function setUp(start: string) {
    database = await engine.open();
    await migrateToLatest(database);
    data = await seedReportData(database);
    const clock = new FakeClock(utc(start));
    const repos = repositoriesFor(database.kysely, database, clock.now);
    const scheduler = (instanceId: string) =>
      new ReportScheduler({ database, now: clock.now, principals: testPrincipals(data), instanceId });
    return { clock, repos, scheduler };
  }

  const runs = () => database.kysely.selectFrom('schedule_runs').selectAll().orderBy('due_at').execute();
  const outbox = () => database.kysely.selectFrom('outbox').selectAll().orderBy('id').execute();

  it('runs at 07:00 Rome time on each side of the change to summer time', async () => {
    const { clock, repos, scheduler } = await setUp('2026-03-27T12:00:00Z');
    const schedule = await repos.schedules.create(DAILY_PDF, ADMIN_OID);
    const server = scheduler('one');
    const sentAt: string[] = [];
    for (; clock.at <= utc('2026-03-31T12:00:00Z'); clock.at += 15 * 60_000)
      for (const outcome of await server.runDue()) {
        // The run is made at the tick that reaches its due time, for that due time.
        expect(outcome.dueAt).toBe(clock.at);
        sentAt.push(new Date(clock.at).toISOString());
      }
    expect(sentAt).toEqual([
      '2026-03-28T06:00:00.000Z',
      '2026-03-29T05:00:00.000Z',
      '2026-03-30T05:00:00.000Z',
      '2026-03-31T05:00:00.000Z',
    ]);
    expect((await runs()).map((run) => [Number(run.due_at), run.status])).toEqual(
      sentAt.map((at) => [utc(at), 'done']),
    );
    const messages = await outbox();
    expect(messages.map((message) => message.dedupe_key)).toEqual(
      sentAt.map((at) => `report:${schedule.id}:${utc(at)}:email:controller@example.org`),
    );
    // The run of Sunday 29 March reports on Saturday 28, the Rome calendar's yesterday.
    const sunday = JSON.parse(messages[1]?.payload_json ?? '{}') as {
      subject: string;
      attachments: { filename: string }[];
    };
    expect(sunday.subject).toBe('Daily cost: yesterday (2026-03-28 to 2026-03-28)');
    expect(sunday.attachments[0]?.filename).toBe('summary_2026-03-28_2026-03-28.pdf');
  });

  it('runs at 07:00 Rome time on each side of the change back to winter time', async () => {
    const { clock, repos, scheduler } = await setUp('2026-10-24T00:00:00Z');
    await repos.schedules.create(DAILY_PDF, ADMIN_OID);
    const server = scheduler('one');
    for (; clock.at <= utc('2026-10-26T12:00:00Z'); clock.at += 30 * 60_000) await server.runDue();
    expect((await runs()).map((run) => new Date(Number(run.due_at)).toISOString())).toEqual([
      '2026-10-24T05:00:00.000Z',
      '2026-10-25T06:00:00.000Z',
      '2026-10-26T06:00:00.000Z',
    ]);
  });

  it('makes a run missed while down once at start-up, not once per missed day', async () => {
    const { clock, repos, scheduler } = await setUp('2026-11-02T08:00:00Z');
    await repos.schedules.create(DAILY_PDF, ADMIN_OID);
    // Created after today's 07:00: nothing is due before tomorrow.
    expect(await scheduler('one').runDue()).toEqual([]);
    clock.at = utc('2026-11-06T12:00:00Z');
    const afterDowntime = scheduler('restarted');
    const outcomes = await afterDowntime.runDue();
    expect(outcomes.map((outcome) => new Date(outcome.dueAt).toISOString())).toEqual([
      '2026-11-06T06:00:00.000Z',
    ]);
    expect(await afterDowntime.runDue()).toEqual([]);
    expect(await outbox()).toHaveLength(1);
  });

  it('sends each run once when two servers run the schedules at the same time', async () => {
    const { clock, repos, scheduler } = await setUp('2026-11-30T12:00:00Z');
    await repos.schedules.create(
      { ...DAILY_PDF, recipients: ['controller@example.org', 'person:anna@contoso.com'] },
      ADMIN_OID,
    );
    clock.at = utc('2026-12-01T06:00:30Z');
    const [first, second] = await Promise.all([scheduler('one').runDue(), scheduler('two').runDue()]);
    expect([...(first ?? []), ...(second ?? [])]).toHaveLength(1);
    expect(await runs()).toHaveLength(1);
    expect((await outbox()).map((message) => message.recipient).sort()).toEqual([
      'anna@contoso.com',
      'controller@example.org',
    ]);
    expect(await scheduler('two').runDue()).toEqual([]);
  });

  it('takes over a run whose server died once its lease has ended, and never repeats a finished one', async () => {
    const { clock, repos, scheduler } = await setUp('2026-11-30T12:00:00Z');
    const schedule = await repos.schedules.create(DAILY_PDF, ADMIN_OID);
    clock.at = utc('2026-12-01T06:01:00Z');
    const dueAt = utc('2026-12-01T06:00:00Z');
    expect(await repos.scheduleRuns.claim(schedule.id, dueAt, 'crashed', RUN_LEASE_MS)).not.toBeNull();
    clock.at += RUN_LEASE_MS - 60_000;
    expect(await scheduler('survivor').runDue()).toEqual([]);
    expect(await outbox()).toHaveLength(0);
    clock.at += 2 * 60_000;
    expect(await scheduler('survivor').runDue()).toMatchObject([
      { scheduleId: schedule.id, dueAt, status: 'done', messages: 1 },
    ]);
    expect(await runs()).toMatchObject([{ claimed_by: 'survivor', status: 'done' }]);
    clock.at += RUN_LEASE_MS * 3;
    expect(await scheduler('third').runDue()).toEqual([]);
    expect(await outbox()).toHaveLength(1);
  });

  it("sends a supervisor a document of their departments only, and an outside address the schedule's scope", async () => {
    const { clock, repos, scheduler } = await setUp('2026-11-20T12:00:00Z');
    const schedule = await repos.schedules.create(
      {
        ...DAILY_PDF,
        name: 'Monthly departments',
        report: 'departments',
        period: 'last-month',
        format: 'csv',
        cron: '0 7 1 * *',
        // Bruno is in the directory, but his rights cannot be resolved: he must not get the schedule's.
        recipients: ['person:anna@contoso.com', 'controller@example.org', 'bruno@contoso.com'],
      },
      ADMIN_OID,
    );
    clock.at = utc('2026-12-01T06:30:00Z');
    const [outcome] = await scheduler('one').runDue();
    expect(outcome).toMatchObject({ scheduleId: schedule.id, status: 'done', messages: 2 });
    expect(outcome?.problems).toEqual(['bruno@contoso.com: their rights cannot be resolved; skipped']);
    const documents = new Map(
      (await outbox()).map((message) => {
        const payload = JSON.parse(message.payload_json) as {
          html: string;
          attachments: { contentBase64: string }[];
        };
        const csv = Buffer.from(payload.attachments[0]?.contentBase64 ?? '', 'base64').toString('utf8');
        return [message.recipient, { html: payload.html, rows: parse(csv, { bom: true }) as string[][] }];
      }),
    );
    const anna = documents.get('anna@contoso.com');
    expect(anna?.rows.map((row) => row[0])).toEqual(['Department', 'Sales North', 'Sales', 'Total']);
    expect(anna?.html).toContain('Covers: the departments Sales, Sales North');
    expect(anna?.html).not.toContain('Finance');
    const everyone = documents.get('controller@example.org');
    expect(everyone?.rows.map((row) => row[0])).toContain('Finance');
    expect(everyone?.rows.at(-1)?.[1]).toBe('24');
    expect(Number(anna?.rows.at(-1)?.[1])).toBeLessThan(24);
  });

  it("sends each member of a group a document made with the member's own rights, never the schedule's", async () => {
    const { clock, repos } = await setUp('2026-11-20T12:00:00Z');
    const GROUP = '00000000-0000-4000-8000-0000000000f1';
    const groups = {
      members: async (groupId: string) =>
        groupId === GROUP
          ? [
              { id: ANNA_OID, mail: 'anna@contoso.com', userPrincipalName: 'anna@contoso.com' },
              {
                id: '00000000-0000-4000-8000-0000000000ff',
                mail: null,
                userPrincipalName: 'gone@contoso.com',
              },
            ]
          : [],
    };
    const schedule = await repos.schedules.create(
      {
        ...DAILY_PDF,
        name: 'Monthly departments to the managers',
        report: 'departments',
        period: 'last-month',
        format: 'csv',
        cron: '0 7 1 * *',
        recipients: [`group:${GROUP}`],
      },
      ADMIN_OID,
    );
    clock.at = utc('2026-12-01T06:30:00Z');
    const withGroups = new ReportScheduler({
      database,
      now: clock.now,
      principals: testPrincipals(data),
      instanceId: 'one',
      groups,
    });
    const [outcome] = await withGroups.runDue();
    expect(outcome).toMatchObject({ scheduleId: schedule.id, status: 'done', messages: 1 });
    expect(outcome?.problems.join('\n')).toContain('gone@contoso.com');
    const [message, ...others] = await outbox();
    expect(others).toEqual([]);
    expect(message?.recipient).toBe('anna@contoso.com');
    const payload = JSON.parse(message?.payload_json ?? '{}') as { attachments: { contentBase64: string }[] };
    const csv = Buffer.from(payload.attachments[0]?.contentBase64 ?? '', 'base64').toString('utf8');
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows.map((row) => row[0])).toEqual(['Department', 'Sales North', 'Sales', 'Total']);
  });

  it('sends nothing to a group it cannot list the members of, and says so', async () => {
    const { clock, repos, scheduler } = await setUp('2026-11-20T12:00:00Z');
    await repos.schedules.create(
      { ...DAILY_PDF, recipients: ['group:00000000-0000-4000-8000-0000000000f1'] },
      ADMIN_OID,
    );
    clock.at = utc('2026-11-21T06:30:00Z');
    const [outcome] = await scheduler('one').runDue();
    expect(outcome?.messages).toBe(0);
    expect(outcome?.problems.join('\n')).toContain('without Graph');
    expect(await outbox()).toEqual([]);
  });

  it("mails a supervisor's CSV through SMTP, its totals those of the report engine for her rights", async () => {
    const { clock, repos, scheduler } = await setUp('2026-11-20T12:00:00Z');
    await repos.schedules.create(
      {
        ...DAILY_PDF,
        name: 'Monthly departments by mail',
        report: 'departments',
        period: 'last-month',
        format: 'csv',
        cron: '0 7 1 * *',
        recipients: ['person:anna@contoso.com'],
      },
      ADMIN_OID,
    );
    clock.at = utc('2026-12-01T06:30:00Z');
    await scheduler('one').runDue();
    const smtp = await SmtpStandIn.start();
    try {
      const worker = startOutboxWorker({
        database,
        now: clock.now,
        pollMs: 60_000,
        notifiers: createNotifiers({
          settings: readNotifySettings({
            LEDGERLINE_MAIL_TRANSPORT: 'smtp',
            LEDGERLINE_SMTP_URL: smtp.url,
            LEDGERLINE_MAIL_FROM: 'billing@contoso.com',
          }),
          bot: null,
          repos,
          graph: null,
        }),
      });
      await worker.drain();
      await worker.stop();
    } finally {
      await smtp.close();
    }
    const [mail, ...others] = smtp.received;
    expect(others).toEqual([]);
    expect(mail?.to).toEqual(['anna@contoso.com']);
    expect(mail?.subject).toContain('Monthly departments by mail');
    const attachment = mail?.parts.find((part) => part.filename?.endsWith('.csv'));
    expect(attachment?.contentType).toMatch(/^text\/csv/);
    const rows = parse(attachment?.content.toString('utf8') ?? '', { bom: true }) as string[][];
    const header = rows[0] ?? [];
    const total = rows.find((row) => row[0] === 'Total') ?? [];
    const column = (name: string) => total[header.indexOf(name)];

    const anna = await testPrincipals(data).principalOf({ objectId: ANNA_OID, upn: null });
    const engine = await new ReportService(repos, { maskedDigits: 3 }).summary(anna as Principal, {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(Number(column('Calls'))).toBe(engine.totals.calls);
    expect(engine.totals.calls).toBeGreaterThan(0);
    for (const cost of engine.totals.cost)
      expect(Math.round(Number(column(`Cost ${cost.currency}`)) * 1_000_000)).toBe(cost.micro);
  });

  it("sends cards to a channel, and skips a person whose rights refuse the schedule's filter", async () => {
    const { clock, repos, scheduler } = await setUp('2026-11-20T12:00:00Z');
    await repos.schedules.create(
      {
        ...DAILY_PDF,
        format: 'card',
        filters: { department: data.departments.finance },
        recipients: [`person:${ANNA_OID}`, 'channel:team-1/channel-1', 'channel:team-1/channel-2'],
      },
      ADMIN_OID,
    );
    // An administrator let channel 1 see the company's figures; channel 2 was never given a setting.
    await repos.botChannelSettings.set('channel-1', { kind: 'company' }, ADMIN_OID, 'team-1');
    clock.at = utc('2026-11-21T07:00:00Z');
    const [outcome] = await scheduler('one').runDue();
    // Anna supervises Sales: Finance's figures are not hers to see, so she is sent nothing.
    expect(outcome).toMatchObject({ status: 'done', messages: 1 });
    expect(outcome?.problems).toEqual([
      expect.stringMatching(
        /^channel:team-1\/channel-2: figures are shown in a channel .* only once an administrator/,
      ),
      expect.stringMatching(new RegExp(`^person:${ANNA_OID}: You may not see`)),
    ]);
    const [message] = await outbox();
    expect([message?.channel, message?.recipient]).toEqual(['teams', 'channel:team-1/channel-1']);
    const body = JSON.stringify(
      (JSON.parse(message?.payload_json ?? '{}') as { card: { body: unknown } }).card.body,
    );
    expect(body).toContain('Scheduled report: Daily cost');
    expect(body).toContain('the whole company');
    expect((await runs())[0]?.error).toContain('You may not see the calls of department');
  });

  it('sends a bot subscription at 07:00 in the company time zone, once per due time', async () => {
    const { clock, repos } = await setUp('2026-11-20T12:00:00Z');
    await repos.botConversations.save({
      conversationId: '19:channel@thread.tacv2',
      kind: 'channel',
      tenantId: 'tenant',
      teamId: 'team-1',
      channelId: '19:channel@thread.tacv2',
      userObjectId: null,
      serviceUrl: 'https://smba.example/',
      reference: {},
    });
    await repos.botChannelSettings.set('19:channel@thread.tacv2', { kind: 'company' }, ADMIN_OID, 'team-1');
    const id = await repos.botSubscriptions.subscribe({
      conversationKey: '19:channel@thread.tacv2',
      conversationId: '19:channel@thread.tacv2',
      teamId: 'team-1',
      report: 'top-destinations',
      schedule: 'weekly',
      subscriberObjectId: ADMIN_OID,
    });
    const server = new ReportScheduler({
      database,
      now: clock.now,
      principals: testPrincipals(data),
      timeZone: 'Europe/Rome',
    });
    clock.at = utc('2026-11-23T05:59:00Z');
    expect(await server.runDue()).toEqual([]);
    clock.at = utc('2026-11-23T06:00:00Z');
    expect(await server.runDue()).toMatchObject([{ scheduleId: -id, status: 'done', messages: 1 }]);
    expect(await server.runDue()).toEqual([]);
    const [message] = await outbox();
    expect(message?.dedupe_key).toBe(`subscription:${id}:${utc('2026-11-23T06:00:00Z')}`);
    expect(message?.recipient).toBe('conversation:19:channel@thread.tacv2');
    const card = JSON.parse(message?.payload_json ?? '{}') as { card: { body: { text?: string }[] } };
    expect(JSON.stringify(card.card.body)).toContain('Your weekly report: Top destinations');
    expect(JSON.stringify(card.card.body)).toContain('16 Nov 2026 – 22 Nov 2026 · the whole company');
  });
});
