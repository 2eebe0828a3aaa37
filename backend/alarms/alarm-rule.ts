import { z } from 'zod';
import { DESTINATION_CLASSES } from '../domain/destination-class.js';
import { LedgerlineError } from '../domain/errors.js';
import { parseMoney } from '../domain/money.js';
import { alarmRecipientsSchema, type AlarmRecipients } from './alarm-recipients.js';

/** The kinds of alarm rule: per call (checked while mining), aggregate and health (checked on a timer). */
export const ALARM_RULE_KINDS = [
  'budget',
  'single_call',
  'destination',
  'out_of_hours',
  'anomaly',
  'health',
] as const;

/** One of ALARM_RULE_KINDS. */
export type AlarmRuleKind = (typeof ALARM_RULE_KINDS)[number];

/** Kinds evaluated over the calls of each spool file, in the miner's transaction. */
export const PER_CALL_KINDS: readonly AlarmRuleKind[] = ['single_call', 'destination', 'out_of_hours'];

const severity = z.enum(['info', 'warning', 'critical']);

/** An amount: a decimal in currency units ("500", "12.50") or whole micro-units under `<name>Micro`. */
function money(field: string) {
  return z
    .union([z.string(), z.number()])
    .transform((value, context) => {
      try {
        const micro = parseMoney(value);
        if (micro > 0) return micro;
        context.addIssue({ code: 'custom', message: `${field}: must be more than 0` });
      } catch (error) {
        context.addIssue({ code: 'custom', message: `${field}: ${(error as Error).message}` });
      }
      return z.NEVER;
    })
    .optional();
}

const microField = z.number().int().positive().optional();

/** `{ from, to }` whole local hours, `to` exclusive. */
const hourRange = z
  .object({ from: z.number().int().min(0).max(23), to: z.number().int().min(1).max(24) })
  .refine((hours) => hours.to > hours.from, 'to must be after from');

/** A weekday's opening hours; null means closed all day. */
const hoursSchema = hourRange.nullable();

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Opening hours per weekday in site local time (whole hours): Monday to Friday 8–18 unless given. */
export const businessHoursSchema = z
  .strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, hoursSchema.optional()])))
  .default({})
  .transform((given) =>
    WEEKDAYS.map((day, index) => {
      const value = (given as Record<string, { from: number; to: number } | null | undefined>)[day];
      if (value !== undefined) return value;
      return index < 5 ? { from: 8, to: 18 } : null;
    }),
  );

/** Opening hours by ISO weekday - 1 (0 = Monday): whole local hours, null when closed. */
export type BusinessHours = ({ from: number; to: number } | null)[];

const budgetSchema = z
  .strictObject({
    subject: z.enum(['user', 'department', 'site']),
    /** One user, department or site; absent: every one of them, each against the budget. */
    subjectId: z.number().int().positive().optional(),
    period: z.enum(['day', 'week', 'month']),
    budget: money('budget'),
    budgetMicro: microField,
    thresholds: z.array(z.number().positive().max(1000)).min(1).max(5).default([80, 100]),
    /** The time zone the period's days are counted in. */
    timeZone: z.string().default('UTC'),
  })
  .transform(({ budget, budgetMicro, ...rest }, context) => {
    const amount = budgetMicro ?? budget;
    if (amount === undefined) {
      context.addIssue({ code: 'custom', message: 'budget: give budget (a decimal) or budgetMicro' });
      return z.NEVER;
    }
    return { ...rest, budgetMicro: amount, thresholds: [...new Set(rest.thresholds)].sort((a, b) => a - b) };
  });

const singleCallSchema = z
  .strictObject({
    maxCost: money('maxCost'),
    maxCostMicro: microField,
    maxDurationSec: z.number().int().positive().optional(),
    severity: severity.default('warning'),
  })
  .transform(({ maxCost, maxCostMicro, ...rest }, context) => {
    const cost = maxCostMicro ?? maxCost;
    if (cost === undefined && rest.maxDurationSec === undefined) {
      context.addIssue({
        code: 'custom',
        message: 'give maxCost (or maxCostMicro), maxDurationSec, or both',
      });
      return z.NEVER;
    }
    return { ...rest, maxCostMicro: cost ?? null, maxDurationSec: rest.maxDurationSec ?? null };
  });

