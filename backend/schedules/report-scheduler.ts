import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import cron from 'node-cron';
import type { Database } from '../db/database.js';
import type { OutboxMessage } from '../db/outbox.repository.js';
import type { ReportScheduleRecord } from '../db/report-schedule.repository.js';
import { repositoriesFor, type Repositories } from '../db/repositories.js';
import type { ScheduleRunRecord } from '../db/schedule-run.repository.js';
import { LedgerlineError } from '../domain/errors.js';
import type { CompanyLogo } from '../reports/company-logo.js';
import { ReportService } from '../reports/report.service.js';
import { CronDueTimes } from './cron-due-times.js';
import { scheduleAudiences, type SchedulePrincipals } from './schedule-audiences.js';
import { scheduleMessages } from './schedule-messages.js';
import type { GroupMembers } from '../notify/graph-group-members.js';
import { SUBSCRIPTION_CRONS, subscriptionMessage } from './subscription-messages.js';

/** How long a claimed run is a server's before another may take it over: 10 minutes. */
export const RUN_LEASE_MS = 10 * 60_000;

/** What the report scheduler works with. */
export interface ReportSchedulerOptions {
  database: Database;
  now: () => number;
  principals: SchedulePrincipals;
  reporter?: {
    info(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
  };
  /** This server's name in schedule_runs.claimed_by (default: host name and a random suffix). */
  instanceId?: string;
  leaseMs?: number;
  logo?: CompanyLogo | null;
  maskedDigits?: number;
  tabUrl?: string | null;
  /** The company's time zone, for bot subscriptions (sent at 07:00 local). */
  timeZone?: string;
  /** Members of Entra groups named as recipients, each sent a copy made with their own rights. */
  groups?: GroupMembers | null;
}

/** What one run did. */
export interface ScheduleRunOutcome {
  /** The schedule's id, or the negative of a bot subscription's. */
  scheduleId: number;
  dueAt: number;
  status: 'done' | 'failed';
  messages: number;
  problems: string[];
}

/** Thrown inside a run's transaction when its lease was taken over, so nothing it wrote stays. */
class LeaseLost extends Error {}

/**
 * Runs scheduled reports and bot subscriptions when due. For each one, the latest due time not
 * after now (computed from its cron expression in its time zone, never before it was created) is
 * claimed in schedule_runs: after downtime a missed run is made once, not once per missed tick;
 * two servers send each run once; a run whose server died is taken over when its lease ends.
 * The outbox messages are written in the transaction that marks the run done.
 */
export class ReportScheduler {
  readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly repos: Repositories;
  private readonly reports: ReportService;

