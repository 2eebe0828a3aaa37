import type { Kysely } from 'kysely';
import type { CallRecord } from '../../domain/call-record.js';
import { LedgerlineError } from '../../domain/errors.js';
import type { CdrSource, OpenSessionsCheck, PurgeHorizon, SessionSpan, SourceBatch } from '../cdr-source.js';
import { fromLcsCdrDatetime, toLcsCdrDatetime } from '../lcscdr/lcscdr-datetime.js';
import type { LcsCdrSchema } from '../lcscdr/lcscdr-schema.js';
import {
  isAnswered,
  sessionTimes,
  toCallRecord,
  unansweredEnd,
  type SessionTimes,
} from './lcscdr-call-record.js';
import { sessionPosition } from './lcscdr-position.js';
import {
  AGENT_LEG,
  KEYS_PER_QUERY,
  LcsCdrQueries,
  type LcsCdrEngine,
  type RetryRow,
  type SessionRow,
} from './lcscdr-queries.js';
import { retries, retryRanges, type Attempt, type EndedAttempt } from './lcscdr-retries.js';

/** How the driver reads sessions. */
export interface LcsCdrOptions {
  /**
   * Site code per gateway or Mediation Server name, for records whose site the PSTN leg tells.
   */
  siteByGateway?: Readonly<Record<string, string>>;
  /**
   * A session still without an end time after this many hours is recorded as it stands (no talk
   * time) with a warning, instead of being waited for for ever.
   */
  staleOpenHours?: number;
  /**
   * How long an unanswered call is held after it ended before it is written (default 60 s): its
   * retried session, which would make it not a call of its own, may not be in LcsCDR yet.
   */
  retrySettleSeconds?: number;
  /** How soon after an attempt ended a retried session may repeat it (default 30 s). */
  retryWindowSeconds?: number;
  /** What "now" is (tests). */
  now?: () => number;
}

/** What becomes of a session read. */
type Verdict = 'skip' | 'open' | 'record' | 'unanswered';

/** Retry ranges per statement: two parameters each. */
const RANGES_PER_QUERY = 500;
/** Microsoft's defaults when LcsCDR has no purge settings. */
const DEFAULT_KEEP_DAYS = 60;

/**
 * Reads Skype for Business audio calls from LcsCDR (SQL Server, or its SQLite replica): sessions
 * joined to VoIP details, users, phones, gateways and Mediation Servers, in key order. Outbound
 * when the call left through a gateway (also when it came in through one, a forward to the PSTN),
 * inbound when it only came in through one, internal otherwise. Response-group agent legs
 * (CallFlag bit 2) are skipped: the inbound call is recorded on its PSTN leg. An unanswered
 * attempt that a retried session (CallFlag bit 1) repeats is skipped: the retry, answered or not,
 * is the call. A session still in progress, or unanswered and ended too recently for its retry to
 * be known, is reported as open, for the recorder to read again.
 */
