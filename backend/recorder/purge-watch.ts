import type { CdrSource, PurgeHorizon } from './cdr-source.js';
import { parsePosition } from './drivers/lcscdr-position.js';
import type { RecorderPosition } from './recorder-position.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What a poll has to say about the purge horizon. */
export interface PurgeAlerts {
  warnings: string[];
  notices: string[];
}

type Alert = { kind: 'behind' | 'lost'; message: string };

/**
 * Watches whether calls not recorded yet are near the PBX's purge horizon, judged by the oldest
 * session still to record (the first after the checkpoint, and those open), not by the checkpoint's
 * age: a recorder that has recorded everything is never behind. A state is told when entered, then
 * at most every `repeatMs` while it lasts, and once more when it clears. One watch per running
 * recorder keeps that memory; the alarm engine will pick these warnings up from the log.
 */
export class PurgeWatch {
  private told: { kind: Alert['kind']; at: number } | null = null;

  constructor(
    private readonly source: CdrSource,
    private readonly marginMs: number,
    private readonly repeatMs = HOUR,
  ) {}

  async check(position: RecorderPosition, horizon: PurgeHorizon | null, now: number): Promise<PurgeAlerts> {
    const alerts: PurgeAlerts = { warnings: [], notices: [] };
    const alert = horizon ? await this.alert(position, horizon) : null;
    if (alert === null) {
      if (this.told)
        alerts.notices.push(
          `the recorder is clear of the purge horizon of ${this.source.description} again: nothing left to record is near it`,
        );
      this.told = null;
    } else if (!this.told || this.told.kind !== alert.kind || now - this.told.at >= this.repeatMs) {
      alerts.warnings.push(alert.message);
      this.told = { kind: alert.kind, at: now };
    }
    return alerts;
  }

  private async alert(position: RecorderPosition, horizon: PurgeHorizon): Promise<Alert | null> {
    const where = this.source.description;
    if (position.at !== null) {
      const recordedUpTo = parsePosition(position.at).timeMs;
      if (recordedUpTo < horizon.oldestKeptMs) {
        const oldest = await this.source.oldestPosition();
        if (oldest !== null && parsePosition(oldest).timeMs > recordedUpTo)
          return {
            kind: 'lost',
            message: `the recorder is behind the purge horizon of ${where}: it has recorded up to ${position.at}, but sessions older than ${horizon.keepDays} days are deleted and the oldest left is ${oldest}; calls in between are lost`,
          };
      }
    }
    const next = await this.source.oldestPosition(position.at);
    const pending = [...(next === null ? [] : [next]), ...position.open].sort(
      (a, b) => parsePosition(a).timeMs - parsePosition(b).timeMs,
    );
    const oldest = pending[0];
    if (oldest === undefined) return null;
    const oldestMs = parsePosition(oldest).timeMs;
    if (oldestMs >= horizon.oldestKeptMs + this.marginMs) return null;
    const daysLeft = Math.max(0, Math.floor((oldestMs - horizon.oldestKeptMs) / DAY));
    return {
      kind: 'behind',
      message: `the recorder is falling behind the purge horizon of ${where}: the oldest session it has yet to record is ${oldest}; sessions older than ${horizon.keepDays} days are deleted, so it has ${daysLeft} days left to record it`,
    };
  }
}
