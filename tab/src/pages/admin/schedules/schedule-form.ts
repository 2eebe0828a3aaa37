import type { ReportSchedule, ScheduleFormat } from '../../../api/api-types';
import { validTimeZone } from '../directory/site-form';
import { listOf } from '../shared/text-list';

/** The reports a schedule can send, as the report engine names them. */
export const SCHEDULE_REPORTS = [
  'summary',
  'departments',
  'users',
  'destinations',
  'sites',
  'carriers',
  'trend',
  'calls',
] as const;

/** The periods a schedule covers, counted back from when it runs. */
export const SCHEDULE_PERIODS = [
  'yesterday',
  'last-week',
  'last-month',
  'week-to-date',
  'month-to-date',
] as const;

/** The formats, the Teams card first. */
export const SCHEDULE_FORMATS: readonly ScheduleFormat[] = ['card', 'pdf', 'xlsx', 'csv', 'html'];

/** Cron expressions offered by name; any other is typed. */
export const CRON_PRESETS = ['0 7 * * *', '0 8 * * 1-5', '0 8 * * 1', '0 7 1 * *'] as const;

/** A schedule as the form holds it; ids are text (empty: none), recipients written with commas. */
export interface ScheduleDraft {
  name: string;
  report: string;
  site: string;
  department: string;
  period: string;
  format: ScheduleFormat;
  recipients: string;
  cron: string;
  timeZone: string;
  enabled: boolean;
  /** Filters of the stored schedule the form does not show, kept on save. */
  otherFilters: Record<string, unknown>;
}

/** What `POST /api/v1/admin/report-schedules` and `PUT …/{id}` take. */
export type ScheduleBody = Omit<ReportSchedule, 'id' | 'lastRun' | 'nextRun'>;

/** A field of the form that cannot be sent. */
export type ScheduleField = 'name' | 'recipients' | 'cron' | 'timeZone';

/** A new schedule's form: last month's summary as a PDF, on the 1st at 07:00 Italian time. */
export const NEW_SCHEDULE: ScheduleDraft = {
  name: '',
  report: 'summary',
  site: '',
  department: '',
  period: 'last-month',
  format: 'pdf',
  recipients: '',
  cron: '0 7 1 * *',
  timeZone: 'Europe/Rome',
  enabled: true,
  otherFilters: {},
};

/** The form of a stored schedule. */
export function scheduleDraftOf(schedule: ReportSchedule): ScheduleDraft {
  const { site, department, ...otherFilters } = schedule.filters ?? {};
  return {
    name: schedule.name,
    report: schedule.report,
    site: site === undefined ? '' : String(site),
    department: department === undefined ? '' : String(department),
    period: schedule.period,
    format: schedule.format,
    recipients: schedule.recipients.join(', '),
    cron: schedule.cron,
    timeZone: schedule.timeZone,
    enabled: schedule.enabled,
    otherFilters,
  };
}

/** A stored schedule as a body to send back, e.g. switched on or off. */
export function scheduleBodyOf(schedule: ReportSchedule): ScheduleBody {
  const { name, report, filters, period, format, recipients, cron, timeZone, enabled } = schedule;
  return { name, report, filters, period, format, recipients, cron, timeZone, enabled };
}

/** Five fields of a cron expression (numbers, *, lists, ranges and steps; names of days or months). */
const CRON = /^(\S+\s+){4}\S+$/;
const CRON_FIELD = /^(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/;

/** Whether a text looks like a five-field cron expression (the API checks it fully). */
export function looksLikeCron(text: string): boolean {
  const cron = text.trim();
  return CRON.test(cron) && cron.split(/\s+/).every((field) => CRON_FIELD.test(field));
}

/** Reads the form into the schedule's body, or names the fields that cannot be read. */
export function scheduleBody(
  draft: ScheduleDraft,
): { ok: true; body: ScheduleBody } | { ok: false; problems: ScheduleField[] } {
  const problems: ScheduleField[] = [];
  const name = draft.name.trim();
  const recipients = listOf(draft.recipients);
  const timeZone = draft.timeZone.trim();
  if (name === '' || name.length > 128) problems.push('name');
  if (recipients.length === 0) problems.push('recipients');
  if (!looksLikeCron(draft.cron)) problems.push('cron');
  if (!validTimeZone(timeZone)) problems.push('timeZone');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name,
      report: draft.report,
      filters: {
        ...draft.otherFilters,
        ...(draft.site ? { site: Number(draft.site) } : {}),
        ...(draft.department ? { department: Number(draft.department) } : {}),
      },
      period: draft.period,
      format: draft.format,
      recipients,
      cron: draft.cron.trim().replace(/\s+/g, ' '),
      timeZone,
      enabled: draft.enabled,
    },
  };
}
