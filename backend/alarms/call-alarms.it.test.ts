import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEngines } from '../db/test-engines.js';
import { rerateCalls } from '../miner/rerate.js';
import { testRecord } from '../miner/test-company.js';
import { parseTariffFile } from '../tariffs/tariff-file.js';
import { storeTariff } from '../tariffs/tariff-store.js';
import { openAlarmWorld, type AlarmWorld } from './test-alarm-world.js';

const SALES_GROUP = '5a1e5000-0000-4000-8000-000000000001';
const ANNA_OID = 'a0000000-0000-4000-8000-00000000a001';

/** An ordinary working-hours call: 10:00 in Milan on a Tuesday, 90 s to a Milan landline. */
const normal = () => testRecord();
const at = (iso: string, seconds = 90) => ({
  startedAt: iso,
  answeredAt: iso,
  endedAt: new Date(Date.parse(iso) + seconds * 1000).toISOString(),
  durationSec: seconds,
});

describe.each(testEngines())('per-call alarm rules while mining, on $name', (engine) => {
  let world: AlarmWorld;
  beforeEach(async () => {
    world = await openAlarmWorld(engine);
  });
  afterEach(async () => world.close());

  const alarms = () => world.repos.alarms.list({ scope: { kind: 'all' }, status: 'all', limit: 100 });

  it('fires each kind on the call that breaks it, and on none of an ordinary stream', async () => {
    const single = await world.addRule({
      name: 'Expensive call',
      kind: 'single_call',
      definition: { maxCost: '2', maxDurationSec: 3 * 3600 },
      recipients: { channels: ['teams'], toUser: true },
    });
    const premium = await world.addRule({
      name: 'Premium and Cuba',
      kind: 'destination',
      definition: { destClasses: ['premium'], countries: ['cu'] },
      recipients: {},
    });
    const night = await world.addRule({
      name: 'Out of hours',
      kind: 'out_of_hours',
      definition: {},
      recipients: {},
    });
    await world.mine([normal(), normal(), testRecord({ callee: { uri: null, number: '00212345679' } })]);
    expect(await alarms()).toEqual([]);

    const records = {
      long: testRecord(at('2026-02-03T09:00:00.000Z', 2.5 * 3600)),
      premium: testRecord({ callee: { uri: null, number: '0899123456' } }),
      cuba: testRecord({ callee: { uri: null, number: '000535 2345678' } }),
      night: testRecord(at('2026-02-03T23:30:00.000Z')),
      holiday: testRecord(at('2026-01-06T09:00:00.000Z')),
    };
    await world.mine([normal(), ...Object.values(records)]);
    const byRule = (rule: number) =>
      alarms().then((list) => list.filter((alarm) => alarm.ruleId === rule).map((alarm) => alarm.callId));
    const callId = async (record: { sourceId: string }) =>
      (await world.repos.calls.findBySource('sfb', record.sourceId))!.id;

    const callIds = { holiday: await callId(records.holiday) };
    expect(await byRule(single)).toEqual([await callId(records.long)]);
    expect((await byRule(premium)).sort()).toEqual(
      [await callId(records.premium), await callId(records.cuba)].sort(),
    );
    expect((await byRule(night)).sort()).toEqual(
      [await callId(records.night), await callId(records.holiday)].sort(),
    );

    const [longAlarm] = (await alarms()).filter((alarm) => alarm.ruleId === single);
    expect(longAlarm).toMatchObject({
      ruleName: 'Expensive call',
      kind: 'single_call',
      subjectLabel: 'Anna Rossi',
      status: 'open',
      severity: 'warning',
    });
    expect(longAlarm!.detail).toBe(
      'A 2 h 30 min call to local (IT) cost 3.00 EUR (cost limit 2.00 EUR, length limit 3 h).',
    );
    const holiday = (await alarms()).find((alarm) => alarm.callId === callIds.holiday);
    expect(holiday?.detail).toBe(
      'A call on a public holiday (10h local time, day 20260106) to local (IT): 1 min 30 s, 0.04 EUR.',
    );
  });

  it('writes the outbox messages of an alarm with it: the user, the supervisors, addresses and chats', async () => {
    const anna = (await world.repos.users.list()).find((user) => user.upn === 'anna.rossi@contoso.com')!;
    await world.repos.users.update(anna.id, { ...anna, upn: anna.upn!, entraObjectId: ANNA_OID });
    const department = (await world.repos.departments.get(anna.departmentId!))!;
    await world.repos.departments.update(department.id, { ...department, supervisorGroupId: SALES_GROUP });
    await world.addRule({
      name: 'Premium',
      kind: 'destination',
      definition: { destClasses: ['premium'] },
      recipients: {
        channels: ['teams', 'email'],
        toUser: true,
        toSupervisors: true,
        emails: ['controller@contoso.com'],
        conversations: ['channel:19:team@thread.tacv2/19:alarms@thread.tacv2'],
      },
    });
    await world.mine([testRecord({ callee: { uri: null, number: '0899123456' } })]);
    const [alarm] = await alarms();
    const id = alarm!.id;
    expect(
      (await world.outbox()).map((row) => [row.channel, row.recipient, row.dedupeKey, row.payload]),
    ).toEqual([
      ['teams', `person:${ANNA_OID}`, `alarm:${id}:teams:person:${ANNA_OID}`, { alarmId: id }],
      ['teams', `group:${SALES_GROUP}`, `alarm:${id}:teams:group:${SALES_GROUP}`, { alarmId: id }],
      [
        'teams',
        'channel:19:team@thread.tacv2/19:alarms@thread.tacv2',
        `alarm:${id}:teams:channel:19:team@thread.tacv2/19:alarms@thread.tacv2`,
        { alarmId: id },
      ],
      ['email', 'anna.rossi@contoso.com', `alarm:${id}:email:anna.rossi@contoso.com`, { alarmId: id }],
      ['email', `group:${SALES_GROUP}`, `alarm:${id}:email:group:${SALES_GROUP}`, { alarmId: id }],
      ['email', 'controller@contoso.com', `alarm:${id}:email:controller@contoso.com`, { alarmId: id }],
    ]);
  });

  it('leaves no alarm and no outbox row when the mining transaction rolls back', async () => {
    await world.addRule({
      name: 'Premium',
      kind: 'destination',
      definition: { destClasses: ['premium'] },
      recipients: { emails: ['controller@contoso.com'], channels: ['email'] },
    });
    // The outbox refuses writes: the last thing the file's transaction does fails.
    const refuse =
      engine.name === 'postgres'
        ? [
            sql`create function refuse_outbox() returns trigger as $$ begin raise exception 'outbox refused'; end $$ language plpgsql`,
            sql`create trigger refuse_outbox before insert on outbox for each row execute function refuse_outbox()`,
          ]
        : [
            sql`create trigger refuse_outbox before insert on outbox begin select raise(abort, 'outbox refused'); end`,
          ];
    for (const statement of refuse) await statement.execute(world.database.kysely);
    const record = testRecord({ callee: { uri: null, number: '0899123456' } });
    await expect(world.mine([record])).rejects.toThrow(/outbox refused/);
    expect(await alarms()).toEqual([]);
    expect(await world.outbox()).toEqual([]);
    expect(await world.repos.calls.findBySource('sfb', record.sourceId)).toBeUndefined();

    await sql`drop trigger refuse_outbox${sql.raw(engine.name === 'postgres' ? ' on outbox' : '')}`.execute(
      world.database.kysely,
    );
    await world.mine([record]);
    expect((await alarms()).length).toBe(1);
    expect((await world.outbox()).length).toBe(1);
  });

  it('fires once per call: a file mined again (its calls duplicates) raises nothing new', async () => {
    await world.addRule({
      name: 'Premium',
      kind: 'destination',
      definition: { destClasses: ['premium'] },
      recipients: {},
    });
    const record = testRecord({ callee: { uri: null, number: '0899123456' } });
    await world.mine([record]);
    await world.mine([record, normal()]);
    expect((await alarms()).length).toBe(1);
  });

  it('fires on a call a re-rate prices over the limit, once, in the re-rate of its day', async () => {
    const rule = await world.addRule({
      name: 'Expensive call',
      kind: 'single_call',
      definition: { maxCost: '1' },
      recipients: { channels: ['email'], emails: ['controller@contoso.com'] },
    });
    const record = testRecord(at('2026-07-10T09:00:00.000Z', 120));
    await world.mine([record]);
    expect(await alarms()).toEqual([]);
    // From July the carrier charges 5 euros a minute to Italian landlines: the call now costs 10.
    await storeTariff(
      world.database,
      parseTariffFile(`version: 1
carrier: { code: telco-it, name: Telco Italia }
name: Summer 2026
currency: EUR
activeFrom: 2026-07-01
rates:
  - { prefix: '39', label: Italia fisso estate, pricePerMinute: 5, increments: 60/60 }
`),
    );
    const rerate = { fromDay: 20260701, toDay: 20260731, carrierCode: 'telco-it' };
    expect((await rerateCalls(world.database, rerate)).changed).toBe(1);
    const call = await world.repos.calls.findBySource('sfb', record.sourceId);
    expect((await alarms()).map((alarm) => [alarm.ruleId, alarm.callId])).toEqual([[rule, call?.id]]);
    expect((await world.outbox()).map((message) => [message.kind, message.recipient])).toEqual([
      ['alarm', 'controller@contoso.com'],
    ]);
    // Priced again at the same price: nothing changes, nothing new is raised.
    await rerateCalls(world.database, rerate);
    expect((await alarms()).length).toBe(1);
  });
});
