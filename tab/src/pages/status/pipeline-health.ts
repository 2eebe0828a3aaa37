import type { PipelineStatus } from '../../api/api-types';

/** The pipeline at a glance: working (green), needs a look (amber), not working (red). */
export type HealthState = 'green' | 'amber' | 'red';

/** One thing that makes the pipeline less than green, with the figures that say so. */
export type HealthReason =
  | { code: 'failed-files'; state: 'red'; files: number }
  | { code: 'nothing-recorded'; state: 'red'; hours: number }
  | { code: 'backlog-stuck'; state: 'red'; files: number; minutes: number }
  | { code: 'no-calls-yet'; state: 'amber' }
  | { code: 'backlog-waiting'; state: 'amber'; files: number; minutes: number }
  | { code: 'unrated-share'; state: 'amber'; calls: number; share: number }
  | { code: 'unrated-growing'; state: 'amber'; added: number }
  | { code: 'rejected-share'; state: 'amber'; lines: number; share: number }
  | { code: 'recorder-idle'; state: 'amber'; source: string; hours: number };

/** The pipeline's state and every reason for it, reds first. */
export interface PipelineHealth {
  state: HealthState;
  reasons: HealthReason[];
}

/** Where green ends. */
export const HEALTH_THRESHOLDS = {
  /** In working time, no new call for this long means the recorders or the miner stopped. */
  quietHours: 2,
  /** A recorder source that has not moved for this long in working time. */
  recorderIdleHours: 2,
  /** A spool file waiting longer than this: the miner is behind … */
  backlogWaitingMinutes: 15,
  /** … and longer than this: the miner is not mining. */
  backlogStuckMinutes: 120,
  /** Unrated calls or rejected lines above this share of all. */
  share: 0.01,
  /** Working time: Monday to Friday, from this hour … */
  workdayStartHour: 8,
  /** … to this one, in the viewer's time zone. */
  workdayEndHour: 18,
};

/** Whether `now` is in working time (Monday to Friday, 8:00 to 18:00 local time). */
export function isWorkingTime(now: Date, thresholds = HEALTH_THRESHOLDS): boolean {
  const day = now.getDay();
  const hour = now.getHours();
  return day >= 1 && day <= 5 && hour >= thresholds.workdayStartHour && hour < thresholds.workdayEndHour;
}

/**
 * How healthy the pipeline is, from its status read at `now` and the reading before it (to see
 * unrated calls grow). Red: spool files failed, no call recorded for hours in working time, or
 * a spool file waiting for hours. Amber: unrated calls or rejected lines above 1 % or unrated
 * calls growing, spool files waiting, a recorder source idle in working time, or no call yet.
 */
export function pipelineHealth(
  status: PipelineStatus,
  now: Date,
  previous: PipelineStatus | null = null,
  thresholds = HEALTH_THRESHOLDS,
): PipelineHealth {
  const reasons: HealthReason[] = [];
  const hoursSince = (iso: string) => (now.getTime() - Date.parse(iso)) / 3_600_000;
  const working = isWorkingTime(now, thresholds);

  if (status.failedFiles.length > 0)
    reasons.push({ code: 'failed-files', state: 'red', files: status.failedFiles.length });

  if (status.lastCallAt === null) reasons.push({ code: 'no-calls-yet', state: 'amber' });
  else if (working && hoursSince(status.lastCallAt) >= thresholds.quietHours)
    reasons.push({
      code: 'nothing-recorded',
      state: 'red',
      hours: Math.floor(hoursSince(status.lastCallAt)),
    });

  if (status.backlog.files > 0 && status.backlog.oldestAt !== null) {
    const minutes = Math.floor(hoursSince(status.backlog.oldestAt) * 60);
    const files = status.backlog.files;
    if (minutes >= thresholds.backlogStuckMinutes)
      reasons.push({ code: 'backlog-stuck', state: 'red', files, minutes });
    else if (minutes >= thresholds.backlogWaitingMinutes)
      reasons.push({ code: 'backlog-waiting', state: 'amber', files, minutes });
  }

  const { unrated, total } = status.calls;
  if (total > 0 && unrated / total >= thresholds.share)
    reasons.push({ code: 'unrated-share', state: 'amber', calls: unrated, share: unrated / total });
  else if (previous && unrated > previous.calls.unrated)
    reasons.push({ code: 'unrated-growing', state: 'amber', added: unrated - previous.calls.unrated });

  const lines = status.recordedLines + status.rejectedLines;
  if (lines > 0 && status.rejectedLines / lines >= thresholds.share)
    reasons.push({
      code: 'rejected-share',
      state: 'amber',
      lines: status.rejectedLines,
      share: status.rejectedLines / lines,
    });

  if (working)
    for (const recorder of status.recorders) {
      const hours = hoursSince(recorder.updatedAt);
      if (hours >= thresholds.recorderIdleHours)
        reasons.push({
          code: 'recorder-idle',
          state: 'amber',
          source: recorder.source,
          hours: Math.floor(hours),
        });
    }

  const ordered = [
    ...reasons.filter((r) => r.state === 'red'),
    ...reasons.filter((r) => r.state === 'amber'),
  ];
  const state: HealthState = ordered[0]?.state ?? 'green';
  return { state, reasons: ordered };
}
