import type { AlarmRecipients, AlarmRule, AlarmRuleKind } from '../../../api/api-types';
import { amountText, parseAmount, parseWhole } from '../shared/amount';
import { listOf } from '../shared/text-list';

/** The kinds of rule, in the order the form offers them. */
export const ALARM_RULE_KINDS: readonly AlarmRuleKind[] = [
  'budget',
  'single_call',
  'destination',
  'out_of_hours',
  'anomaly',
  'health',
];

/** The weekdays of business hours, as the alarm engine names them (Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The health checks the engine knows, and the one threshold each is set by. */
export const HEALTH_CHECKS = {
  no_calls: 'minutes',
  recorder_lag: 'marginDays',
  unrated_calls: 'maxCount',
  rejected_lines: 'maxCount',
  miner_backlog: 'maxFiles',
} as const;

/** Each health check's threshold when a rule leaves it out, as the engine takes it. */
const HEALTH_DEFAULTS: Record<keyof typeof HEALTH_CHECKS, string> = {
  no_calls: '60',
  recorder_lag: '7',
  unrated_calls: '0',
  rejected_lines: '0',
  miner_backlog: '20',
};

/** One of the health checks. */
export type HealthCheck = keyof typeof HEALTH_CHECKS;

/** A day's business hours in the form: closed, or whole local hours. */
export interface HoursDraft {
  open: boolean;
  from: string;
  to: string;
}

/** Every setting of the form as typed; only the current kind's are sent. Lists are written with commas. */
export interface AlarmRuleDraft {
  name: string;
  kind: AlarmRuleKind;
  enabled: boolean;
  severity: 'info' | 'warning' | 'critical';
  budgetSubject: 'user' | 'department' | 'site';
  /** Empty: every user, department or site, each against the budget. */
  budgetSubjectId: string;
  budgetPeriod: 'day' | 'week' | 'month';
  budgetAmount: string;
  thresholds: string;
  maxCost: string;
  maxDurationMin: string;
  destClasses: string[];
  prefixes: string;
  countries: string;
  hours: Record<(typeof WEEKDAYS)[number], HoursDraft>;
  holidays: boolean;
  anomalySubject: 'user' | 'department' | 'country';
  anomalyMeasure: 'calls' | 'cost' | 'minutes';
  factor: string;
  minimum: string;
  baselineDays: string;
  healthCheck: HealthCheck;
  healthLimit: string;
  recipients: RecipientsDraft;
  /** What the stored definition holds that the form does not show (kept on save while the kind stays). */
  rest: Record<string, unknown>;
  /** The kind (and health check) `rest` belongs to. */
  restOf: string;
}

/** Whom alarms go to, as the form holds it. */
export interface RecipientsDraft {
  teams: boolean;
  email: boolean;
  toUser: boolean;
  toSupervisors: boolean;
  toAdmins: boolean;
  emails: string;
  conversations: string;
}

/** A field of the form that cannot be sent. */
export type AlarmRuleField =
  | 'name'
  | 'budgetSubjectId'
  | 'budgetAmount'
  | 'thresholds'
  | 'limits'
  | 'maxCost'
  | 'maxDurationMin'
  | 'destinations'
  | 'countries'
  | 'prefixes'
  | 'hours'
  | 'factor'
  | 'minimum'
  | 'baselineDays'
  | 'healthLimit'
  | 'channels';

/** What `POST /api/v1/admin/alarm-rules` and `PUT …/{id}` take. */
export type AlarmRuleBody = Omit<AlarmRule, 'id'>;

const OFFICE_HOURS: HoursDraft = { open: true, from: '8', to: '18' };
const CLOSED: HoursDraft = { open: false, from: '8', to: '18' };

