import type { CallRecord } from '../domain/call-record.js';

/** What a source read after a position: the finished calls, and the sessions still in progress. */
export interface SourceBatch {
  /** Finished calls, in key order. */
  records: CallRecord[];
  /** Keys of sessions read but still in progress: the recorder comes back to them. */
  open: string[];
  /** The key of the last session read (finished, in progress or skipped); null when none. */
  last: string | null;
  /** True when the source may have more sessions right after `last`. */
  more: boolean;
  /** Sessions skipped on purpose (retried sessions, sessions that are not audio). */
  skipped: number;
  /** Warnings for the log (sessions recorded without an end after too long, for example). */
  warnings: string[];
}

/** What became of sessions that were in progress when last read. */
export interface OpenSessionsCheck {
  /** Those that have ended (or waited too long), as calls. */
  records: CallRecord[];
  /** Those still in progress. */
  stillOpen: string[];
  /** Those gone from the source (deleted, or not a call to record after all). */
  gone: string[];
  warnings: string[];
}

/** How far back the PBX still keeps call records, if it purges them. */
export interface PurgeHorizon {
  /** Rows older than this (epoch ms) may already be deleted. */
  oldestKeptMs: number;
  keepDays: number;
}

/**
 * One PBX's call-detail records, read in a stable key order from a position the recorder keeps.
 * One implementation per kind of PBX (drivers/); the factory picks one from a URL.
 */
export interface CdrSource {
  /** The CallRecord `source` and checkpoint key, e.g. "sfb". */
  readonly id: string;
  /** Where the source is, without secrets. */
  readonly description: string;
  /** Reads up to `limit` sessions after `position` (null: from the oldest kept). */
  read(position: string | null, limit: number): Promise<SourceBatch>;
  /** Reads again sessions by key: those that were in progress, or that arrived late. */
  checkOpen(keys: readonly string[]): Promise<OpenSessionsCheck>;
  /**
   * Keys of the finished calls that started at or after `fromMs`, up to the key `upTo`: what
   * the recorder compares with what it has written, to find rows that arrived after it passed.
   */
  settledKeys(fromMs: number, upTo: string): Promise<string[]>;
  /** The purge horizon, when the PBX deletes old records; null when it keeps them. */
  purgeHorizon(now: number): Promise<PurgeHorizon | null>;
  /** The key of the oldest kept session, to tell whether rows were purged unread. */
  oldestPosition(): Promise<string | null>;
  close(): Promise<void>;
}
