import { describe, expect, it } from 'vitest';
import type { ReplicaSession } from '../recorder/lcscdr/lcscdr-replica-writer.js';
import { DEMO_COMPANY } from './demo-company.js';
import { generateTraffic } from './demo-traffic.js';
import { LiveTraffic, type LiveTick } from './live-traffic.js';

const START = Date.UTC(2026, 2, 4, 8, 0, 0); // a Wednesday morning
const ANOMALIES_BEFORE = Date.UTC(2026, 2, 6);
const key = (session: { start: number; seq: number }) => `${session.start}#${session.seq}`;

describe('live traffic', () => {
  it('hands out, tick by tick, exactly the sessions generateTraffic gives, in key order', () => {
    const live = new LiveTraffic(DEMO_COMPANY, {
      seed: 3,
      startMs: START,
      firstSeq: 1000,
      anomaliesBefore: ANOMALIES_BEFORE,
    });
    const state = new Map<string, ReplicaSession>();
    let lastKey = { start: -Infinity, seq: -Infinity };
    let now = START;
    let ticks = 0;
    let endedLater = 0;
    const insertedAt = new Map<string, number>();
    while (now < START + 3 * 3_600_000) {
      now += 1000 + ((ticks * 7919) % 9000); // an uneven rhythm, 1 to 10 s
      ticks++;
      const tick: LiveTick = live.tick(now);
      for (const session of tick.insert) {
        // Every new session comes after everything inserted before: the recorder never misses one.
        expect(
          session.start > lastKey.start || (session.start === lastKey.start && session.seq > lastKey.seq),
        ).toBe(true);
        lastKey = session;
        expect(session.start).toBeLessThanOrEqual(now);
        if (session.end === null) {
          expect(session.responseTime === null || session.responseTime <= now).toBe(true);
        } else {
          expect(session.end).toBeLessThanOrEqual(now);
        }
        state.set(key(session), session);
        insertedAt.set(key(session), now);
      }
      for (const ended of tick.end) {
        const session = state.get(key(ended))!;
        expect(session.end).toBeNull();
        expect(ended.end).toBeLessThanOrEqual(now);
        expect(ended.end).toBeGreaterThan(insertedAt.get(key(ended))!);
        state.set(key(ended), {
          ...session,
          end: ended.end,
          responseCode: ended.responseCode,
          responseTime: session.responseTime ?? ended.responseTime,
        });
        endedLater++;
      }
    }
    expect(endedLater).toBeGreaterThan(100);
    expect(live.inProgress).toBeGreaterThan(0);

    const expected = generateTraffic(DEMO_COMPANY, {
      from: START,
      to: now + 1,
      seed: 3,
      firstSeq: 1000,
      anomaliesBefore: ANOMALIES_BEFORE,
    }).sessions;
    expect([...state.keys()]).toEqual(expected.map(key));
    for (const session of expected) {
      const seen = state.get(key(session))!;
      if (seen.end === null) {
        expect(session.end).toBeGreaterThan(now);
        expect({ ...seen, end: session.end, responseTime: session.responseTime }).toEqual(session);
      } else {
        expect(seen).toEqual(session);
      }
    }
    expect(live.nextSeq).toBe(1000 + expected.length);
  });

  it('carries on after a stop, from the saved next SessionIdSeq and calls in progress, as if never stopped', () => {
    const ticks = Array.from({ length: 40 }, (_, n) => START + (n + 1) * 97_000);
    const whole = new LiveTraffic(DEMO_COMPANY, {
      seed: 5,
      startMs: START,
      anomaliesBefore: ANOMALIES_BEFORE,
    });
    const expected = ticks.map((now) => whole.tick(now));

    const before = new LiveTraffic(DEMO_COMPANY, {
      seed: 5,
      startMs: START,
      anomaliesBefore: ANOMALIES_BEFORE,
    });
    const stopAt = 17;
    const got = ticks.slice(0, stopAt).map((now) => before.tick(now));
    expect(before.openSessions.length).toBeGreaterThan(0);
    const after = new LiveTraffic(DEMO_COMPANY, {
      seed: 5,
      startMs: ticks[stopAt - 1]! + 1,
      firstSeq: before.nextSeq,
      open: JSON.parse(JSON.stringify(before.openSessions)) as ReplicaSession[],
      anomaliesBefore: ANOMALIES_BEFORE,
    });
    got.push(...ticks.slice(stopAt).map((now) => after.tick(now)));
    expect(got).toEqual(expected);
  });

  it("adds calls only from liveFrom on, leaving the working day's calls as they are", () => {
    const night = Date.UTC(2026, 2, 7, 1); // a Saturday, 02:00 in Milan
    const calm = new LiveTraffic(DEMO_COMPANY, { seed: 5, startMs: night - 3_600_000 });
    const lively = new LiveTraffic(DEMO_COMPANY, { seed: 5, startMs: night - 3_600_000, liveFrom: night });
    const key = ({ start, starter, connectedNumber }: ReplicaSession) =>
      `${start} ${starter} ${connectedNumber}`;
    const quiet = calm.tick(night + 600_000).insert;
    const busy = lively.tick(night + 600_000).insert;
    expect(busy.filter((s) => s.start < night).map(key)).toEqual(
      quiet.filter((s) => s.start < night).map(key),
    );
    const live = busy.filter((s) => s.start >= night);
    expect(quiet.filter((s) => s.start >= night).length).toBeLessThan(5);
    expect(live.length).toBeGreaterThan(40); // ten minutes at about ten calls a minute
    expect(new Set(busy.map(key)).size).toBe(busy.length);
    for (const session of quiet) expect(busy.map(key)).toContain(key(session));
  });

  it('returns the history on a first tick far ahead of the start, then carries on', () => {
    const live = new LiveTraffic(DEMO_COMPANY, { seed: 3, startMs: START - 86_400_000 });
    const first = live.tick(START);
    expect(first.insert.length).toBeGreaterThan(1500);
    expect(first.insert.filter((session) => session.end === null).length).toBeLessThan(50);
    expect(live.placement?.tollFraud.fromMs).toBeLessThan(START);
    const quiet = live.tick(START);
    expect(quiet.insert).toEqual([]);
    const next = live.tick(START + 60_000);
    expect(next.insert.length).toBeGreaterThan(0);
    expect(next.insert[0]!.seq).toBe(first.insert.at(-1)!.seq + 1);
  });
});