export class LcsCdrSource implements CdrSource {
  readonly id = 'sfb';
  private readonly queries: LcsCdrQueries;
  private readonly staleOpenMs: number;
  private readonly settleMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Kysely<LcsCdrSchema>,
    engine: LcsCdrEngine,
    readonly description: string,
    private readonly options: LcsCdrOptions = {},
  ) {
    this.queries = new LcsCdrQueries(db, engine);
    this.staleOpenMs = (options.staleOpenHours ?? 24) * 3_600_000;
    this.settleMs = (options.retrySettleSeconds ?? 60) * 1000;
    this.windowMs = (options.retryWindowSeconds ?? 30) * 1000;
    this.now = options.now ?? Date.now;
  }

  async read(position: string | null, limit: number): Promise<SourceBatch> {
    const rows = (await this.queries.sessions({ after: position }, limit).execute()) as SessionRow[];
    const batch: SourceBatch = {
      records: [],
      open: [],
      skipped: [],
      last: null,
      more: rows.length === limit,
      warnings: [],
    };
    const last = rows[rows.length - 1];
    if (last) batch.last = sessionPosition(fromLcsCdrDatetime(last.SessionIdTime), last.SessionIdSeq);
    const decided = await this.decide(rows);
    batch.records = decided.records;
    batch.open = decided.open;
    batch.skipped = decided.skipped;
    batch.warnings = decided.warnings;
    return batch;
  }

  async checkOpen(keys: readonly string[]): Promise<OpenSessionsCheck> {
    const rows: SessionRow[] = [];
    for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
      const batch = keys.slice(start, start + KEYS_PER_QUERY);
      rows.push(...((await this.queries.sessions({ keys: batch }, batch.length).execute()) as SessionRow[]));
    }
    const decided = await this.decide(rows);
    const found = new Set([
      ...decided.records.map((record) => record.sourceId),
      ...decided.open,
      ...decided.skipped,
    ]);
    return {
      records: decided.records,
      stillOpen: decided.open,
      skipped: decided.skipped,
      gone: keys.filter((key) => !found.has(key)),
      warnings: decided.warnings,
    };
  }

  async countSessions(span: SessionSpan): Promise<number> {
    const row = await this.queries.count(span).executeTakeFirst();
    return Number(row?.sessions ?? 0);
  }

  async sessionKeys(span: SessionSpan): Promise<string[]> {
    const rows = await this.queries.keys(span).execute();
    return rows.map((row) => sessionPosition(fromLcsCdrDatetime(row.SessionIdTime), row.SessionIdSeq));
  }

  async purgeHorizon(now: number): Promise<PurgeHorizon | null> {
    let rows: { EnablePurge: number | boolean | null; KeepCallDetailForDays: number | null }[];
    try {
      rows = await this.queries.purgeSettings().execute();
    } catch (error) {
      // Only a database without the table gets Microsoft's defaults; any other failure is told.
      if (!missingTable(error))
        throw new LedgerlineError(
          'unavailable',
          `cannot read PurgeSettings at ${this.description}: ${(error as Error).message}`,
        );
      rows = [];
    }
    if (rows.length === 0) return horizonOf(DEFAULT_KEEP_DAYS, now);
    // Per-site settings: the shortest kept period among those that purge is the one to keep up with.
    const purging = rows.filter((row) => row.EnablePurge !== false && row.EnablePurge !== 0);
    if (purging.length === 0) return null;
    return horizonOf(Math.min(...purging.map((row) => row.KeepCallDetailForDays ?? DEFAULT_KEEP_DAYS)), now);
  }

  async oldestPosition(after: string | null = null): Promise<string | null> {
    const row = await this.queries.first(after).executeTakeFirst();
    return row ? sessionPosition(fromLcsCdrDatetime(row.SessionIdTime), row.SessionIdSeq) : null;
  }

  close(): Promise<void> {
    return this.db.destroy();
  }

  /** The read query, compiled (to check the SQL an engine receives). */
  compileRead(position: string | null, limit: number) {
    return this.queries.sessions({ after: position }, limit).compile();
  }

  /**
   * Sorts rows into calls to record, sessions to read again, and sessions skipped; unanswered
   * attempts are looked up against the retried sessions that follow them.
   */
  private async decide(rows: readonly SessionRow[]) {
    const decided = {
      records: [] as CallRecord[],
      open: [] as string[],
      skipped: [] as string[],
      warnings: [] as string[],
    };
    const unanswered: { row: SessionRow; times: SessionTimes; attempt: EndedAttempt }[] = [];
    for (const row of rows) {
      // Each datetime is read once per row: this loop runs over every session recorded.
      const times = sessionTimes(row);
      const key = sessionPosition(times.requestedAt, row.SessionIdSeq);
      const verdict = this.verdict(row, times);
      if (verdict === 'skip') decided.skipped.push(key);
      else if (verdict === 'open') decided.open.push(key);
      else if (verdict === 'record') decided.records.push(this.settle(row, key, times, decided.warnings));
      else {
        const attempt = { ...attemptOf(row, key, times), endedAt: unansweredEnd(times) };
        unanswered.push({ row, times, attempt });
      }
    }
    const retried = await this.retriedAttempts(unanswered.map((entry) => entry.attempt));
    for (const { row, times, attempt } of unanswered) {
      if (retried.has(attempt.key)) decided.skipped.push(attempt.key);
      else decided.records.push(this.settle(row, attempt.key, times, decided.warnings));
    }
    decided.records.sort((a, b) => (a.sourceId < b.sourceId ? -1 : 1));
    return decided;
  }

  private verdict(row: SessionRow, times: SessionTimes): Verdict {
    if (((row.CallFlag ?? 0) & AGENT_LEG) !== 0) return 'skip';
    if (this.inProgress(row, times.requestedAt)) return 'open';
    if (isAnswered(row)) return 'record';
    // Over, not answered: held until its retry, if any, had time to reach LcsCDR.
    return this.now() < unansweredEnd(times) + this.settleMs ? 'open' : 'unanswered';
  }

  /** The keys of the attempts that a retried session repeats. */
  private async retriedAttempts(attempts: readonly EndedAttempt[]): Promise<Set<string>> {
    const retried = new Set<string>();
    if (attempts.length === 0) return retried;
    const ranges = retryRanges(attempts, this.windowMs);
    const found: Attempt[] = [];
    for (let start = 0; start < ranges.length; start += RANGES_PER_QUERY) {
      const rows = (await this.queries
        .retries(ranges.slice(start, start + RANGES_PER_QUERY))
        .execute()) as RetryRow[];
      for (const row of rows) {
        const requestedAt = fromLcsCdrDatetime(row.SessionIdTime);
        const times = {
          requestedAt,
          invitedAt: row.InviteTime === null ? requestedAt : fromLcsCdrDatetime(row.InviteTime),
        };
        found.push(attemptOf(row, sessionPosition(requestedAt, row.SessionIdSeq), times));
      }
    }
    for (const attempt of attempts)
      if (found.some((retry) => retries(retry, attempt, this.windowMs))) retried.add(attempt.key);
    return retried;
  }

  /**
   * Still going on: no end time, and either answered or not answered yet (a final refusal, 4xx to
   * 6xx, ends an unanswered call even without an end time). After `staleOpenHours` it counts as over.
   */
  private inProgress(row: SessionRow, requestedAt: number): boolean {
    if (row.SessionEndTime !== null) return false;
    const refused = row.ResponseCode !== null && row.ResponseCode >= 300;
    return !refused && this.now() - requestedAt < this.staleOpenMs;
  }

  /** A finished session (or one open past the limit, recorded as it stands) as a call. */
  private settle(row: SessionRow, key: string, times: SessionTimes, warnings: string[]): CallRecord {
    if (row.SessionEndTime === null && (row.ResponseCode === null || row.ResponseCode < 300)) {
      warnings.push(
        `session ${key} has had no end time for over ${this.staleOpenMs / 3_600_000} h: recorded without talk time`,
      );
    }
    if (isAnswered(row) && row.ResponseTime === null)
      warnings.push(
        `session ${key} was answered (200) without a ResponseTime: talk time counted from the INVITE`,
      );
    return toCallRecord(row, key, times, {
      source: this.id,
      siteByGateway: this.options.siteByGateway ?? {},
    });
  }
}

