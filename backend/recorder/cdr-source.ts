import type { CallRecord } from '../domain/call-record.js';

/** What a source read after a position: the finished calls, and the sessions still in progress. */
export interface SourceBatch {
  /** Finished calls, in key order. */
  records: CallRecord[];
  /** Keys of sessions read but not settled yet (in progress, or just ended): read again later. */
  open: string[];
  /** Keys of sessions skipped on purpose (agent legs, attempts a retried session repeats). */
  skipped: string[];
  /** The key of the last session read (finished, in progress or skipped); null when none. */
  last: string | null;
  /** True when the source may have more sessions right after `last`. */
  more: boolean;
  /** Warnings for the log (sessions recorded without an end after too long, for example). */
  warnings: string[];
}

/** What became of sessions read again by key. */
export interface OpenSessionsCheck {
  /** Those that have ended (or waited too long), as calls. */
  records: CallRecord[];
  /** Those still not settled. */
  stillOpen: string[];
  /** Those skipped on purpose, as `SourceBatch.skipped`. */
  skipped: string[];
  /** Those gone from the source (deleted, or not audio after all). */
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
 * Sessions by key: started (key time) from `fromMs`, inclusive, to `toMs`, exclusive, and none
 * after the key `upTo`.
 */
export interface SessionSpan {
  fromMs: number;
  toMs: number;
  upTo: string;
}

/**
 * One PBX's call-detail records, read in a stable key order from a position the recorder keeps.
 * One implementation per kind of PBX (drivers/); the factory picks one from a URL. Every session
 * `read` returns ends up in exactly one of `records`, `open` and `skipped`; `countSessions` and
 * `sessionKeys` count and list those same sessions, whatever becomes of them.
 */
export interface CdrSource {
  /** The CallRecord `source` and checkpoint key, e.g. "sfb". */
  readonly id: string;
  /** Where the source is, without secrets. */
  readonly description: string;
  /** Reads up to `limit` sessions after `position` (null: from the oldest kept). */
  read(position: string | null, limit: number): Promise<SourceBatch>;
  /** Reads again sessions by key: those that were open, or that arrived late. */
  checkOpen(keys: readonly string[]): Promise<OpenSessionsCheck>;
  /** How many sessions a span holds: what the recorder compares with what it has decided. */
  countSessions(span: SessionSpan): Promise<number>;
  /** The keys of the sessions in a span, when the counts say some are new. */
  sessionKeys(span: SessionSpan): Promise<string[]>;
  /** The purge horizon, when the PBX deletes old records; null when it keeps them. */
  purgeHorizon(now: number): Promise<PurgeHorizon | null>;
  /** The key of the oldest kept session after `after` (null or left out: of all). */
  oldestPosition(after?: string | null): Promise<string | null>;
  close(): Promise<void>;
}