/** A new rule's form: a monthly budget per department, told to supervisors in Teams. */
export const NEW_ALARM_RULE: AlarmRuleDraft = {
  name: '',
  kind: 'budget',
  enabled: true,
  severity: 'warning',
  budgetSubject: 'department',
  budgetSubjectId: '',
  budgetPeriod: 'month',
  budgetAmount: '',
  thresholds: '80, 100',
  maxCost: '',
  maxDurationMin: '',
  destClasses: ['premium'],
  prefixes: '',
  countries: '',
  hours: {
    mon: OFFICE_HOURS,
    tue: OFFICE_HOURS,
    wed: OFFICE_HOURS,
    thu: OFFICE_HOURS,
    fri: OFFICE_HOURS,
    sat: CLOSED,
    sun: CLOSED,
  },
  holidays: true,
  anomalySubject: 'user',
  anomalyMeasure: 'cost',
  factor: '3',
  minimum: '',
  baselineDays: '14',
  healthCheck: 'no_calls',
  healthLimit: '60',
  recipients: {
    teams: true,
    email: false,
    toUser: false,
    toSupervisors: true,
    toAdmins: false,
    emails: '',
    conversations: '',
  },
  rest: {},
  restOf: '',
};

/** What a definition's settings belong to: its kind, and a health rule's check. */
const settingsOf = (kind: AlarmRuleKind, check: HealthCheck) =>
  kind === 'health' ? `health:${check}` : kind;

/** The settings each kind's form shows; the rest of a stored definition is kept as it is. */
const SHOWN: Record<AlarmRuleKind, readonly string[]> = {
  budget: ['subject', 'subjectId', 'period', 'budget', 'budgetMicro', 'thresholds'],
  single_call: ['maxCost', 'maxCostMicro', 'maxDurationSec', 'severity'],
  destination: ['destClasses', 'prefixes', 'countries', 'severity'],
  out_of_hours: ['businessHours', 'holidays', 'severity'],
  anomaly: ['subject', 'measure', 'factor', 'minimum', 'baselineDays', 'severity'],
  health: ['check', ...new Set(Object.values(HEALTH_CHECKS))],
};

const text = (value: unknown, otherwise = '') => (typeof value === 'number' ? String(value) : otherwise);
const listText = (value: unknown, otherwise = '') => (Array.isArray(value) ? value.join(', ') : otherwise);
const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Business hours as the engine gives them back (a list from Monday) or as written (by weekday name). */
function hoursOf(value: unknown): AlarmRuleDraft['hours'] {
  const hours = { ...NEW_ALARM_RULE.hours };
  if (typeof value !== 'object' || value === null) return hours;
  WEEKDAYS.forEach((day, index) => {
    const given = Array.isArray(value) ? value[index] : (value as Record<string, unknown>)[day];
    if (given === null) hours[day] = CLOSED;
    else if (typeof given === 'object' && given !== undefined) {
      const { from, to } = given as { from: number; to: number };
      hours[day] = { open: true, from: String(from), to: String(to) };
    }
  });
  return hours;
}

/**
 * A stored definition ready to be sent back: business hours by weekday name (the engine takes
 * them so, and may give them back as a list) and unset values left out rather than null.
 */
export function sendableDefinition(definition: Record<string, unknown>): Record<string, unknown> {
  const sendable: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(definition)) {
    if (value === null || value === undefined) continue;
    sendable[name] = name === 'businessHours' ? hoursBody(hoursOf(value)) : value;
  }
  return sendable;
}

/**
 * A rule's recipients with the engine's defaults for what was left out (Teams, nobody named), and
 * without the admin group the server fills in itself.
 */
export function recipientsOf(recipients: Partial<AlarmRecipients> | undefined): AlarmRecipients {
  const given = recipients ?? {};
  return {
    channels: given.channels ?? ['teams'],
    toUser: given.toUser ?? false,
    toSupervisors: given.toSupervisors ?? false,
    toAdmins: given.toAdmins ?? false,
    emails: given.emails ?? [],
    conversations: given.conversations ?? [],
  };
}

