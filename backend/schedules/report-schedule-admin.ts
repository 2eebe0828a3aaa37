import { recordChange, requireAdmin, type AdminActor } from '../admin/admin-actor.js';
import type { Database } from '../db/database.js';
import type { ReportScheduleRecord } from '../db/report-schedule.repository.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { CronDueTimes } from './cron-due-times.js';
import type { ScheduleRunOutcome } from './report-scheduler.js';
import type { ReportScheduleInputData } from './schedule-definition.js';

/** A schedule as the API shows it: its settings, its last run and when it runs next. */
export interface ReportScheduleView {
  id: number;
  name: string;
  report: string;
  filters: Record<string, unknown>;
  period: string;
  format: ReportScheduleRecord['format'];
  recipients: string[];
  cron: string;
  timeZone: string;
  enabled: boolean;
  lastRun: { dueAt: string; status: 'running' | 'done' | 'failed'; finishedAt: string | null } | null;
  nextRun: string | null;
}

/** Whatever sends a schedule now: the server's report scheduler. */
export interface ScheduleRunner {
  runNow(scheduleId: number): Promise<ScheduleRunOutcome>;
}

/**
 * Scheduled reports as administrators manage them: every change audited, the creator recorded
 * (the schedule's own scope is their rights), "run now" handed to the server's scheduler.
 */
export class ReportScheduleAdmin {
  constructor(
    private readonly database: Database,
    private readonly runner: ScheduleRunner | null,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every schedule with its last and next run. */
  async list(actor: AdminActor): Promise<ReportScheduleView[]> {
    requireAdmin(actor);
    const repos = this.repos();
    const schedules = await repos.schedules.list();
    const last = await repos.scheduleRuns.latest(schedules.map((schedule) => schedule.id));
    return schedules.map((schedule) => this.view(schedule, last));
  }

  /** Adds a schedule, created by the actor. */
  async create(actor: AdminActor, input: ReportScheduleInputData): Promise<ReportScheduleView> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const schedule = await repos.schedules.create(input, actor.principal.objectId);
      await recordChange(repos, actor, {
        action: 'create',
        entityType: 'report-schedule',
        entityKey: schedule.id,
        before: null,
        after: schedule,
      });
      return this.view(schedule, new Map());
    });
  }

  /** Replaces a schedule's settings. */
  async update(actor: AdminActor, id: number, input: ReportScheduleInputData): Promise<ReportScheduleView> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      const after = (await repos.schedules.update(id, input)) as ReportScheduleRecord;
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'report-schedule',
        entityKey: id,
        before,
        after,
      });
      return this.view(after, await repos.scheduleRuns.latest([id]));
    });
  }

  /** Removes a schedule and its runs. */
  async remove(actor: AdminActor, id: number): Promise<void> {
    requireAdmin(actor);
    await inTransaction(this.database, async (repos) => {
      const before = await existing(repos, id);
      await repos.schedules.delete(id);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'report-schedule',
        entityKey: id,
        before,
        after: null,
      });
    });
  }

  /** Sends a schedule now to its recipients; the change log records who asked. */
  async runNow(actor: AdminActor, id: number): Promise<ScheduleRunOutcome> {
    requireAdmin(actor);
    await existing(this.repos(), id);
    if (!this.runner)
      throw new LedgerlineError('unavailable', 'the report scheduler is not running on this server');
    const outcome = await this.runner.runNow(id);
    await inTransaction(this.database, (repos) =>
      recordChange(repos, actor, {
        action: 'update',
        entityType: 'report-schedule-run',
        entityKey: id,
        before: null,
        after: outcome,
      }),
    );
    return outcome;
  }

  private view(
    schedule: ReportScheduleRecord,
    last: Map<number, { dueAt: number; status: 'running' | 'done' | 'failed'; finishedAt: number | null }>,
  ): ReportScheduleView {
    const run = last.get(schedule.id);
    const next = schedule.enabled
      ? new CronDueTimes(schedule.cron, schedule.timeZone).next(this.now())
      : null;
    const { createdBy: _createdBy, createdAt: _createdAt, updatedAt: _updatedAt, ...settings } = schedule;
    return {
      ...settings,
      lastRun: run
        ? {
            dueAt: new Date(run.dueAt).toISOString(),
            status: run.status,
            finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
          }
        : null,
      nextRun: next === null ? null : new Date(next).toISOString(),
    };
  }

  private repos(): Repositories {
    return repositoriesFor(this.database.kysely, this.database);
  }
}

async function existing(repos: Repositories, id: number): Promise<ReportScheduleRecord> {
  const schedule = await repos.schedules.get(id);
  if (!schedule) throw new LedgerlineError('not-found', `no report schedule ${id}`);
  return schedule;
}
