import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pendingSpoolFiles } from '../miner/spool-folder.js';
import { openRecorderWorld, session, type RecorderWorld } from './test-recorder.js';

describe('a recorder stopped at the worst moment', () => {
  let world: RecorderWorld;
  beforeEach(async () => {
    world = await openRecorderWorld();
  });
  afterEach(() => world.close());

  it('writes the same file again, byte for byte, when it stopped between the rename and the checkpoint', async () => {
    world.writer.insert([session(1), session(2), session(3)]);
    // The checkpoint cannot be saved: as if the process died right after the file was renamed.
    await sql`create trigger checkpoint_lost before insert on recorder_checkpoints
      begin select raise(abort, 'the process stopped'); end`.execute(world.billing.kysely);
    await expect(world.recorder().recordAvailable()).rejects.toThrow(/the process stopped/);
    const [name] = world.spoolFiles();
    expect(name).toBeDefined();
    const first = readFileSync(join(world.spoolDir, name!), 'utf8');
    expect((await world.position()).at).toBeNull();

    await sql`drop trigger checkpoint_lost`.execute(world.billing.kysely);
    const restart = await world.recorder().recordAvailable();
    expect(restart.files).toEqual([name]);
    expect(world.spoolFiles()).toEqual([name]);
    expect(readFileSync(join(world.spoolDir, name!), 'utf8')).toBe(first);
    expect(world.spooled().map((record) => record.sourceId)).toEqual([
      '2026-02-03T09:01:00.000Z#1',
      '2026-02-03T09:02:00.000Z#2',
      '2026-02-03T09:03:00.000Z#3',
    ]);
    // And then goes on from the checkpoint, as after a clean stop.
    world.writer.insert([session(4)]);
    expect(await world.recorder().recordAvailable()).toMatchObject({ records: 1, late: 0 });
    expect(world.spooled()).toHaveLength(4);
  });

  it('removes a temporary file left by a write that never finished; the miner never takes it', async () => {
    mkdirSync(world.spoolDir, { recursive: true });
    const leftover = '.sfb-20260203T090100000-1_20260203T090100000-1-0badc0de.ndjson.tmp';
    const otherSource = '.teams-20260203T090100000-1_20260203T090100000-1-0badc0de.ndjson.tmp';
    writeFileSync(join(world.spoolDir, leftover), '{"v":1,"source":"sfb","sourceId":"half a li');
    writeFileSync(join(world.spoolDir, otherSource), '');
    expect(await pendingSpoolFiles(world.spoolDir)).toEqual([]);
    world.writer.insert([session(1)]);
    const pass = await world.recorder().recordAvailable();
    expect(pass.records).toBe(1);
    expect(readdirSync(world.spoolDir).sort()).toEqual([otherSource, ...pass.files].sort());
    expect(await pendingSpoolFiles(world.spoolDir)).toEqual(pass.files);
  });
});