/** The form of a stored rule. */
export function alarmRuleDraftOf(rule: AlarmRule): AlarmRuleDraft {
  const d = rule.definition;
  const r = recipientsOf(rule.recipients);
  const rest = Object.fromEntries(
    Object.entries(sendableDefinition(d)).filter(([name]) => !SHOWN[rule.kind].includes(name)),
  );
  const micro = (value: unknown) => (typeof value === 'number' ? amountText(value) : '');
  const healthCheck = pick(d.check, Object.keys(HEALTH_CHECKS) as HealthCheck[], 'no_calls');
  return {
    ...NEW_ALARM_RULE,
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    severity: pick(d.severity, ['info', 'warning', 'critical'], 'warning'),
    ...(rule.kind === 'budget'
      ? {
          budgetSubject: pick(d.subject, ['user', 'department', 'site'], 'department'),
          budgetSubjectId: text(d.subjectId),
          budgetPeriod: pick(d.period, ['day', 'week', 'month'], 'month'),
          budgetAmount:
            typeof d.budgetMicro === 'number' ? amountText(d.budgetMicro) : String(d.budget ?? ''),
          thresholds: listText(d.thresholds, NEW_ALARM_RULE.thresholds),
        }
      : {}),
    maxCost: typeof d.maxCostMicro === 'number' ? micro(d.maxCostMicro) : String(d.maxCost ?? ''),
    maxDurationMin: typeof d.maxDurationSec === 'number' ? String(d.maxDurationSec / 60) : '',
    destClasses: Array.isArray(d.destClasses) ? (d.destClasses as string[]) : [],
    prefixes: listText(d.prefixes),
    countries: listText(d.countries),
    hours: hoursOf(d.businessHours),
    holidays: d.holidays !== false,
    ...(rule.kind === 'anomaly'
      ? {
          anomalySubject: pick(d.subject, ['user', 'department', 'country'], 'user'),
          anomalyMeasure: pick(d.measure, ['calls', 'cost', 'minutes'], 'cost'),
          factor: text(d.factor, NEW_ALARM_RULE.factor),
          minimum: d.measure === 'cost' ? micro(d.minimum) : text(d.minimum),
          baselineDays: text(d.baselineDays, NEW_ALARM_RULE.baselineDays),
        }
      : {}),
    healthCheck,
    healthLimit: text(d[HEALTH_CHECKS[healthCheck]], HEALTH_DEFAULTS[healthCheck]),
    recipients: {
      teams: r.channels.includes('teams'),
      email: r.channels.includes('email'),
      toUser: r.toUser,
      toSupervisors: r.toSupervisors,
      toAdmins: r.toAdmins,
      emails: r.emails.join(', '),
      conversations: r.conversations.join(', '),
    },
    rest,
    restOf: settingsOf(rule.kind, healthCheck),
  };
}

function hoursBody(hours: AlarmRuleDraft['hours']): Record<string, { from: number; to: number } | null> {
  return Object.fromEntries(
    WEEKDAYS.map((day) => [
      day,
      hours[day].open ? { from: Number(hours[day].from), to: Number(hours[day].to) } : null,
    ]),
  );
}

/** A positive decimal (a factor), or null. */
function parsePositive(value: string): number | null {
  const number = Number(value.trim().replace(',', '.'));
  return value.trim() !== '' && Number.isFinite(number) && number > 0 ? number : null;
}

/**
 * Reads the form into the rule's body, checking what the form can (the API checks everything
 * again and says what it refuses), or names the fields that cannot be read.
 */
