import type { Kysely, Selectable } from 'kysely';
import type { BillingSchema, ReportScheduleTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

/** What an admin sets on a scheduled report. */
export interface ReportScheduleInput {
  name: string;
  report: string;
  /** Report filters (site, department, user, class …) besides the period. */
  filters: Record<string, unknown>;
  /** yesterday | last-week | last-month | month-to-date | week-to-date */
  period: string;
  format: ReportScheduleTable['format'];
  /** Recipient strings: person:…, conversation:…, channel:…, group:… or an e-mail address. */
  recipients: string[];
  cron: string;
  timeZone: string;
  enabled: boolean;
}

/** A scheduled report as stored, with who created it (whose rights bound its own scope). */
export interface ReportScheduleRecord extends ReportScheduleInput {
  id: number;
  /** Entra object id of the admin who created it. */
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

/** Scheduled reports, managed by admins and read by the scheduler. */
export class ReportScheduleRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every schedule, by id. */
  async list(): Promise<ReportScheduleRecord[]> {
    const rows = await this.db.selectFrom('report_schedules').selectAll().orderBy('id').execute();
    return rows.map(toSchedule);
  }

  /** The schedule with this id, or null. */
  async get(id: number): Promise<ReportScheduleRecord | null> {
    const row = await this.db
      .selectFrom('report_schedules')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toSchedule(row) : null;
  }

  /** Stores a new schedule; returns it. */
  async create(input: ReportScheduleInput, createdBy: string): Promise<ReportScheduleRecord> {
    const at = this.now();
    const id = await insertReturningId(
      this.adapter.capabilities,
      this.db
        .insertInto('report_schedules')
        .values({ ...toRow(input), created_by: createdBy.toLowerCase(), created_at: at, updated_at: at }),
    );
    return (await this.get(id)) as ReportScheduleRecord;
  }

  /** Replaces a schedule's settings; returns it, or null when there is none. */
  async update(id: number, input: ReportScheduleInput): Promise<ReportScheduleRecord | null> {
    const result = await this.db
      .updateTable('report_schedules')
      .set({ ...toRow(input), updated_at: this.now() })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 0 ? null : this.get(id);
  }

  /** Removes a schedule and its runs; true when there was one. */
  async delete(id: number): Promise<boolean> {
    await this.db.deleteFrom('schedule_runs').where('schedule_id', '=', id).execute();
    const result = await this.db.deleteFrom('report_schedules').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function toRow(input: ReportScheduleInput) {
  return {
    name: input.name,
    report: input.report,
    filters_json: JSON.stringify(input.filters),
    period: input.period,
    format: input.format,
    recipients_json: JSON.stringify(input.recipients),
    cron: input.cron,
    time_zone: input.timeZone,
    enabled: input.enabled ? 1 : 0,
  };
}

function toSchedule(row: Selectable<ReportScheduleTable>): ReportScheduleRecord {
  return {
    id: Number(row.id),
    name: row.name,
    report: row.report,
    filters: JSON.parse(row.filters_json) as Record<string, unknown>,
    period: row.period,
    format: row.format,
    recipients: JSON.parse(row.recipients_json) as string[],
    cron: row.cron,
    timeZone: row.time_zone,
    enabled: Number(row.enabled) === 1,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
