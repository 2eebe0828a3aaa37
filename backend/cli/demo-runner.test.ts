import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { DEMO_COMPANY } from '../demo/demo-company.js';
import { generateTraffic } from '../demo/demo-traffic.js';
import { fromLcsCdrDatetime, toLcsCdrDatetime } from '../recorder/lcscdr/lcscdr-datetime.js';
import { openDemoWorld } from './demo-runner.js';
import { createReporter } from './reporter.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-demo-runner-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const log: string[] = [];
const reporter = createReporter({
  tty: false,
  stream: new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  }),
});

interface ReplicaRow {
  start: number;
  seq: number;
  call: boolean;
}

/** The sessions in the replica that start in [from, to), and whether each is a call. */
function replicaSessions(from: number, to: number): ReplicaRow[] {
  const replica = new SQLite(join(dir, 'lcscdr.db'), { readonly: true });
  try {
    const rows = replica
      .prepare(
        `select SessionIdTime as time, SessionIdSeq as seq, MediaTypes as media, CallFlag as flag
           from SessionDetails where SessionIdTime >= ? and SessionIdTime < ? order by SessionIdTime, SessionIdSeq`,
      )
      .all(toLcsCdrDatetime(from), toLcsCdrDatetime(to)) as {
      time: string;
      seq: number;
      media: number;
      flag: number;
    }[];
    return rows.map((row) => ({
      start: fromLcsCdrDatetime(row.time),
      seq: row.seq,
      call: (row.media & 16) !== 0 && row.flag === 0,
    }));
  } finally {
    replica.close();
  }
}

/** One start of the demo at `now`: catch-up, then `liveMinutes` of live traffic, then a stop. */
async function runDemoAt(now: number, liveMinutes: number): Promise<void> {
  const database = connect(`sqlite:${join(dir, 'ledgerline.db')}`);
  try {
    const world = await openDemoWorld(database, dir, 2, reporter, { now, live: true });
    for (let at = now + 5_000; at <= now + liveMinutes * MINUTE; at += 5_000) world.advance(at);
    await world.close();
  } finally {
    await database.close();
  }
}

describe('the demo across restarts', () => {
  // Thursday 5 March 2026, 16:00 in Milan.
  const first = Date.UTC(2026, 2, 5, 15);
  // The next Wednesday: a gap over a weekend. Then a Saturday night.
  const second = first + 6 * DAY;
  const third = Date.UTC(2026, 2, 14, 2);

  it('catches up a gap with working-day traffic, and livens up only while running', async () => {
    await runDemoAt(first, 10);
    await runDemoAt(second, 10);

    // The gap is exactly what the working-day model gives: no extra calls at night or at weekends.
    const gapFrom = first + 10 * MINUTE + 1;
    const gap = replicaSessions(gapFrom, second + 1);
    const expected = generateTraffic(DEMO_COMPANY, {
      from: gapFrom,
      to: second + 1,
      seed: 1,
      anomaliesBefore: first,
    }).sessions;
    expect(gap.map((session) => session.start)).toEqual(expected.map((session) => session.start));

    const callsOn = (day: number) =>
      gap.filter((session) => session.call && session.start >= day && session.start < day + DAY).length;
    const friday = Date.UTC(2026, 2, 6);
    for (const weekday of [friday, friday + 3 * DAY, friday + 4 * DAY]) {
      expect(callsOn(weekday)).toBeGreaterThan(1_500);
      expect(callsOn(weekday)).toBeLessThan(3_000);
    }
    expect(callsOn(friday + DAY)).toBeLessThan(250); // Saturday
    expect(callsOn(friday + 2 * DAY)).toBeLessThan(120); // Sunday
    const calls = gap.filter((session) => session.call);
    const night = calls.filter((session) => new Date(session.start).getUTCHours() < 5);
    expect(night.length / calls.length).toBeLessThan(0.01);

    // A restart on a Saturday night: the hour before it is near silent, the live minutes are not.
    await runDemoAt(third, 10);
    const before = replicaSessions(third - HOUR, third).filter((session) => session.call).length;
    const live = replicaSessions(third + 1, third + 10 * MINUTE + 1).filter((session) => session.call).length;
    expect(before).toBeLessThan(10);
    expect(live).toBeGreaterThan(50); // a call every few seconds
    expect(live).toBeLessThan(200);

    // Every session once, numbered in key order across the three runs.
    const all = replicaSessions(0, third + DAY);
    expect(new Set(all.map((session) => session.seq)).size).toBe(all.length);
    all.forEach((session, index) => {
      if (index > 0) expect(session.seq).toBeGreaterThan(all[index - 1]!.seq);
    });
    expect(log.join('')).toContain('catching up 6.0 days of phone traffic since the demo last ran');
  }, 60_000);
});