export function alarmRuleBody(
  draft: AlarmRuleDraft,
): { ok: true; body: AlarmRuleBody } | { ok: false; problems: AlarmRuleField[] } {
  const problems: AlarmRuleField[] = [];
  const check = (field: AlarmRuleField, valid: boolean) => {
    if (!valid) problems.push(field);
  };
  const name = draft.name.trim();
  check('name', name !== '' && name.length <= 128);
  const definition: Record<string, unknown> =
    draft.restOf === settingsOf(draft.kind, draft.healthCheck) ? { ...draft.rest } : {};
  const severity = { severity: draft.severity };
  switch (draft.kind) {
    case 'budget': {
      const id = draft.budgetSubjectId.trim() === '' ? undefined : parseWhole(draft.budgetSubjectId, 1);
      const amount = parseAmount(draft.budgetAmount);
      const thresholds = listOf(draft.thresholds).map(parsePositive);
      check('budgetSubjectId', id !== null);
      check('budgetAmount', amount !== null && amount > 0);
      check(
        'thresholds',
        thresholds.length > 0 && thresholds.length <= 5 && thresholds.every((t) => t !== null && t <= 1000),
      );
      Object.assign(definition, {
        subject: draft.budgetSubject,
        ...(id ? { subjectId: id } : {}),
        period: draft.budgetPeriod,
        budgetMicro: amount,
        thresholds,
      });
      break;
    }
    case 'single_call': {
      const cost = draft.maxCost.trim() === '' ? undefined : parseAmount(draft.maxCost);
      const minutes = draft.maxDurationMin.trim() === '' ? undefined : parsePositive(draft.maxDurationMin);
      check('maxCost', cost !== null && cost !== 0);
      check('maxDurationMin', minutes !== null);
      check('limits', cost !== undefined || minutes !== undefined);
      Object.assign(definition, {
        ...(cost ? { maxCostMicro: cost } : {}),
        ...(minutes ? { maxDurationSec: Math.round(minutes * 60) } : {}),
        ...severity,
      });
      break;
    }
    case 'destination': {
      const prefixes = listOf(draft.prefixes);
      const countries = listOf(draft.countries).map((country) => country.toUpperCase());
      check(
        'prefixes',
        prefixes.every((prefix) => /^\+?\d{1,15}$/.test(prefix)),
      );
      check(
        'countries',
        countries.every((country) => /^[A-Z]{2}$/.test(country)),
      );
      check('destinations', draft.destClasses.length + prefixes.length + countries.length > 0);
      Object.assign(definition, { destClasses: draft.destClasses, prefixes, countries, ...severity });
      break;
    }
    case 'out_of_hours': {
      check(
        'hours',
        WEEKDAYS.every((day) => {
          const { open, from, to } = draft.hours[day];
          const start = parseWhole(from);
          const end = parseWhole(to);
          return !open || (start !== null && end !== null && start <= 23 && end <= 24 && end > start);
        }),
      );
      Object.assign(definition, {
        businessHours: hoursBody(draft.hours),
        holidays: draft.holidays,
        ...severity,
      });
      break;
    }
    case 'anomaly': {
      const factor = parsePositive(draft.factor);
      const minimum =
        draft.anomalyMeasure === 'cost' ? parseAmount(draft.minimum) : parsePositive(draft.minimum);
      const baselineDays = parseWhole(draft.baselineDays, 1);
      check('factor', factor !== null && factor >= 1);
      check('minimum', minimum !== null && minimum > 0);
      check('baselineDays', baselineDays !== null && baselineDays <= 90);
      Object.assign(definition, {
        subject: draft.anomalySubject,
        measure: draft.anomalyMeasure,
        factor,
        minimum,
        baselineDays,
        ...severity,
      });
      break;
    }
    case 'health': {
      const limit = parseWhole(draft.healthLimit);
      check('healthLimit', limit !== null);
      Object.assign(definition, { check: draft.healthCheck, [HEALTH_CHECKS[draft.healthCheck]]: limit });
      break;
    }
  }
  const recipients = draft.recipients;
  const channels = [
    ...(recipients.teams ? ['teams' as const] : []),
    ...(recipients.email ? ['email' as const] : []),
  ];
  check('channels', channels.length > 0);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name,
      kind: draft.kind,
      enabled: draft.enabled,
      definition,
      recipients: {
        channels,
        toUser: recipients.toUser,
        toSupervisors: recipients.toSupervisors,
        toAdmins: recipients.toAdmins,
        emails: listOf(recipients.emails),
        conversations: listOf(recipients.conversations),
      },
    },
  };
}
