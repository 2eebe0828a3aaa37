import type { CallRecord } from '../domain/call-record.js';

/** What a source read: the finished calls after a position, and where the next read starts. */
export interface SourceBatch {
  records: CallRecord[];
  /**
   * The position after the last session this batch settled (emitted or skipped); null when it
   * settled nothing (nothing new, or the next session is still in progress).
   */
  next: string | null;
  /** True when the source may have more settled sessions right after `next`. */
  more: boolean;
  /** Sessions skipped on purpose (retried sessions, non-audio) and sessions left for later. */
  skipped: number;
  waitingForOpenSession: boolean;
  /** Warnings for the log (stale open sessions recorded without talk time, for example). */
  warnings: string[];
}

/** How far back the PBX still keeps call records, if it purges them. */
export interface PurgeHorizon {
  /** Rows older than this (epoch ms) may already be deleted. */
  oldestKeptMs: number;
  keepDays: number;
}

/**
 * One PBX's call-detail records, read in a stable order from a position the recorder keeps.
 * One implementation per kind of PBX (drivers/); the factory picks one from a URL.
 */
export interface CdrSource {
  /** The CallRecord `source` and checkpoint key, e.g. "sfb". */
  readonly id: string;
  /** Where the source is, without secrets. */
  readonly description: string;
  /** Reads up to `limit` sessions after `position` (null: from the oldest kept). */
  read(position: string | null, limit: number): Promise<SourceBatch>;
  /** The purge horizon, when the PBX deletes old records; null when it keeps them. */
  purgeHorizon(now: number): Promise<PurgeHorizon | null>;
  /** The position the oldest kept session would have, to tell whether rows were purged unread. */
  oldestPosition(): Promise<string | null>;
  close(): Promise<void>;
}
