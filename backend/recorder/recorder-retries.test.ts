import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReplicaSession } from './lcscdr/lcscdr-replica-writer.js';
import { MINUTE, openRecorderWorld, session, T0, type RecorderWorld } from './test-recorder.js';

// Anna calls Milan at 09:10; the first attempt fails on one gateway (503 after 0.8 s) and the
// retried session (CallFlag 1) goes out through the other 2 s later and is answered.
const original = (fields: Partial<ReplicaSession> = {}) =>
  session(10, {
    responseCode: 503,
    responseTime: T0 + 10 * MINUTE + 800,
    end: T0 + 10 * MINUTE + 800,
    toGateway: 'gw-mil-2.contoso.com',
    ...fields,
  });
const retry = (fields: Partial<ReplicaSession> = {}) =>
  session(11, {
    start: T0 + 10 * MINUTE + 2_000,
    responseTime: T0 + 10 * MINUTE + 9_000,
    end: T0 + 10 * MINUTE + 69_000,
    callFlag: 1,
    ...fields,
  });
const ORIGINAL = '2026-02-03T09:10:00.000Z#10';
const RETRY = '2026-02-03T09:10:02.000Z#11';

describe('retried sessions (CallFlag 1)', () => {
  let world: RecorderWorld;
  const ids = () => world.spooled().map((record) => record.sourceId);
  beforeEach(async () => {
    world = await openRecorderWorld();
  });
  afterEach(() => world.close());

  it('record the retry as the call and skip the attempt it repeats, read in one poll', async () => {
    world.writer.insert([session(1), original(), retry(), session(20)]);
    const pass = await world.recorder().recordAvailable();
    expect(pass).toMatchObject({ records: 3, skipped: 1, openSessions: 0 });
    expect(ids()).toEqual(['2026-02-03T09:01:00.000Z#1', RETRY, '2026-02-03T09:20:00.000Z#20']);
    expect(world.spooled()[1]).toMatchObject({
      answered: true,
      durationSec: 60,
      trunk: 'gw-mil-1.contoso.com',
    });
    // The skipped attempt is decided: later polls do not read it back as a late arrival.
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, skipped: 0, late: 0 });
  });

  it('hold a failed attempt until its retry arrives in a later poll', async () => {
    world.clock.now = T0 + 10 * MINUTE + 5_000;
    world.writer.insert([original()]);
    // Just failed: held as open, not written, in case a retry follows.
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, openSessions: 1 });
    world.clock.now = T0 + 10 * MINUTE + 20_000;
    // The retry is still ringing: in progress, not skipped; the attempt is still held.
    world.writer.insert([retry({ responseTime: null, end: null })]);
    world.replica.prepare('update SessionDetails set ResponseCode = null where SessionIdSeq = 11').run();
    expect(await world.recorder().recordAvailable()).toMatchObject({
      records: 0,
      skipped: 0,
      openSessions: 2,
    });
    expect(world.spoolFiles()).toEqual([]);
    // The retry is answered and ends: it is the call, the attempt is skipped.
    world.clock.now = T0 + 12 * MINUTE;
    world.writer.end(T0 + 10 * MINUTE + 2_000, 11, T0 + 10 * MINUTE + 69_000, 200, T0 + 10 * MINUTE + 9_000);
    expect(await world.recorder().recordAvailable()).toMatchObject({
      records: 1,
      skipped: 1,
      openSessions: 0,
    });
    expect(ids()).toEqual([RETRY]);
  });

  it('skip an attempt whose row arrives after its retry was recorded', async () => {
    world.writer.insert([retry(), session(20)]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 2 });
    world.writer.insert([original()]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, late: 0, skipped: 1 });
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, skipped: 0 });
    expect(ids()).toEqual([RETRY, '2026-02-03T09:20:00.000Z#20']);
  });

  it('record the retry even when it is not answered either, and only it', async () => {
    world.writer.insert([
      original(),
      retry({ responseCode: 486, responseTime: T0 + 10 * MINUTE + 30_000, end: T0 + 10 * MINUTE + 30_000 }),
    ]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, skipped: 1 });
    expect(world.spooled()).toMatchObject([
      { sourceId: RETRY, answered: false, responseCode: 486, ringSec: 28 },
    ]);
  });

  it('hold an unanswered call for the settle time only, then record it when no retry came', async () => {
    world.clock.now = T0 + 10 * MINUTE + 800 + 59_000;
    world.writer.insert([original()]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, openSessions: 1 });
    world.clock.now = T0 + 10 * MINUTE + 800 + 60_000;
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, openSessions: 0 });
    expect(ids()).toEqual([ORIGINAL]);
  });

  it('pair by CorrelationId when both sessions have one, else by caller, callee and time', async () => {
    const id = '6f1c2a7e-8d6b-4c1e-9f3a-2b5d7e9a1c40';
    world.writer.insert([
      // Same CorrelationId (in another case), though the retry dialled another form of the number.
      original({ correlationId: id }),
      retry({ correlationId: id.toUpperCase(), connectedNumber: '0212345678' }),
      // Same caller and number, but other CorrelationIds: two calls.
      original({
        start: T0 + 20 * MINUTE,
        seq: 20,
        responseTime: T0 + 20 * MINUTE + 800,
        end: T0 + 20 * MINUTE + 800,
        correlationId: 'a0000000-0000-0000-0000-000000000001',
      }),
      retry({
        start: T0 + 20 * MINUTE + 2_000,
        seq: 21,
        correlationId: 'a0000000-0000-0000-0000-000000000002',
      }),
      // No CorrelationId, same caller and number, retried 31 s after the attempt ended: too late.
      original({
        start: T0 + 30 * MINUTE,
        seq: 30,
        responseTime: T0 + 30 * MINUTE + 800,
        end: T0 + 30 * MINUTE + 800,
      }),
      retry({ start: T0 + 30 * MINUTE + 31_800, seq: 31 }),
      // No CorrelationId, within the window, but another caller: not a retry of this attempt.
      original({
        start: T0 + 40 * MINUTE,
        seq: 40,
        responseTime: T0 + 40 * MINUTE + 800,
        end: T0 + 40 * MINUTE + 800,
      }),
      retry({ start: T0 + 40 * MINUTE + 2_000, seq: 41, starter: 'luca.bianchi@contoso.com' }),
      // No CorrelationId, same caller and number 30 s after the end: the retry.
      original({
        start: T0 + 50 * MINUTE,
        seq: 50,
        responseTime: T0 + 50 * MINUTE + 800,
        end: T0 + 50 * MINUTE + 800,
      }),
      retry({ start: T0 + 50 * MINUTE + 30_800, seq: 51 }),
    ]);
    world.clock.now = T0 + 2 * 60 * MINUTE;
    const pass = await world.recorder().recordAvailable();
    expect(pass).toMatchObject({ records: 8, skipped: 2 });
    expect(ids().map((key) => key.split('#')[1])).toEqual(['11', '20', '21', '30', '31', '40', '41', '51']);
  });
});
