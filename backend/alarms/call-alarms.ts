import type { AlarmCall, CallMatch, NewlyPricedCalls } from '../db/alarm-measure.repository.js';
import type { StoredAlarmRule } from '../db/alarm-rule.repository.js';
import type { Repositories } from '../db/repositories.js';
import { raiseAlarms, type AlarmCandidate } from './alarm-raiser.js';
import { PER_CALL_KINDS, storedAlarmRule, type AlarmDefinitions, type AlarmRule } from './alarm-rule.js';
import { amountText, destinationText, durationText } from './alarm-wording.js';
import { holidayDaysAround, isHolidayIn, isOpenAt } from './business-hours.js';

/**
 * Checks the calls a spool file just stored, or a re-rate just priced again, against the per-call
 * rules (single call, destination, out of hours), in the transaction that stored them: the alarms
 * and their outbox messages commit with the calls or not at all. Each rule is one query over the
 * file's id range (or the re-rated ids). A call raises a rule's alarm once, re-rated or not.
 * Returns the alarms raised.
 */
export async function evaluateCallAlarms(
  repos: Repositories,
  file: NewlyPricedCalls,
  now: number = Date.now(),
): Promise<number> {
  const rules = await repos.alarmRules.list({ enabledOnly: true, kinds: PER_CALL_KINDS });
  let raised = 0;
  for (const stored of rules) {
    const rule = usableRule(stored);
    if (!rule) continue;
    const check = callCheck(rule, now);
    if (!check) continue;
    const calls = (await repos.alarmMeasures.fileCallsMatching(file, check.match)).filter(check.keep);
    const candidates = calls.map((call) => callAlarm(call, check.severity, check.detail(call)));
    raised += (await raiseAlarms(repos, rule, candidates, now)).length;
  }
  return raised;
}

/**
 * A rule saved through the API or the CLI is valid; one that no longer is (a kind's settings
 * changed meaning) is left out here rather than stopping the miner, and `alarms rules` names it.
 */
function usableRule(stored: StoredAlarmRule): AlarmRule | null {
  try {
    return storedAlarmRule(stored);
  } catch {
    return null;
  }
}

interface CallCheck {
  match: CallMatch;
  severity: AlarmCandidate['severity'];
  keep(call: AlarmCall): boolean;
  detail(call: AlarmCall): string;
}

function callCheck(rule: AlarmRule, now: number): CallCheck | null {
  switch (rule.kind) {
    case 'single_call':
      return singleCallCheck(rule.definition);
    case 'destination':
      return destinationCheck(rule.definition);
    case 'out_of_hours':
      return outOfHoursCheck(rule.definition, now);
    default:
      return null;
  }
}

function singleCallCheck(definition: AlarmDefinitions['single_call']): CallCheck {
  return {
    severity: definition.severity,
    match: { kind: 'over', costMicro: definition.maxCostMicro, durationSec: definition.maxDurationSec },
    keep: () => true,
    detail: (call) => {
      const limits = [
        definition.maxCostMicro === null
          ? null
          : `cost limit ${amountText(definition.maxCostMicro, call.currency)}`,
        definition.maxDurationSec === null ? null : `length limit ${durationText(definition.maxDurationSec)}`,
      ].filter(Boolean);
      return `A ${durationText(call.durationSec)} call to ${destinationText(call)} cost ${amountText(call.costMicro, call.currency)} (${limits.join(', ')}).`;
    },
  };
}

function destinationCheck(definition: AlarmDefinitions['destination']): CallCheck {
  return {
    severity: definition.severity,
    match: { kind: 'destination', ...definition },
    keep: () => true,
    detail: (call) =>
      `A call to ${destinationText(call)}: ${durationText(call.durationSec)}, ${amountText(call.costMicro, call.currency)}.`,
  };
}

function outOfHoursCheck(definition: AlarmDefinitions['out_of_hours'], now: number): CallCheck {
  const holiday = (call: AlarmCall) => definition.holidays && isHolidayIn(call.siteCountry, call.localDay);
  const closed = (call: AlarmCall) => !isOpenAt(definition.businessHours, call.localWeekday, call.localHour);
  return {
    severity: definition.severity,
    match: {
      kind: 'outside-hours',
      hours: definition.businessHours,
      minCostMicro: definition.minCostMicro,
      holidayDays: definition.holidays ? holidayDaysAround(now) : [],
    },
    // SQL took every country's holidays; only the call's own site's count.
    keep: (call) => closed(call) || holiday(call),
    detail: (call) => {
      const when = holiday(call) ? 'on a public holiday' : 'outside business hours';
      const at = `${String(call.localHour).padStart(2, '0')}h local time, day ${call.localDay}`;
      return `A call ${when} (${at}) to ${destinationText(call)}: ${durationText(call.durationSec)}, ${amountText(call.costMicro, call.currency)}.`;
    },
  };
}

function callAlarm(call: AlarmCall, severity: AlarmCandidate['severity'], detail: string): AlarmCandidate {
  return {
    subjectKey: `call:${call.id}`,
    windowKey: String(call.id),
    subjectLabel: call.userName ?? 'an unknown caller',
    severity,
    detail,
    measured: {
      callId: call.id,
      costMicro: call.costMicro,
      currency: call.currency,
      durationSec: call.durationSec,
      destClass: call.destClass,
      destCountry: call.destCountry,
      startedAt: call.startedAt,
    },
    userId: call.userId,
    departmentId: call.departmentId,
    siteId: call.siteId,
    callId: call.id,
  };
}
