import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Repositories } from '../db/repositories.js';
import { ZoneClock } from '../domain/zone-clock.js';
import { pendingSpoolFiles } from '../miner/spool-folder.js';
import { decodePosition } from '../recorder/recorder-position.js';
import type { AlarmCandidate } from './alarm-raiser.js';
import type { AlarmDefinitions } from './alarm-rule.js';
import { isHolidayIn, isOpenAt } from './business-hours.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One thing a health rule watches, and whether it is wrong now. */
export interface HealthFinding {
  subjectKey: string;
  subjectLabel: string;
  failing: boolean;
  /**
   * Whether the trouble is over, so an open alarm about it is resolved; by default when it is not
   * failing. A silent site is not over at closing time, only when a call comes.
   */
  cleared?: boolean;
  detail: string;
  measured: Record<string, unknown>;
  siteId: number | null;
}

/** Where the miner's spool folder is, for the backlog check (null: that check has nothing to look at). */
export interface HealthContext {
  spoolDir: string | null;
}

/**
 * What a health rule sees now: one finding per thing watched (per site for "no calls", per
 * recorder source for the purge horizon), failing or not. A failing one raises an alarm unless one
 * is still unresolved; one that is fine again resolves it.
 */
export async function healthFindings(
  repos: Repositories,
  definition: AlarmDefinitions['health'],
  now: number,
  context: HealthContext,
): Promise<HealthFinding[]> {
  switch (definition.check) {
    case 'no_calls': {
      const sites = (await repos.sites.list()).filter(
        (site) => definition.siteCode === undefined || site.code === definition.siteCode,
      );
      const findings: HealthFinding[] = [];
      for (const site of sites) {
        const clock = new ZoneClock(site.timeZone);
        const since = now - definition.minutes * MINUTE;
        // Open now and already at the start of the quiet spell: a morning's first minutes are not silence.
        const open = [now, since].every((at) => {
          const local = clock.localTime(at);
          return (
            isOpenAt(definition.businessHours, local.weekday, local.hour) &&
            !(definition.holidays && isHolidayIn(site.dialPlan.country, local.day))
          );
        });
        const last = await repos.alarmMeasures.lastCallStartedAt(site.id);
        const quiet = last === null || last < since;
        findings.push({
          subjectKey: `health:no_calls:site:${site.id}`,
          subjectLabel: site.name,
          failing: open && quiet,
          cleared: !quiet,
          detail: `No call recorded at ${site.name} for ${definition.minutes} minutes during business hours (last call: ${last === null ? 'never' : new Date(last).toISOString()}).`,
          measured: { lastCallAt: last, minutes: definition.minutes },
          siteId: site.id,
        });
      }
      return findings;
    }
    case 'recorder_lag': {
      const horizon = now - (definition.purgeDays - definition.marginDays) * DAY;
      return (await repos.checkpoints.list()).map((checkpoint) => {
        const at = decodePosition(checkpoint.position).at;
        const readTo = at === null ? null : Date.parse(at);
        return {
          subjectKey: `health:recorder_lag:${checkpoint.source}`,
          subjectLabel: `recorder ${checkpoint.source}`,
          failing: readTo !== null && readTo < horizon,
          detail: `The ${checkpoint.source} recorder has read call records up to ${at ?? 'nothing'}, within ${definition.marginDays} days of the ${definition.purgeDays}-day purge: records not read before the purge are lost.`,
          measured: { position: at, purgeDays: definition.purgeDays },
          siteId: null,
        };
      });
    }
    case 'unrated_calls': {
      const count = await repos.alarmMeasures.unratedSince(now - definition.sinceHours * 3_600_000);
      return [
        systemFinding('unrated_calls', 'unrated calls', count > definition.maxCount, {
          detail: `${count} calls of the last ${definition.sinceHours} hours could not be rated (no tariff or route for them).`,
          measured: { count },
        }),
      ];
    }
    case 'rejected_lines': {
      const count = await repos.alarmMeasures.rejectedSince(now - definition.sinceHours * 3_600_000);
      return [
        systemFinding('rejected_lines', 'rejected spool lines', count > definition.maxCount, {
          detail: `${count} spool lines were rejected in the last ${definition.sinceHours} hours.`,
          measured: { count },
        }),
      ];
    }
    case 'miner_backlog': {
      if (context.spoolDir === null) return [];
      const pending = await pendingSpoolFiles(context.spoolDir);
      let oldest: number | null = null;
      for (const name of pending) {
        const file = await stat(join(context.spoolDir, name)).catch(() => null);
        if (file) oldest = oldest === null ? file.mtimeMs : Math.min(oldest, file.mtimeMs);
      }
      const late = oldest !== null && oldest < now - definition.maxAgeMinutes * MINUTE;
      return [
        systemFinding('miner_backlog', 'miner backlog', pending.length > definition.maxFiles || late, {
          detail: `${pending.length} spool files wait for the miner${oldest === null ? '' : `, the oldest since ${new Date(oldest).toISOString()}`}.`,
          measured: { files: pending.length, oldestAt: oldest },
        }),
      ];
    }
  }
}

function systemFinding(
  check: string,
  label: string,
  failing: boolean,
  text: { detail: string; measured: Record<string, unknown> },
): HealthFinding {
  return { subjectKey: `health:${check}`, subjectLabel: label, failing, siteId: null, ...text };
}

/**
 * A failing finding as an alarm. Its window is the episode: the number of alarms the rule raised
 * on the subject before, so two evaluators seeing the same trouble write one alarm.
 */
export function healthAlarm(finding: HealthFinding, episode: number): AlarmCandidate {
  return {
    subjectKey: finding.subjectKey,
    windowKey: `episode:${episode}`,
    subjectLabel: finding.subjectLabel,
    severity: 'critical',
    detail: finding.detail,
    measured: finding.measured,
    userId: null,
    departmentId: null,
    siteId: finding.siteId,
    callId: null,
  };
}
