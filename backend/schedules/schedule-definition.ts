import { z } from 'zod';
import { findPeriod, type Period } from '../../bot/commands/period-parser.js';
import { DOCUMENT_REPORTS } from '../reports/report-content.js';
import { reportFiltersSchema } from '../reports/report-query.js';
import { cronProblem } from './cron-due-times.js';

/** The periods a schedule reports on, read at its due time in its time zone. */
export const SCHEDULE_PERIODS = [
  'yesterday',
  'last-week',
  'last-month',
  'week-to-date',
  'month-to-date',
] as const;
/** One of SCHEDULE_PERIODS. */
export type SchedulePeriod = (typeof SCHEDULE_PERIODS)[number];

/** How a scheduled report is sent: a Teams card, or an e-mail with the report as PDF, Excel, CSV or HTML. */
export const SCHEDULE_FORMATS = ['card', 'pdf', 'xlsx', 'csv', 'html'] as const;

/** The reports a Teams card can show (the bot's cost summary and top lists). */
export const CARD_REPORTS = ['summary', 'departments', 'users', 'destinations'] as const;

// The bot's words for the same periods, so both read them the same way (ISO weeks from Monday).
const PERIOD_WORDS: Record<SchedulePeriod, string> = {
  yesterday: 'yesterday',
  'last-week': 'last week',
  'last-month': 'last month',
  'week-to-date': 'this week',
  'month-to-date': 'this month',
};

/** The days a schedule's period covers when it runs at `dueAt`, in its time zone, named in words. */
export function schedulePeriod(period: SchedulePeriod, dueAt: number, timeZone: string): Period {
  const found = findPeriod(PERIOD_WORDS[period], { today: new Date(dueAt), timeZone }).period as Period;
  return {
    ...found,
    label:
      period === 'month-to-date' ? 'month to date' : period === 'week-to-date' ? 'week to date' : found.label,
  };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Why a recipient string cannot receive a schedule sent as `format`, or null. */
export function recipientProblem(
  recipient: string,
  format: (typeof SCHEDULE_FORMATS)[number],
): string | null {
  const [kind, ...rest] = recipient.split(':');
  const value = rest.join(':');
  if (rest.length > 0) {
    if (kind === 'person')
      return OBJECT_ID.test(value) || EMAIL.test(value)
        ? null
        : `${recipient}: a person is named by Entra object id or UPN`;
    if (kind === 'group')
      return OBJECT_ID.test(value) ? null : `${recipient}: a group is named by its Entra object id`;
    if (kind === 'conversation' || kind === 'channel') {
      if (format !== 'card') return `${recipient}: chats and channels receive the Teams card format only`;
      if (kind === 'channel' && !/^[^/]+\/[^/]+$/.test(value))
        return `${recipient}: write channel:{teamId}/{channelId}`;
      return value.length > 0 ? null : `${recipient}: the conversation id is missing`;
    }
    if (!EMAIL.test(recipient))
      return `${recipient}: not a recipient (person:, group:, conversation:, channel: or an e-mail address)`;
  }
  if (!EMAIL.test(recipient))
    return `${recipient}: not an e-mail address or person:, group:, conversation:, channel:`;
  if (format === 'card')
    return `${recipient}: an e-mail address receives e-mail formats (pdf, xlsx, csv, html), not a card`;
  return null;
}

/** Filters a schedule may carry: those of every report, without the period (the schedule's own). */
export const scheduleFiltersSchema = z
  .object(reportFiltersSchema.shape)
  .omit({ from: true, to: true })
  .strict();

/** A schedule as an admin writes it (the API's body, the demo's schedules), validated with clear messages. */
export const reportScheduleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(128),
    report: z.enum(DOCUMENT_REPORTS),
    filters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    period: z.enum(SCHEDULE_PERIODS),
    format: z.enum(SCHEDULE_FORMATS),
    recipients: z.array(z.string().trim().min(1).max(500)).min(1).max(200),
    cron: z.string().trim().min(1).max(64).describe('5 fields: minute hour day-of-month month day-of-week'),
    timeZone: z.string().trim().min(1).max(64).describe('IANA time zone, e.g. Europe/Rome'),
    enabled: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    // Kept as written (an amount stays "0.50"); read with the report filters at each run.
    const filters = scheduleFiltersSchema.safeParse(input.filters);
    if (!filters.success)
      for (const issue of filters.error.issues)
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          path: ['filters', ...issue.path.map(String)],
        });
    const problem = cronProblem(input.cron, input.timeZone);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem,
        path: problem.includes('time zone') ? ['timeZone'] : ['cron'],
      });
    input.recipients.forEach((recipient, index) => {
      const recipientIssue = recipientProblem(recipient, input.format);
      if (recipientIssue)
        ctx.addIssue({ code: 'custom', message: recipientIssue, path: ['recipients', index] });
    });
    if (input.format === 'card' && !(CARD_REPORTS as readonly string[]).includes(input.report))
      ctx.addIssue({
        code: 'custom',
        message: `a Teams card shows ${CARD_REPORTS.join(', ')}; send ${input.report} as pdf, xlsx, csv or html`,
        path: ['format'],
      });
  });
/** A schedule as validated. */
export type ReportScheduleInputData = z.output<typeof reportScheduleInputSchema>;