/** What pairing needs of a session row. */
function attemptOf(
  row: SessionRow | RetryRow,
  key: string,
  times: Pick<SessionTimes, 'requestedAt' | 'invitedAt'>,
): Attempt {
  return {
    key,
    requestedAt: times.requestedAt,
    seq: row.SessionIdSeq,
    invitedAt: times.invitedAt,
    correlationId: row.CorrelationId,
    callerId: row.SessionStartedById,
    targetUserId: row.TargetUserId,
    connectedNumberId: row.ConnectedNumberId,
  };
}

function horizonOf(keepDays: number, now: number): PurgeHorizon {
  return { keepDays, oldestKeptMs: now - keepDays * 86_400_000 };
}

/** SQL Server error 208 ("Invalid object name"), or SQLite's "no such table". */
function missingTable(error: unknown): boolean {
  const { number, message } = error as { number?: unknown; message?: unknown };
  return (
    number === 208 || (typeof message === 'string' && /no such table|invalid object name/i.test(message))
  );
}

/** The datetime parameter and row cap of the SQLite replica. */
export const REPLICA_ENGINE: LcsCdrEngine = { datetime: toLcsCdrDatetime, rowLimit: 'limit' };

/** The datetime parameter and row cap of SQL Server. */
export const SQL_SERVER_ENGINE: LcsCdrEngine = { datetime: (ms) => new Date(ms), rowLimit: 'top' };
