import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositoriesFor } from '../db/repositories.js';
import type { CdrSource } from './cdr-source.js';
import { Recorder } from './recorder.js';
import { DAY, HOUR, MINUTE, openRecorderWorld, session, T0, type RecorderWorld } from './test-recorder.js';

describe('rows that reach LcsCDR after the recorder has read past them', () => {
  let world: RecorderWorld;
  const ids = () => world.spooled().map((record) => record.sourceId);
  beforeEach(async () => {
    world = await openRecorderWorld();
  });
  afterEach(() => world.close());

  it('are recorded once when they arrive within the look-back', async () => {
    // LcsCDR writes a call when it ends: a long call (1, started first) arrives after a short one (2).
    world.writer.insert([session(2)]);
    expect((await world.recorder().recordAvailable()).records).toBe(1);
    world.writer.insert([session(1, { end: T0 + 40 * MINUTE })]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, late: 1 });
    expect(await world.position()).toMatchObject({ at: '2026-02-03T09:02:00.000Z#2' });
    world.writer.insert([session(3)]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, late: 0 });
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, late: 0 });
    expect(ids()).toEqual([
      '2026-02-03T09:01:00.000Z#1',
      '2026-02-03T09:02:00.000Z#2',
      '2026-02-03T09:03:00.000Z#3',
    ]);
  });

  it('compare counts, not keys, on a poll where nothing arrived late', async () => {
    world.writer.insert(Array.from({ length: 30 }, (_, i) => session(i + 1)));
    await world.recorder().recordAvailable();
    const keyReads: number[] = [];
    const counting: CdrSource = Object.assign(Object.create(world.source) as CdrSource, {
      sessionKeys: (span: Parameters<CdrSource['sessionKeys']>[0]) => {
        keyReads.push(span.toMs - span.fromMs);
        return world.source.sessionKeys(span);
      },
    });
    const recorder = () =>
      new Recorder(counting, world.billing, { spoolDir: world.spoolDir, now: () => world.clock.now });
    world.writer.insert([session(31)]);
    expect(await recorder().recordAvailable()).toMatchObject({ records: 1, late: 0 });
    expect(keyReads).toEqual([]);
    // A late row: only the span that holds it is listed key by key.
    world.writer.insert([session(0, { end: T0 + 50 * MINUTE })]);
    expect(await recorder().recordAvailable()).toMatchObject({ records: 1, late: 1 });
    expect(keyReads).toHaveLength(1);
  });

  it('are recorded with a warning when they arrive later than the look-back, by the hourly sweep', async () => {
    world.clock.now = T0 + 3 * DAY;
    world.writer.insert([session(1, { start: T0 + 2 * DAY }), session(2, { start: T0 + 2 * DAY + MINUTE })]);
    const recorder = world.recorder({ lookbackHours: 6 });
    expect((await recorder.recordAvailable()).records).toBe(2);
    // A session that started 30 hours before the checkpoint appears now: beyond the 6 h look-back.
    world.writer.insert([session(0, { start: T0 + 2 * DAY - 30 * HOUR, end: T0 + 2 * DAY - 29 * HOUR })]);
    const swept = await recorder.recordAvailable();
    expect(swept).toMatchObject({ records: 1, late: 1 });
    expect(swept.warnings).toEqual([
      expect.stringMatching(
        /^1 session reached .* more than 6 h after they started \(the first 2026-02-04T03:00:00.000Z#0\); recording them now/,
      ),
    ]);
    // The sweep runs at most hourly: a second such row waits for the next sweep.
    world.writer.insert([session(5, { start: T0 + 2 * DAY - 40 * HOUR, end: T0 + 2 * DAY - 39 * HOUR })]);
    world.clock.now += 30 * MINUTE;
    expect(await world.recorder({ lookbackHours: 6 }).recordAvailable()).toMatchObject({ records: 0 });
    world.clock.now += 31 * MINUTE;
    expect(await world.recorder({ lookbackHours: 6 }).recordAvailable()).toMatchObject({
      records: 1,
      late: 1,
    });
    // Once each: nothing is recorded twice.
    world.clock.now += 2 * HOUR;
    expect(await world.recorder({ lookbackHours: 6 }).recordAvailable()).toMatchObject({ records: 0 });
    expect(ids()).toHaveLength(4);
    expect(new Set(ids()).size).toBe(4);
  });

  it('keep what was decided as long as LcsCDR keeps its rows, and no longer', async () => {
    world.replica.prepare('update PurgeSettings set KeepCallDetailForDays = 10').run();
    world.clock.now = T0 + 30 * DAY;
    world.writer.insert([
      session(1, { start: T0 + 15 * DAY }),
      session(2, { start: T0 + 25 * DAY }),
      session(3, { start: T0 + 29 * DAY }),
    ]);
    await world.recorder().recordAvailable();
    await world.recorder().recordAvailable();
    const seen = repositoriesFor(world.billing.kysely, world.billing).recorderSeen;
    // 15 days old is past the 10 days LcsCDR keeps (less a day's margin): forgotten.
    expect([...(await seen.known('sfb', ids()))].sort()).toEqual(ids().slice(1));
  });

  it('do not make a checkpoint written before sessions were remembered this long record old calls again', async () => {
    world.clock.now = T0 + 5 * DAY;
    world.writer.insert([session(1, { start: T0 + DAY }), session(2, { start: T0 + 4 * DAY + 2 * MINUTE })]);
    // What the recorder left when it remembered 24 hours only: the key alone, the last call seen.
    const repos = repositoriesFor(world.billing.kysely, world.billing);
    await repos.checkpoints.set('sfb', '2026-02-07T09:02:00.000Z#2');
    await repos.recorderSeen.add('sfb', [
      { key: '2026-02-07T09:02:00.000Z#2', startedAt: T0 + 4 * DAY + 2 * MINUTE },
    ]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 0, late: 0 });
    world.writer.insert([session(3, { start: T0 + 4 * DAY + HOUR })]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, late: 0 });
    expect(ids()).toEqual(['2026-02-07T10:00:00.000Z#3']);
    expect(await world.position()).toMatchObject({ seenSince: T0 + 3 * DAY + 2 * MINUTE });
  });
});
