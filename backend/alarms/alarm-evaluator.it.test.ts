import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../db/test-engines.js';
import type { CallRecord } from '../domain/call-record.js';
import { testRecord } from '../miner/test-company.js';
import { encodePosition } from '../recorder/recorder-position.js';
import { evaluateAggregateRules, startAlarmEvaluator } from './alarm-evaluator.js';
import { openAlarmWorld, type AlarmWorld } from './test-alarm-world.js';

/** A call from Anna (Milan) starting at `iso`, `seconds` long, to `number` as dialled. */
const annaCall = (iso: string, number = '00212345678', seconds = 90): CallRecord =>
  testRecord({
    startedAt: iso,
    answeredAt: iso,
    endedAt: new Date(Date.parse(iso) + seconds * 1000).toISOString(),
    durationSec: seconds,
    callee: { uri: null, number },
  });
const at = (iso: string) => Date.parse(iso);

describe.each(testEngines())('budget, anomaly and health rules on a timer, on $name', (engine) => {
  let world: AlarmWorld;
  beforeEach(async () => {
    world = await openAlarmWorld(engine);
  });
  afterEach(async () => world.close());

  const alarms = () => world.repos.alarms.list({ scope: { kind: 'all' }, status: 'all', limit: 100 });

  it('raises a budget alarm once per threshold and month, by the clock it is given', async () => {
    const anna = (await world.repos.users.list()).find((user) => user.upn === 'anna.rossi@contoso.com')!;
    await world.addRule({
      name: 'Sales Italy monthly budget',
      kind: 'budget',
      definition: {
        subject: 'department',
        subjectId: anna.departmentId,
        period: 'month',
        budget: '0.10',
        thresholds: [50, 100],
        timeZone: 'Europe/Rome',
      },
      recipients: { emails: ['controller@contoso.com'], channels: ['email'] },
    });
    await world.addRule({
      name: 'Everyone’s generous budget',
      kind: 'budget',
      definition: { subject: 'user', period: 'week', budget: 100 },
      recipients: {},
    });
    // Two 90 s calls at 0.04 EUR each: 80% of the budget.
    await world.mine([annaCall('2026-02-10T09:00:00Z'), annaCall('2026-02-11T09:00:00Z')]);
    const first = await evaluateAggregateRules(world.database, at('2026-02-20T12:00:00Z'));
    expect(first).toMatchObject({ rules: 2, raised: 1, failed: [] });
    expect(await evaluateAggregateRules(world.database, at('2026-02-20T12:05:00Z'))).toMatchObject({
      raised: 0,
    });
    const [half] = await alarms();
    expect(half).toMatchObject({
      subjectKey: `department:${anna.departmentId}`,
      windowKey: 'month:202602:EUR@50',
      subjectLabel: 'Sales Italy',
      severity: 'warning',
      departmentId: anna.departmentId,
      detail:
        'Sales Italy has spent 0.08 EUR since 2026-02-01: 80% of the monthly budget of 0.10 EUR (threshold 50%).',
    });
    expect((await world.outbox()).map((row) => row.dedupeKey)).toEqual([
      `alarm:${half!.id}:email:controller@contoso.com`,
    ]);

    await world.mine([annaCall('2026-02-21T09:00:00Z')]);
    expect(await evaluateAggregateRules(world.database, at('2026-02-21T12:00:00Z'))).toMatchObject({
      raised: 1,
    });
    expect((await alarms())[0]).toMatchObject({ windowKey: 'month:202602:EUR@100', severity: 'critical' });
    // March has spent nothing yet.
    expect(await evaluateAggregateRules(world.database, at('2026-03-02T12:00:00Z'))).toMatchObject({
      raised: 0,
    });
  });

  it('writes one alarm when two evaluators race on the same window', async () => {
    await world.addRule({
      name: 'Tiny budget',
      kind: 'budget',
      definition: { subject: 'user', period: 'day', budgetMicro: 10_000, thresholds: [100] },
      recipients: { emails: ['controller@contoso.com'], channels: ['email'] },
    });
    await world.mine([annaCall('2026-02-10T09:00:00Z')]);
    const now = at('2026-02-10T15:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => evaluateAggregateRules(world.database, now)),
    );
    expect(outcomes.reduce((sum, outcome) => sum + outcome.raised, 0)).toBe(1);
    expect(outcomes.flatMap((outcome) => outcome.failed)).toEqual([]);
    expect((await alarms()).length).toBe(1);
    expect((await world.outbox()).length).toBe(1);
  });

  it('raises an anomaly on a burst of international calls at night, not on a usual night', async () => {
    await world.addRule({
      name: 'International calls at night',
      kind: 'anomaly',
      definition: {
        subject: 'user',
        measure: 'calls',
        destClasses: ['international'],
        hours: { from: 0, to: 6 },
        minimum: 10,
        factor: 3,
        checkDays: 1,
      },
      recipients: {},
    });
    const night = (day: number, count: number) =>
      Array.from({ length: count }, (_, index) =>
        annaCall(
          `2026-02-${String(day).padStart(2, '0')}T01:${String(10 + index).padStart(2, '0')}:00Z`,
          '000442079460018',
        ),
      );
    await world.mine([...night(16, 3)]);
    expect(await evaluateAggregateRules(world.database, at('2026-02-16T06:00:00Z'))).toMatchObject({
      raised: 0,
    });
    await world.mine([...night(17, 12), annaCall('2026-02-17T10:00:00Z', '000442079460018')]);
    expect(await evaluateAggregateRules(world.database, at('2026-02-17T06:00:00Z'))).toMatchObject({
      raised: 1,
    });
    expect(await evaluateAggregateRules(world.database, at('2026-02-18T06:00:00Z'))).toMatchObject({
      raised: 0,
    });
    const [alarm] = await alarms();
    expect(alarm).toMatchObject({
      subjectLabel: 'Anna Rossi',
      windowKey: 'day:20260217',
      severity: 'critical',
    });
    expect(alarm!.detail).toBe(
      'Anna Rossi: 12 calls (international between 0h and 6h) on 2026-02-17, against a usual 0.2 calls a day over the 14 days before.',
    );
  });

  it('raises a health alarm while no call comes in business hours, and resolves it when calls come back', async () => {
    await world.addRule({
      name: 'Milan is silent',
      kind: 'health',
      definition: { check: 'no_calls', minutes: 60, siteCode: 'MIL' },
      recipients: { toAdmins: true, adminGroupId: 'aaaaaaaa-0000-4000-8000-000000000001' },
    });
    await world.mine([annaCall('2026-02-17T08:00:00Z')]);
    // Tuesday 12:00 in Milan, the last call three hours ago.
    expect(await evaluateAggregateRules(world.database, at('2026-02-17T11:00:00Z'))).toMatchObject({
      raised: 1,
    });
    expect(await evaluateAggregateRules(world.database, at('2026-02-17T11:10:00Z'))).toMatchObject({
      raised: 0,
    });
    const [silent] = await alarms();
    expect(silent).toMatchObject({
      subjectLabel: 'Milano',
      status: 'open',
      userId: null,
      departmentId: null,
    });
    expect((await world.outbox()).map((row) => row.recipient)).toEqual([
      'group:aaaaaaaa-0000-4000-8000-000000000001',
    ]);
    // 20:00 in Milan: the office has closed, but no call has come: the alarm stays open.
    expect(await evaluateAggregateRules(world.database, at('2026-02-17T19:00:00Z'))).toMatchObject({
      raised: 0,
      resolved: 0,
    });
    expect((await world.repos.alarms.get(silent!.id))?.status).toBe('open');

    await world.mine([annaCall('2026-02-17T11:15:00Z')]);
    expect(await evaluateAggregateRules(world.database, at('2026-02-17T11:20:00Z'))).toMatchObject({
      resolved: 1,
    });
    expect((await world.repos.alarms.get(silent!.id))?.status).toBe('resolved');
    // Saturday: the office is closed, silence is expected.
    expect(await evaluateAggregateRules(world.database, at('2026-02-21T11:00:00Z'))).toMatchObject({
      raised: 0,
    });
    // Silent again on Monday: a new alarm, the first kept as history.
    expect(await evaluateAggregateRules(world.database, at('2026-02-23T11:00:00Z'))).toMatchObject({
      raised: 1,
    });
    expect((await alarms()).map((alarm) => [alarm.windowKey, alarm.status])).toEqual([
      ['episode:1', 'open'],
      ['episode:0', 'resolved'],
    ]);
  });

  it('runs on a timer from the clock it is given until stopped', async () => {
    await world.addRule({
      name: 'Unrated calls',
      kind: 'health',
      definition: { check: 'unrated_calls', sinceHours: 24 },
      recipients: {},
    });
    await world.mine([
      testRecord({
        caller: { uri: 'sip:james.smith@contoso.com', number: null },
        callee: { uri: null, number: '9020 7946 0000' },
        trunk: 'gw-lon-2',
        site: 'LON',
      }),
    ]);
    const evaluator = startAlarmEvaluator({
      database: world.database,
      now: () => at('2026-02-03T12:00:00Z'),
      intervalMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await evaluator.stop();
    expect((await alarms()).map((alarm) => [alarm.subjectKey, alarm.detail])).toEqual([
      [
        'health:unrated_calls',
        '1 calls of the last 24 hours could not be rated (no tariff or route for them).',
      ],
    ]);
  });

  it('watches the recorder against the purge horizon and the spool backlog, each its own alarm', async () => {
    await world.addRule({
      name: 'Recorder near the purge',
      kind: 'health',
      definition: { check: 'recorder_lag', purgeDays: 60, marginDays: 7 },
      recipients: {},
    });
    await world.addRule({
      name: 'Spool backlog',
      kind: 'health',
      definition: { check: 'miner_backlog', maxFiles: 1, maxAgeMinutes: 30 },
      recipients: {},
    });
    const now = at('2026-02-17T11:00:00Z');
    await world.repos.checkpoints.set('sfb', encodePosition({ at: '2025-12-20T10:00:00.000Z', open: [] }));
    const spool = mkdtempSync(join(tmpdir(), 'ledgerline-backlog-'));
    try {
      const old = join(spool, 'old.ndjson');
      writeFileSync(old, '');
      utimesSync(old, new Date(now - 3_600_000), new Date(now - 3_600_000));
      const outcome = await evaluateAggregateRules(world.database, now, { spoolDir: spool });
      expect(outcome).toMatchObject({ raised: 2, failed: [] });
      expect((await alarms()).map((alarm) => alarm.subjectKey).sort()).toEqual([
        'health:miner_backlog',
        'health:recorder_lag:sfb',
      ]);
      rmSync(old);
      await world.repos.checkpoints.set('sfb', encodePosition({ at: '2026-02-17T10:55:00.000Z', open: [] }));
      expect(await evaluateAggregateRules(world.database, now + 60_000, { spoolDir: spool })).toMatchObject({
        resolved: 2,
      });
    } finally {
      rmSync(spool, { recursive: true, force: true });
    }
  });
});
