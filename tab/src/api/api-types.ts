/**
 * The shapes of the API's answers the tab reads (docs/api.md; `/api/v1/openapi.json` is the
 * reference). Money is in micro-units (millionths) per currency, never added across currencies.
 */

/** Who is signed in and what they may see (`GET /api/v1/me`). */
export interface Me {
  displayName: string | null;
  upn: string | null;
  role: Role;
  userId: number | null;
  scope: 'all' | 'departments' | 'user' | 'none';
  departmentIds: number[];
}

/** The three roles, from Entra ID groups. */
export type Role = 'employee' | 'supervisor' | 'admin';

/** Who each role signs in as in demo mode (`GET /api/v1/demo/personas`). */
export interface Persona {
  role: Role;
  upn: string;
  displayName: string;
}

/** Cost in one currency. */
export interface CurrencyCost {
  currency: string;
  micro: number;
  chargedCalls: number;
  averageMicro: number;
}

/** Counts, talk time and cost of a set of calls. */
export interface ReportTotals {
  calls: number;
  answered: number;
  talkSec: number;
  minutes: number;
  billedSec: number;
  cost: CurrencyCost[];
}

/** Local days of the calls' sites, both included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** Where a report's figures were read from. */
export type ReportSource = 'site-rollups' | 'rollups' | 'calls';

/** `GET /api/v1/reports/summary`. */
export interface SummaryReport {
  period: ReportPeriod;
  source: ReportSource;
  totals: ReportTotals;
  previous: { period: ReportPeriod; totals: ReportTotals };
}

/** What a breakdown groups by. */
export type BreakdownDimension =
  | 'department'
  | 'user'
  | 'site'
  | 'carrier'
  | 'destClass'
  | 'country'
  | 'destination'
  | 'hourOfDay'
  | 'weekday';

/** One row of a breakdown. */
export interface BreakdownRow extends ReportTotals {
  key: string | number | null;
  label: string;
}

/** `GET /api/v1/reports/breakdown`. */
export interface BreakdownReport {
  dimension: BreakdownDimension;
  period: ReportPeriod;
  source: ReportSource;
  rows: BreakdownRow[];
  other: (ReportTotals & { rows: number }) | null;
  total: ReportTotals;
}

/** One interval of a trend series. */
export interface TrendPoint extends ReportTotals {
  start: string;
  end: string;
}

/** One series of a trend. */
export interface TrendSeries {
  key: string | number | null;
  label: string;
  total: ReportTotals;
  points: TrendPoint[];
}

/** `GET /api/v1/reports/trend`. */
export interface TrendReport {
  interval: 'day' | 'week' | 'month';
  groupBy: 'destClass' | 'department' | null;
  period: ReportPeriod;
  source: ReportSource;
  series: TrendSeries[];
}

interface Named {
  id: number;
  name: string;
}

/** A call as the list shows it, the other party's number masked for the viewer. */
export interface CallRow {
  id: number;
  startedAt: string;
  localTime: string;
  localDay: string;
  direction: 'outbound' | 'inbound' | 'internal';
  answered: boolean;
  talkSec: number;
  billedSec: number;
  user: Named | null;
  department: Named | null;
  site: Named | null;
  carrier: Named | null;
  caller: string | null;
  callee: string | null;
  number: string | null;
  destClass: string;
  country: string | null;
  destination: string | null;
  cost: { currency: string; micro: number } | null;
  ratingStatus: 'rated' | 'unrated' | 'free';
}

/** `GET /api/v1/calls`: a page of calls and the cursor of the next (null after the last). */
export interface CallPage {
  calls: CallRow[];
  nextCursor: string | null;
}

/** The sites and departments a person may filter by (`GET /api/v1/reports/filters`). */
export interface FilterOptions {
  sites: { id: number; code: string; name: string; currency: string }[];
  departments: { id: number; code: string; name: string; parentId: number | null }[];
}

/** `GET /api/v1/status`: the recorder → spool → miner pipeline. */
export interface PipelineStatus {
  lastCallAt: string | null;
  lastMinedAt: string | null;
  calls: { rated: number; unrated: number; free: number; total: number };
  recordedLines: number;
  rejectedLines: number;
  backlog: { files: number; bytes: number; oldestAt: string | null };
  failedFiles: string[];
  recorders: { source: string; position: string | null; openSessions: number; updatedAt: string }[];
}

/** Every error the API answers with. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: string[] };
}

/** How grave an alarm is. */
export type AlarmSeverity = 'info' | 'warning' | 'critical';

/** Where an alarm stands: raised, taken in hand by someone, or over. */
export type AlarmStatus = 'open' | 'acknowledged' | 'resolved';

/** An alarm as `GET /api/v1/alarms` lists it; `subject` is what it is about, in words. */
export interface AlarmJson {
  id: number;
  ruleId: number;
  rule: string;
  kind: AlarmRuleKind;
  severity: AlarmSeverity;
  subject: string;
  detail: string;
  raisedAt: string;
  status: AlarmStatus;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  callId: number | null;
}

/** `GET /api/v1/alarms`: newest first, only those the signed-in person may see. */
export interface AlarmList {
  alarms: AlarmJson[];
}

/** `POST /api/v1/alarms/{id}/acknowledge`. */
export interface AcknowledgedAlarm {
  alarm: AlarmJson;
}

/** What an alarm rule watches. */
export type AlarmRuleKind = 'budget' | 'single_call' | 'destination' | 'out_of_hours' | 'anomaly' | 'health';

/** Whom a rule's alarms are sent to, and how. */
export interface AlarmRecipients {
  channels: ('teams' | 'email')[];
  /** The user the alarm is about (their personal chat with the bot, their e-mail). */
  toUser: boolean;
  /** The supervisors of the department it is about. */
  toSupervisors: boolean;
  toAdmins: boolean;
  emails: string[];
  /** Recipient strings: `conversation:{id}`, `channel:{teamId}/{channelId}`, `group:{entraGroupId}`. */
  conversations: string[];
}

/**
 * An alarm rule of `GET /api/v1/admin/alarm-rules`: `definition` is the kind's own settings and
 * `recipients` whom it tells, both as written (a setting left out takes the engine's default).
 */
export interface AlarmRule {
  id: number;
  name: string;
  kind: AlarmRuleKind;
  enabled: boolean;
  definition: Record<string, unknown>;
  recipients: Partial<AlarmRecipients>;
}

/** The formats a scheduled report is sent in: a Teams card, or an e-mail with a document. */
export type ScheduleFormat = 'card' | 'pdf' | 'xlsx' | 'csv' | 'html';

/** A scheduled report of `GET /api/v1/admin/report-schedules`. */
export interface ReportSchedule {
  id: number;
  name: string;
  report: string;
  /** Report filters without the period: `site`, `department`, `user`, `destClass`… */
  filters: Record<string, string | number | boolean>;
  period: string;
  format: ScheduleFormat;
  /** Recipient strings: `person:{objectId}`, an e-mail address, `conversation:…`, `channel:…`, `group:…`. */
  recipients: string[];
  cron: string;
  timeZone: string;
  enabled: boolean;
  /** The last run's due time and end (ISO), and how it went. */
  lastRun: { dueAt: string; status: 'running' | 'done' | 'failed'; finishedAt: string | null } | null;
  nextRun: string | null;
}