const destinationSchema = z
  .strictObject({
    destClasses: z.array(z.enum(DESTINATION_CLASSES)).default([]),
    /** E.164 prefixes with or without "+", e.g. "+53" or "4490". */
    prefixes: z.array(z.string().regex(/^\+?\d{1,15}$/, 'must be digits, optionally after "+"')).default([]),
    /** ISO 3166 alpha-2 codes of destination countries. */
    countries: z.array(z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')).default([]),
    severity: severity.default('warning'),
  })
  .transform((value) => ({
    ...value,
    prefixes: value.prefixes.map((prefix) => prefix.replace(/^\+/, '')),
    countries: value.countries.map((country) => country.toUpperCase()),
  }))
  .refine(
    (value) => value.destClasses.length + value.prefixes.length + value.countries.length > 0,
    'give at least one of destClasses, prefixes or countries',
  );

const outOfHoursSchema = z.strictObject({
  businessHours: businessHoursSchema,
  /** Calls on the site's public holidays (IT, GB) count as out of hours. */
  holidays: z.boolean().default(true),
  /** Calls cheaper than this are not worth an alarm (0: every call). */
  minCostMicro: z.number().int().min(0).default(0),
  severity: severity.default('warning'),
});

const anomalySchema = z.strictObject({
  subject: z.enum(['user', 'department', 'country']),
  measure: z.enum(['calls', 'cost', 'minutes']),
  /** Only calls of these destination classes (none: all outbound calls). */
  destClasses: z.array(z.enum(DESTINATION_CLASSES)).default([]),
  /** Only calls in these local hours, e.g. { from: 0, to: 6 } for the night. */
  hours: hourRange.optional(),
  /** Days of history the daily average is taken over. */
  baselineDays: z.number().int().min(1).max(90).default(14),
  /** The most recent local days checked (today and the days before). */
  checkDays: z.number().int().min(1).max(7).default(2),
  factor: z.number().min(1).default(3),
  /** The least a day must reach to count (calls, micro-units or minutes). */
  minimum: z.number().positive(),
  severity: severity.default('critical'),
});

const healthSchema = z.discriminatedUnion('check', [
  z.strictObject({
    check: z.literal('no_calls'),
    minutes: z
      .number()
      .int()
      .min(5)
      .max(24 * 60),
    /** Whose business hours and time zone count; absent: every site, each in its own zone. */
    siteCode: z.string().optional(),
    businessHours: businessHoursSchema,
    holidays: z.boolean().default(true),
  }),
  z.strictObject({
    check: z.literal('recorder_lag'),
    /** LcsCDR's KeepCallDetailForDays: the recorder must read before the purge deletes. */
    purgeDays: z.number().int().min(1).default(60),
    /** Raise while the recorder is within this many days of the purge horizon. */
    marginDays: z.number().int().min(0).default(7),
  }),
  z.strictObject({
    check: z.literal('unrated_calls'),
    sinceHours: z.number().int().min(1).default(24),
    maxCount: z.number().int().min(0).default(0),
  }),
  z.strictObject({
    check: z.literal('rejected_lines'),
    sinceHours: z.number().int().min(1).default(24),
    maxCount: z.number().int().min(0).default(0),
  }),
  z.strictObject({
    check: z.literal('miner_backlog'),
    maxFiles: z.number().int().min(1).default(20),
    maxAgeMinutes: z.number().int().min(1).default(15),
  }),
]);

/** The definition schema of each kind. */
export const DEFINITION_SCHEMAS = {
  budget: budgetSchema,
  single_call: singleCallSchema,
  destination: destinationSchema,
  out_of_hours: outOfHoursSchema,
  anomaly: anomalySchema,
  health: healthSchema,
} as const;

/** What each kind's definition holds once validated. */
export type AlarmDefinitions = { [K in AlarmRuleKind]: z.output<(typeof DEFINITION_SCHEMAS)[K]> };

/** An alarm rule as the engine uses it: validated definition and recipients. */
export type AlarmRule = {
  [K in AlarmRuleKind]: {
    id: number;
    name: string;
    kind: K;
    enabled: boolean;
    definition: AlarmDefinitions[K];
    recipients: AlarmRecipients;
  };
}[AlarmRuleKind];

/** A rule as given by an administrator (API body, `alarms add-rule` file). */
export const alarmRuleInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(128),
  kind: z.enum(ALARM_RULE_KINDS),
  enabled: z.boolean().default(true),
  definition: z.unknown().optional(),
  recipients: z.unknown().optional(),
});

/** A rule before it has an id. */
export type AlarmRuleInput = Omit<AlarmRule, 'id'>;

/**
 * Checks a rule's definition against its kind and its recipients, with one message per problem
 * naming the field (`definition.budget: …`), so an administrator can fix a rule file at once.
 */
export function validateAlarmRule(input: unknown): AlarmRuleInput {
  const base = alarmRuleInputSchema.safeParse(input);
  if (!base.success) throw invalid('the alarm rule is not valid', base.error, '');
  const definition = DEFINITION_SCHEMAS[base.data.kind].safeParse(base.data.definition ?? {});
  const recipients = alarmRecipientsSchema.safeParse(base.data.recipients ?? {});
  const details = [
    ...(definition.success ? [] : issues(definition.error, 'definition')),
    ...(recipients.success ? [] : issues(recipients.error, 'recipients')),
  ];
  if (!definition.success || !recipients.success)
    throw new LedgerlineError('invalid-input', `the ${base.data.kind} alarm rule is not valid`, details);
  return {
    name: base.data.name,
    kind: base.data.kind,
    enabled: base.data.enabled,
    definition: definition.data,
    recipients: recipients.data,
  } as AlarmRuleInput;
}

/**
 * A rule as it is stored: checked as validateAlarmRule does, but its definition and recipients
 * kept as given (defaults left out), so reading it back validates it the same way again.
 */
export function alarmRuleToStore(input: unknown): {
  name: string;
  kind: AlarmRuleKind;
  enabled: boolean;
  definition: unknown;
  recipients: Record<string, unknown>;
} {
  const rule = validateAlarmRule(input);
  const given = input as { definition?: unknown; recipients?: Record<string, unknown> };
  return {
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    definition: given.definition ?? {},
    recipients: given.recipients ?? {},
  };
}

/** A stored rule read back: its definition is validated again, so a bad row says which rule it is. */
export function storedAlarmRule(row: {
  id: number;
  name: string;
  kind: string;
  enabled: boolean;
  definition: unknown;
  recipients: unknown;
}): AlarmRule {
  try {
    const { name, kind, enabled, definition, recipients } = row;
    return { id: row.id, ...validateAlarmRule({ name, kind, enabled, definition, recipients }) } as AlarmRule;
  } catch (error) {
    if (error instanceof LedgerlineError)
      throw new LedgerlineError('configuration', `alarm rule ${row.id} (${row.name}): ${error.message}`, [
        ...error.details,
      ]);
    throw error;
  }
}

function issues(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

function invalid(message: string, error: z.ZodError, prefix: string): LedgerlineError {
  return new LedgerlineError('invalid-input', message, issues(error, prefix));
}
