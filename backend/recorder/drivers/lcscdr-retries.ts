import type { TimeRange } from './lcscdr-queries.js';

/** What tells an attempt and the retried session that repeats it apart from unrelated calls. */
export interface Attempt {
  key: string;
  /** SessionIdTime and SessionIdSeq, for the order of the two. */
  requestedAt: number;
  seq: number;
  /** InviteTime, else SessionIdTime. */
  invitedAt: number;
  correlationId: string | null;
  /** SessionStartedById. */
  callerId: number | null;
  /** TargetUserId and ConnectedNumberId. */
  targetUserId: number | null;
  connectedNumberId: number | null;
}

/** An unanswered attempt that is over, and when. */
export interface EndedAttempt extends Attempt {
  endedAt: number;
}

/**
 * Whether `retry` (a session with CallFlag bit 1) repeats `original`, so that only the retry is
 * the call. It must come after the original and be placed no later than `windowMs` after the
 * original ended. Then: the same CorrelationId when both have one; else the same caller
 * (SessionStartedById) and the same callee (TargetUserId when both have one, else
 * ConnectedNumberId).
 */
export function retries(retry: Attempt, original: EndedAttempt, windowMs: number): boolean {
  const after =
    retry.requestedAt > original.requestedAt ||
    (retry.requestedAt === original.requestedAt && retry.seq > original.seq);
  if (!after || retry.invitedAt > original.endedAt + windowMs) return false;
  if (original.correlationId !== null && retry.correlationId !== null)
    return original.correlationId.toLowerCase() === retry.correlationId.toLowerCase();
  if (original.callerId === null || original.callerId !== retry.callerId) return false;
  if (original.targetUserId !== null && retry.targetUserId !== null)
    return original.targetUserId === retry.targetUserId;
  return original.connectedNumberId !== null && original.connectedNumberId === retry.connectedNumberId;
}

/** Ranges closer than this are read as one: a short scan costs less than another condition. */
const MERGE_GAP_MS = 10 * 60_000;

/**
 * The SessionIdTime ranges to look for the retries of `originals` in (from each one's request to
 * `windowMs` after its end), those that overlap or nearly do merged, so one statement covers a
 * batch read in key order.
 */
export function retryRanges(originals: readonly EndedAttempt[], windowMs: number): TimeRange[] {
  const ranges = originals
    .map((original) => ({ fromMs: original.requestedAt, toMs: original.endedAt + windowMs }))
    .sort((a, b) => a.fromMs - b.fromMs);
  const merged: TimeRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.fromMs <= last.toMs + MERGE_GAP_MS) last.toMs = Math.max(last.toMs, range.toMs);
    else merged.push({ ...range });
  }
  return merged;
}
