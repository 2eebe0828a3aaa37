import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositoriesFor } from '../db/repositories.js';
import type { RecordingObserver } from './recorder.js';
import { DAY, MINUTE, openRecorderWorld, session, T0, type RecorderWorld } from './test-recorder.js';

describe('the LcsCDR purge horizon', () => {
  let world: RecorderWorld;
  const purge = (enable: 0 | 1, keepDays: number) =>
    world.replica
      .prepare('update PurgeSettings set EnablePurge = ?, KeepCallDetailForDays = ?')
      .run(enable, keepDays);
  beforeEach(async () => {
    world = await openRecorderWorld();
    world.clock.now = T0 + 100 * DAY;
  });
  afterEach(() => world.close());

  it('is no concern when everything is recorded, however old the checkpoint', async () => {
    purge(1, 30);
    // A quiet PBX: the last call was 28 days ago and is recorded.
    world.writer.insert([session(1, { start: world.clock.now - 28 * DAY })]);
    await world.recorder().recordAvailable();
    expect(await world.recorder().recordAvailable()).toMatchObject({ warnings: [], notices: [] });
  });

  it('is warned of once when calls still to record near it, then hourly, and cleared when caught up', async () => {
    purge(1, 30);
    world.writer.insert([session(1, { start: world.clock.now - 26 * DAY })]);
    const heard: string[] = [];
    const observer: RecordingObserver = {
      warning: (message) => heard.push(`warning: ${message}`),
      notice: (message) => heard.push(`notice: ${message}`),
    };
    const recorder = world.recorder();
    // The spool folder cannot be written: the recorder is stuck while the horizon comes closer.
    writeFileSync(world.spoolDir, 'a file where the spool folder should be');
    await expect(recorder.recordAvailable(observer)).rejects.toThrow();
    expect(heard).toEqual([
      'warning: the recorder is falling behind the purge horizon of ' +
        `${world.source.description}: the oldest session it has yet to record is ${new Date(world.clock.now - 26 * DAY).toISOString()}#1; ` +
        'sessions older than 30 days are deleted, so it has 4 days left to record it',
    ]);
    world.clock.now += 30 * MINUTE;
    await expect(recorder.recordAvailable(observer)).rejects.toThrow();
    expect(heard).toHaveLength(1);
    world.clock.now += 31 * MINUTE;
    await expect(recorder.recordAvailable(observer)).rejects.toThrow();
    expect(heard).toHaveLength(2);
    rmSync(world.spoolDir);
    expect((await recorder.recordAvailable(observer)).records).toBe(1);
    expect(heard).toHaveLength(2);
    // Caught up: said once, then nothing more.
    await recorder.recordAvailable(observer);
    expect(heard[2]).toMatch(/^notice: the recorder is clear of the purge horizon of .* again/);
    world.clock.now += 2 * 60 * MINUTE;
    await recorder.recordAvailable(observer);
    expect(heard).toHaveLength(3);
  });

  it('says calls were lost when rows after the checkpoint were purged before they were read', async () => {
    purge(1, 30);
    world.writer.insert([session(2, { start: world.clock.now - 20 * DAY })]);
    await repositoriesFor(world.billing.kysely, world.billing).checkpoints.set(
      'sfb',
      `${new Date(world.clock.now - 45 * DAY).toISOString()}#1`,
    );
    expect((await world.recorder().recordAvailable()).warnings).toEqual([
      expect.stringMatching(
        /behind the purge horizon.*older than 30 days are deleted.*calls in between are lost$/,
      ),
    ]);
  });

  it('is no concern when LcsCDR does not purge', async () => {
    purge(0, 30);
    world.writer.insert([session(1, { start: world.clock.now - 90 * DAY })]);
    await repositoriesFor(world.billing.kysely, world.billing).checkpoints.set(
      'sfb',
      `${new Date(world.clock.now - 95 * DAY).toISOString()}#0`,
    );
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, warnings: [] });
    expect(await world.source.purgeHorizon(world.clock.now)).toBeNull();
  });

  it('reads the purge settings, falling back to Microsoft defaults only without them', async () => {
    const now = world.clock.now;
    purge(1, 45);
    expect(await world.source.purgeHorizon(now)).toEqual({ keepDays: 45, oldestKeptMs: now - 45 * DAY });
    // Settings per site: the shortest period of those that purge.
    world.replica.exec(
      `insert into PurgeSettings (Id, EnablePurge, KeepCallDetailForDays) values (2, 1, 12), (3, 0, 5)`,
    );
    expect(await world.source.purgeHorizon(now)).toMatchObject({ keepDays: 12 });
    world.replica.exec('delete from PurgeSettings');
    expect(await world.source.purgeHorizon(now)).toMatchObject({ keepDays: 60 });
    world.replica.exec('drop table PurgeSettings');
    expect(await world.source.purgeHorizon(now)).toMatchObject({ keepDays: 60 });
    // Any other failure is an error, not a silent default.
    world.replica.exec('create table PurgeSettings (Id INTEGER PRIMARY KEY, EnablePurge INTEGER)');
    await expect(world.source.purgeHorizon(now)).rejects.toThrow(
      /cannot read PurgeSettings at .*KeepCallDetailForDays/,
    );
  });
});
