import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositoriesFor } from '../db/repositories.js';
import { DAY, HOUR, MINUTE, openRecorderWorld, session, T0, type RecorderWorld } from './test-recorder.js';

describe('the SfB recorder on an LcsCDR replica', () => {
  let world: RecorderWorld;
  beforeEach(async () => {
    world = await openRecorderWorld();
  });
  afterEach(() => world.close());

  it('records audio calls in every direction, skips agent legs, and comes back for calls in progress', async () => {
    world.writer.insert([
      session(1),
      session(2, { responseCode: 486, responseTime: null, end: T0 + 2 * MINUTE + 20_000 }),
      session(3, {
        starter: '+390612345678@contoso.com;user=phone',
        other: 'anna.rossi@contoso.com',
        target: 'anna.rossi@contoso.com',
        fromNumber: '+390612345678',
        connectedNumber: '+390212342001',
        toGateway: null,
        fromGateway: 'gw-mil-1.contoso.com',
      }),
      session(4, {
        other: 'luca.bianchi@contoso.com',
        connectedNumber: null,
        toGateway: null,
        mediationServer: null,
      }),
      session(5, { mediaTypes: 1 }),
      session(6, { mediaTypes: 48 }),
      // A response-group agent's leg of an inbound call: the call is recorded on its PSTN leg.
      session(7, { callFlag: 2, other: 'agent.one@contoso.com', toGateway: null, connectedNumber: null }),
      session(8, { end: null }),
      session(9),
      // Came in from the PSTN and was forwarded out to it: billed as outbound, on the way out.
      session(10, {
        starter: '+390612345678@contoso.com;user=phone',
        fromNumber: '+390612345678',
        fromGateway: 'gw-lon-1.contoso.com',
        target: 'luca.bianchi@contoso.com',
        other: '+393331234567@contoso.com;user=phone',
        connectedNumber: '+393331234567',
      }),
    ]);
    const pass = await world.recorder().recordAvailable();
    // The call in progress (8) does not hold back the ones after it.
    expect(pass).toMatchObject({ records: 7, skipped: 1, openSessions: 1, warnings: [] });
    expect(await world.position()).toMatchObject({
      at: '2026-02-03T09:10:00.000Z#10',
      open: ['2026-02-03T09:08:00.000Z#8'],
    });
    const records = world.spooled();
    expect(records.map((r) => [r.sourceId.slice(11), r.direction, r.answered, r.trunk, r.site])).toEqual([
      ['09:01:00.000Z#1', 'outbound', true, 'gw-mil-1.contoso.com', 'MIL'],
      ['09:02:00.000Z#2', 'outbound', false, 'gw-mil-1.contoso.com', 'MIL'],
      ['09:03:00.000Z#3', 'inbound', true, 'gw-mil-1.contoso.com', 'MIL'],
      ['09:04:00.000Z#4', 'internal', true, null, null],
      ['09:06:00.000Z#6', 'outbound', true, 'gw-mil-1.contoso.com', 'MIL'],
      ['09:09:00.000Z#9', 'outbound', true, 'gw-mil-1.contoso.com', 'MIL'],
      ['09:10:00.000Z#10', 'outbound', true, 'gw-mil-1.contoso.com', 'MIL'],
    ]);
    expect(records[0]).toEqual({
      v: 1,
      source: 'sfb',
      sourceId: '2026-02-03T09:01:00.000Z#1',
      startedAt: '2026-02-03T09:01:00.000Z',
      answeredAt: '2026-02-03T09:01:05.000Z',
      endedAt: '2026-02-03T09:02:35.000Z',
      durationSec: 90,
      ringSec: 5,
      direction: 'outbound',
      answered: true,
      responseCode: 200,
      caller: { uri: 'sip:anna.rossi@contoso.com', number: null },
      callee: { uri: 'sip:+390212345678@contoso.com;user=phone', number: '+390212345678' },
      trunk: 'gw-mil-1.contoso.com',
      site: 'MIL',
    });
    expect(records[1]).toMatchObject({ answeredAt: null, durationSec: 0, ringSec: 20, responseCode: 486 });
    expect(records[2]).toMatchObject({
      caller: { uri: 'sip:+390612345678@contoso.com;user=phone', number: '+390612345678' },
      callee: { uri: 'sip:anna.rossi@contoso.com', number: '+390212342001' },
    });
    expect(records[3]).toMatchObject({ callee: { uri: 'sip:luca.bianchi@contoso.com', number: null } });
    // The forward: the outside caller, the number it went out to, the outgoing gateway.
    expect(records[6]).toMatchObject({
      caller: { uri: 'sip:+390612345678@contoso.com;user=phone', number: '+390612345678' },
      callee: { uri: 'sip:luca.bianchi@contoso.com', number: '+393331234567' },
    });

    // Still in progress on the next pass: nothing written, nothing lost.
    expect(await world.recorder().recordAvailable()).toMatchObject({
      records: 0,
      files: [],
      openSessions: 1,
    });
    // The call ends: the next pass records it, and nothing is open any more.
    world.writer.end(T0 + 8 * MINUTE, 8, T0 + 8 * MINUTE + 65_000, 200, T0 + 8 * MINUTE + 5_000);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, openSessions: 0 });
    expect(await world.position()).toMatchObject({ at: '2026-02-03T09:10:00.000Z#10', open: [] });
    expect(world.spooled().find((r) => r.sourceId.endsWith('#8'))?.durationSec).toBe(60);
    // A restart resumes where it stopped: nothing is recorded twice, the agent leg stays skipped.
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, skipped: 0, files: [] });
    expect(world.spooled()).toHaveLength(8);
  });

  it('starts a call at its INVITE and counts ring time to the answer or the final response', async () => {
    world.writer.insert([
      // Answered: INVITE 2 s after the session request, answer 7 s later, 90 s of talk.
      session(1, {
        invite: T0 + MINUTE + 2_000,
        responseTime: T0 + MINUTE + 9_000,
        end: T0 + MINUTE + 99_000,
      }),
      // Cancelled (487) after 11 s of ringing; the session ends 2 s after the response.
      session(2, {
        invite: T0 + 2 * MINUTE + 1_000,
        responseCode: 487,
        responseTime: T0 + 2 * MINUTE + 12_000,
        end: T0 + 2 * MINUTE + 14_000,
      }),
      // Not answered (480) and no response time: ringing until the end.
      session(3, {
        invite: T0 + 3 * MINUTE + 3_000,
        responseCode: 480,
        responseTime: null,
        end: T0 + 3 * MINUTE + 25_000,
      }),
      // Answered (200) but no response time: taken at the INVITE, not turned into a missed call.
      session(4, { invite: T0 + 4 * MINUTE + 1_000, responseTime: null, end: T0 + 4 * MINUTE + 61_000 }),
    ]);
    const pass = await world.recorder().recordAvailable();
    expect(pass.warnings).toEqual([
      'session 2026-02-03T09:04:00.000Z#4 was answered (200) without a ResponseTime: talk time counted from the INVITE',
    ]);
    const [answered, cancelled, missed, noResponseTime] = world.spooled();
    expect(answered).toMatchObject({
      sourceId: '2026-02-03T09:01:00.000Z#1',
      startedAt: '2026-02-03T09:01:02.000Z',
      answeredAt: '2026-02-03T09:01:09.000Z',
      endedAt: '2026-02-03T09:02:39.000Z',
      ringSec: 7,
      durationSec: 90,
    });
    expect(cancelled).toMatchObject({
      startedAt: '2026-02-03T09:02:01.000Z',
      answered: false,
      answeredAt: null,
      endedAt: '2026-02-03T09:02:14.000Z',
      ringSec: 11,
      durationSec: 0,
      responseCode: 487,
    });
    expect(missed).toMatchObject({ startedAt: '2026-02-03T09:03:03.000Z', ringSec: 22, durationSec: 0 });
    expect(noResponseTime).toMatchObject({
      startedAt: '2026-02-03T09:04:01.000Z',
      answered: true,
      answeredAt: '2026-02-03T09:04:01.000Z',
      ringSec: 0,
      durationSec: 60,
      responseCode: 200,
    });
  });

  it('ends an unanswered call at its refusal when LcsCDR has no end time for it', async () => {
    world.writer.insert([session(1, { responseCode: 487, responseTime: T0 + MINUTE + 12_000, end: null })]);
    const pass = await world.recorder().recordAvailable();
    expect(pass).toMatchObject({ records: 1, openSessions: 0, warnings: [] });
    expect(world.spooled()[0]).toMatchObject({
      answered: false,
      endedAt: '2026-02-03T09:01:12.000Z',
      ringSec: 12,
      durationSec: 0,
    });
  });

  it('writes a file per batch, named in session order, and moves the checkpoint after each', async () => {
    world.writer.insert(Array.from({ length: 7 }, (_, i) => session(i + 1)));
    const pass = await world.recorder({ batchSize: 3 }).recordAvailable();
    expect(pass.files).toEqual([
      expect.stringMatching(/^sfb-20260203T090100000-1_20260203T090300000-3-[0-9a-f]{8}\.ndjson$/),
      expect.stringMatching(/^sfb-20260203T090400000-4_20260203T090600000-6-[0-9a-f]{8}\.ndjson$/),
      expect.stringMatching(/^sfb-20260203T090700000-7_20260203T090700000-7-[0-9a-f]{8}\.ndjson$/),
    ]);
    expect(world.spoolFiles()).toEqual(pass.files);
    expect(await world.position()).toMatchObject({ at: '2026-02-03T09:07:00.000Z#7', open: [] });
  });

  it('keeps the checkpoint where it was when the spool file cannot be written', async () => {
    world.writer.insert([session(1)]);
    writeFileSync(world.spoolDir, 'a file where the spool folder should be');
    await expect(world.recorder().recordAvailable()).rejects.toThrow();
    expect(await repositoriesFor(world.billing.kysely, world.billing).checkpoints.get('sfb')).toBeUndefined();
    rmSync(world.spoolDir);
    expect((await world.recorder().recordAvailable()).records).toBe(1);
  });

  it('records a session that never got an end time after a day, with a warning', async () => {
    world.clock.now = T0 + 2 * DAY;
    world.writer.insert([session(1, { start: world.clock.now - 30 * HOUR, end: null }), session(2)]);
    const pass = await world.recorder().recordAvailable();
    expect(pass.records).toBe(2);
    expect(pass.warnings).toEqual([expect.stringContaining('has had no end time for over 24 h')]);
  });
});
