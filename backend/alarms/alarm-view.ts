import type { AlarmRecord } from '../db/alarm.repository.js';
import type { AlarmView } from '../../bot/cards/alarm-card.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * An alarm as its Adaptive Card shows it: the bot's list and the delivery of alarm messages (which
 * render the card at send time, so it shows the alarm's state then) both use this.
 */
export function alarmView(alarm: AlarmRecord): AlarmView {
  return {
    id: alarm.id,
    rule: alarm.ruleName,
    subject: alarm.subjectLabel,
    detail: alarm.detail,
    raisedAt: new Date(alarm.raisedAt).toISOString(),
    acknowledged:
      alarm.acknowledgedAt === null
        ? null
        : { by: alarm.acknowledgedBy ?? 'someone', at: new Date(alarm.acknowledgedAt).toISOString() },
  };
}

/** An alarm as the API returns it (GET /api/v1/alarms). */
export interface AlarmJson {
  id: number;
  ruleId: number;
  rule: string;
  kind: string;
  severity: AlarmRecord['severity'];
  subject: string;
  detail: string;
  raisedAt: string;
  status: AlarmRecord['status'];
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  callId: number | null;
}

/** The API's form of an alarm: times as ISO-8601. */
export function alarmJson(alarm: AlarmRecord): AlarmJson {
  return {
    id: alarm.id,
    ruleId: alarm.ruleId,
    rule: alarm.ruleName,
    kind: alarm.kind,
    severity: alarm.severity,
    subject: alarm.subjectLabel,
    detail: alarm.detail,
    raisedAt: new Date(alarm.raisedAt).toISOString(),
    status: alarm.status,
    acknowledgedBy: alarm.acknowledgedBy,
    acknowledgedAt: iso(alarm.acknowledgedAt),
    resolvedAt: iso(alarm.resolvedAt),
    callId: alarm.callId,
  };
}
