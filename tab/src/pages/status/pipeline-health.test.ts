import { describe, expect, it } from 'vitest';
import type { PipelineStatus } from '../../api/api-types';
import { isWorkingTime, pipelineHealth } from './pipeline-health';

// A Wednesday at 11:00 and a Sunday at 11:00, in the viewer's (the test's) time zone.
const WEDNESDAY = new Date(2026, 11, 2, 11, 0, 0);
const SUNDAY = new Date(2026, 11, 6, 11, 0, 0);

const minutesBefore = (now: Date, minutes: number) =>
  new Date(now.getTime() - minutes * 60_000).toISOString();

function status(now: Date, changes: Partial<PipelineStatus> = {}): PipelineStatus {
  return {
    lastCallAt: minutesBefore(now, 3),
    lastMinedAt: minutesBefore(now, 2),
    calls: { rated: 4_000, unrated: 10, free: 6_000, total: 10_010 },
    recordedLines: 10_012,
    rejectedLines: 2,
    backlog: { files: 1, bytes: 2_048, oldestAt: minutesBefore(now, 1) },
    failedFiles: [],
    recorders: [{ source: 'sfb', position: 'p', openSessions: 3, updatedAt: minutesBefore(now, 1) }],
    ...changes,
  };
}

describe('pipeline health', () => {
  it('is green when calls flow, few are unrated or rejected and nothing waits', () => {
    expect(pipelineHealth(status(WEDNESDAY), WEDNESDAY)).toEqual({ state: 'green', reasons: [] });
  });

  it('is red when spool files failed', () => {
    const health = pipelineHealth(status(WEDNESDAY, { failedFiles: ['a.jsonl', 'b.jsonl'] }), WEDNESDAY);
    expect(health.state).toBe('red');
    expect(health.reasons).toEqual([{ code: 'failed-files', state: 'red', files: 2 }]);
  });

  it('is red when nothing was recorded for two hours in working time, not at the weekend', () => {
    const quiet = (now: Date) =>
      status(now, {
        lastCallAt: minutesBefore(now, 150),
        recorders: [{ source: 'sfb', position: 'p', openSessions: 0, updatedAt: minutesBefore(now, 30) }],
      });
    expect(pipelineHealth(quiet(WEDNESDAY), WEDNESDAY).reasons).toEqual([
      { code: 'nothing-recorded', state: 'red', hours: 2 },
    ]);
    expect(pipelineHealth(quiet(SUNDAY), SUNDAY).state).toBe('green');
    const almost = status(WEDNESDAY, { lastCallAt: minutesBefore(WEDNESDAY, 119) });
    expect(pipelineHealth(almost, WEDNESDAY).state).toBe('green');
  });

  it('is amber when spool files wait a quarter of an hour, red after two hours', () => {
    const waiting = (minutes: number) =>
      status(WEDNESDAY, { backlog: { files: 4, bytes: 1, oldestAt: minutesBefore(WEDNESDAY, minutes) } });
    expect(pipelineHealth(waiting(14), WEDNESDAY).state).toBe('green');
    expect(pipelineHealth(waiting(15), WEDNESDAY).reasons).toEqual([
      { code: 'backlog-waiting', state: 'amber', files: 4, minutes: 15 },
    ]);
    expect(pipelineHealth(waiting(120), WEDNESDAY).reasons).toEqual([
      { code: 'backlog-stuck', state: 'red', files: 4, minutes: 120 },
    ]);
  });

  it('is amber when 1 % of calls are unrated, or unrated calls grow between readings', () => {
    const calls = { rated: 98, unrated: 1, free: 1, total: 100 };
    expect(pipelineHealth(status(WEDNESDAY, { calls }), WEDNESDAY).reasons).toEqual([
      { code: 'unrated-share', state: 'amber', calls: 1, share: 0.01 },
    ]);
    const before = status(WEDNESDAY);
    const after = status(WEDNESDAY, { calls: { ...before.calls, unrated: 13, total: 10_013 } });
    expect(pipelineHealth(after, WEDNESDAY, before).reasons).toEqual([
      { code: 'unrated-growing', state: 'amber', added: 3 },
    ]);
    expect(pipelineHealth(before, WEDNESDAY, after).state).toBe('green');
  });

  it('is amber when 1 % of the lines read were rejected', () => {
    const health = pipelineHealth(status(WEDNESDAY, { recordedLines: 990, rejectedLines: 10 }), WEDNESDAY);
    expect(health.reasons).toEqual([{ code: 'rejected-share', state: 'amber', lines: 10, share: 0.01 }]);
  });

  it('is amber for a recorder source idle in working time, and for a pipeline without calls yet', () => {
    const idle = status(WEDNESDAY, {
      recorders: [
        { source: 'lcscdr', position: null, openSessions: 0, updatedAt: minutesBefore(WEDNESDAY, 180) },
      ],
    });
    expect(pipelineHealth(idle, WEDNESDAY).reasons).toEqual([
      { code: 'recorder-idle', state: 'amber', source: 'lcscdr', hours: 3 },
    ]);
    const empty = status(WEDNESDAY, { lastCallAt: null, calls: { rated: 0, unrated: 0, free: 0, total: 0 } });
    expect(pipelineHealth(empty, WEDNESDAY).reasons).toEqual([{ code: 'no-calls-yet', state: 'amber' }]);
  });

  it('lists the red reasons before the amber ones', () => {
    const health = pipelineHealth(
      status(WEDNESDAY, { calls: { rated: 1, unrated: 1, free: 0, total: 2 }, failedFiles: ['x'] }),
      WEDNESDAY,
    );
    expect(health.state).toBe('red');
    expect(health.reasons.map((reason) => reason.code)).toEqual(['failed-files', 'unrated-share']);
  });

  it('counts Monday to Friday, 8:00 to 18:00 as working time', () => {
    expect(isWorkingTime(new Date(2026, 11, 2, 7, 59))).toBe(false);
    expect(isWorkingTime(new Date(2026, 11, 2, 8, 0))).toBe(true);
    expect(isWorkingTime(new Date(2026, 11, 2, 17, 59))).toBe(true);
    expect(isWorkingTime(new Date(2026, 11, 2, 18, 0))).toBe(false);
    expect(isWorkingTime(new Date(2026, 11, 5, 11, 0))).toBe(false);
  });
});
