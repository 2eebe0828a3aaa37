import type { Kysely, Selectable } from 'kysely';
import type { BillingSchema, ScheduleRunTable } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

/** One run of a schedule at one due time. */
export interface ScheduleRunRecord {
  id: number;
  scheduleId: number;
  dueAt: number;
  claimedBy: string;
  leaseUntil: number;
  status: ScheduleRunTable['status'];
  startedAt: number;
  finishedAt: number | null;
  error: string | null;
}

/**
 * Runs of scheduled reports, one row per (schedule, due time): the unique key makes two servers
 * claim a run once, the lease lets another take over a run whose server died, and a finished
 * run is never claimed again. Bot subscriptions keep their runs here too, under the negative of
 * the subscription's id.
 */
export class ScheduleRunRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Claims the run of `scheduleId` due at `dueAt` for `owner` until `leaseMs` from now: a new run,
   * or one still running whose lease has ended. Null when it is done, failed, or someone holds it.
   */
  async claim(
    scheduleId: number,
    dueAt: number,
    owner: string,
    leaseMs: number,
  ): Promise<ScheduleRunRecord | null> {
    const at = this.now();
    const existing = await this.find(scheduleId, dueAt);
    if (!existing) {
      try {
        await insertReturningId(
          this.adapter.capabilities,
          this.db.insertInto('schedule_runs').values({
            schedule_id: scheduleId,
            due_at: dueAt,
            claimed_by: owner,
            lease_until: at + leaseMs,
            status: 'running',
            started_at: at,
          }),
        );
      } catch (error) {
        // Another server inserted the same run first (the unique key): it is theirs.
        if (await this.find(scheduleId, dueAt)) return null;
        throw error;
      }
      return this.find(scheduleId, dueAt);
    }
    if (existing.status !== 'running' || existing.leaseUntil >= at) return null;
    // Take over only the lease that was read: of two servers doing this, one updates the row.
    const result = await this.db
      .updateTable('schedule_runs')
      .set({ claimed_by: owner, lease_until: at + leaseMs, started_at: at })
      .where('id', '=', existing.id)
      .where('status', '=', 'running')
      .where('claimed_by', '=', existing.claimedBy)
      .where('lease_until', '=', existing.leaseUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? this.find(scheduleId, dueAt) : null;
  }

  /**
   * Marks a claimed run done or failed, if `owner` still holds it; false when the lease was lost
   * (the caller's transaction must then roll back what it wrote with it).
   */
  async finish(run: ScheduleRunRecord, status: 'done' | 'failed', error: string | null): Promise<boolean> {
    const result = await this.db
      .updateTable('schedule_runs')
      .set({ status, finished_at: this.now(), error })
      .where('id', '=', run.id)
      .where('status', '=', 'running')
      .where('claimed_by', '=', run.claimedBy)
      .where('lease_until', '=', run.leaseUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The run of a schedule at a due time, or null. */
  async find(scheduleId: number, dueAt: number): Promise<ScheduleRunRecord | null> {
    const row = await this.db
      .selectFrom('schedule_runs')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .where('due_at', '=', dueAt)
      .executeTakeFirst();
    return row ? toRun(row) : null;
  }

  /** The latest run of each schedule (by due time). */
  async latest(scheduleIds: readonly number[]): Promise<Map<number, ScheduleRunRecord>> {
    const result = new Map<number, ScheduleRunRecord>();
    if (scheduleIds.length === 0) return result;
    const rows = await this.db
      .selectFrom('schedule_runs')
      .selectAll()
      .where('schedule_id', 'in', [...scheduleIds])
      .orderBy('due_at', 'desc')
      .execute();
    for (const row of rows)
      if (!result.has(Number(row.schedule_id))) result.set(Number(row.schedule_id), toRun(row));
    return result;
  }
}

function toRun(row: Selectable<ScheduleRunTable>): ScheduleRunRecord {
  return {
    id: Number(row.id),
    scheduleId: Number(row.schedule_id),
    dueAt: Number(row.due_at),
    claimedBy: row.claimed_by,
    leaseUntil: Number(row.lease_until),
    status: row.status,
    startedAt: Number(row.started_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    error: row.error,
  };
}