  constructor(private readonly options: ReportSchedulerOptions) {
    this.instanceId = options.instanceId ?? `${hostname()}-${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? RUN_LEASE_MS;
    this.repos = repositoriesFor(options.database.kysely, options.database, options.now);
    this.reports = new ReportService(
      this.repos,
      options.maskedDigits === undefined ? {} : { maskedDigits: options.maskedDigits },
    );
  }

  /** Runs every enabled schedule and subscription whose latest due time has no finished run. */
  async runDue(): Promise<ScheduleRunOutcome[]> {
    const now = this.options.now();
    const outcomes: ScheduleRunOutcome[] = [];
    for (const schedule of await this.repos.schedules.list()) {
      if (!schedule.enabled) continue;
      const dueAt = new CronDueTimes(schedule.cron, schedule.timeZone).latest(schedule.createdAt, now);
      if (dueAt === null) continue;
      const outcome = await this.run(schedule.id, dueAt, () => this.scheduleRun(schedule, dueAt));
      if (outcome) outcomes.push(outcome);
    }
    const timeZone = this.options.timeZone ?? 'UTC';
    for (const [kind, expression] of Object.entries(SUBSCRIPTION_CRONS) as [
      keyof typeof SUBSCRIPTION_CRONS,
      string,
    ][]) {
      const due = new CronDueTimes(expression, timeZone);
      for (const subscription of await this.repos.botSubscriptions.withSchedule(kind)) {
        const dueAt = due.latest(subscription.createdAt, now);
        if (dueAt === null) continue;
        const outcome = await this.run(-subscription.id, dueAt, async () => ({
          messages: [await subscriptionMessage(this.subscriptionContext(), subscription, dueAt)],
          problems: [],
        }));
        if (outcome) outcomes.push(outcome);
      }
    }
    return outcomes;
  }

  /** Sends a schedule now (an admin's "run now"), whatever its cron says; due time is now. */
  async runNow(scheduleId: number): Promise<ScheduleRunOutcome> {
    const schedule = await this.repos.schedules.get(scheduleId);
    if (!schedule) throw new LedgerlineError('not-found', `there is no report schedule ${scheduleId}`);
    const dueAt = this.options.now();
    const outcome = await this.run(schedule.id, dueAt, () => this.scheduleRun(schedule, dueAt));
    if (!outcome)
      throw new LedgerlineError('conflict', `schedule ${scheduleId} is already running for this moment`);
    return outcome;
  }

  private async scheduleRun(schedule: ReportScheduleRecord, dueAt: number) {
    const { audiences, problems } = await scheduleAudiences(
      schedule,
      this.repos,
      this.options.principals,
      this.options.groups ?? null,
    );
    const made = await scheduleMessages(
      {
        reports: this.reports,
        repos: this.repos,
        logo: this.options.logo ?? null,
        tabUrl: this.options.tabUrl ?? null,
      },
      schedule,
      dueAt,
      audiences,
    );
    return { messages: made.messages, problems: [...problems, ...made.problems] };
  }

  private subscriptionContext() {
    return {
      reports: this.reports,
      repos: this.repos,
      principals: this.options.principals,
      tabUrl: this.options.tabUrl ?? null,
      timeZone: this.options.timeZone ?? 'UTC',
    };
  }

  /** Claims a run, makes its messages, and writes them with the run's end in one transaction. */
  private async run(
    scheduleId: number,
    dueAt: number,
    make: () => Promise<{ messages: OutboxMessage[]; problems: string[] }>,
  ): Promise<ScheduleRunOutcome | null> {
    const claimed = await this.repos.scheduleRuns.claim(scheduleId, dueAt, this.instanceId, this.leaseMs);
    if (!claimed) return null;
    try {
      const { messages, problems } = await make();
      const note = problems.length === 0 ? null : problems.join('\n');
      await this.inTransaction(async (repos) => {
        if (!(await repos.scheduleRuns.finish(claimed, 'done', note))) throw new LeaseLost();
        await repos.outbox.enqueue(messages);
      });
      const outcome = { scheduleId, dueAt, status: 'done' as const, messages: messages.length, problems };
      this.options.reporter?.info('scheduled report sent', { ...outcome });
      return outcome;
    } catch (error) {
      if (error instanceof LeaseLost) return null;
      return this.failed(claimed, error);
    }
  }

  private async failed(run: ScheduleRunRecord, error: unknown): Promise<ScheduleRunOutcome> {
    const message = error instanceof Error ? error.message : String(error);
    await this.repos.scheduleRuns.finish(run, 'failed', message);
    this.options.reporter?.warn('scheduled report failed', {
      scheduleId: run.scheduleId,
      dueAt: run.dueAt,
      error: message,
    });
    return {
      scheduleId: run.scheduleId,
      dueAt: run.dueAt,
      status: 'failed',
      messages: 0,
      problems: [message],
    };
  }

  private inTransaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const { database, now } = this.options;
    return database.kysely.transaction().execute((trx) => work(repositoriesFor(trx, database, now)));
  }
}

/**
 * Starts the report scheduler for the server: node-cron ticks each minute and the scheduler makes
 * the runs that are due by each schedule's cron expression in its time zone (and the bot
 * subscriptions'); a missed run is made once at start-up. `stop` ends the ticks and waits for a
 * run in progress.
 */
export function startReportScheduler(options: ReportSchedulerOptions): {
  stop(): Promise<void>;
  scheduler: ReportScheduler;
} {
  const scheduler = new ReportScheduler(options);
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const runDue = () => {
    if (busy || stopped) return;
    busy = true;
    running = scheduler
      .runDue()
      .catch((error: unknown) =>
        options.reporter?.warn('report scheduler run failed', { error: String(error) }),
      )
      .finally(() => {
        busy = false;
      });
  };
  // Cron expressions have minutes as their finest unit: a tick each minute reaches every due
  // time, of any schedule changed on any server, and every run whose lease ran out.
  const tick = cron.schedule('* * * * *', runDue, { name: 'report-schedules', noOverlap: true });
  runDue();
  return {
    scheduler,
    async stop() {
      stopped = true;
      await tick.destroy();
      await running;
    },
  };
}
