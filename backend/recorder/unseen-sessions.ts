import type { RecorderSeenRepository } from '../db/recorder-seen.repository.js';
import type { CdrSource, SessionSpan } from './cdr-source.js';
import { comparePositions, parsePosition } from './drivers/lcscdr-position.js';

const HOUR = 3_600_000;
/** Below this many sessions a span's keys are fetched and compared instead of split further. */
const KEYS_AT_ONCE = 2_000;

/**
 * The keys of sessions in a span that the recorder has neither decided (`recorder_seen`) nor
 * holds open: rows that reached the source after the recorder had read past their key. Counts are
 * compared first (a statement each side); only a span whose counts differ is halved until it is
 * small enough to compare key by key, so a poll with nothing new reads no keys at all.
 */
export async function unseenSessions(
  source: CdrSource,
  seen: RecorderSeenRepository,
  span: SessionSpan,
  open: readonly string[],
): Promise<string[]> {
  const held = new Set(open);
  const heldIn = (part: SessionSpan) =>
    open.filter((key) => {
      const { timeMs } = parsePosition(key);
      return timeMs >= part.fromMs && timeMs < part.toMs && comparePositions(key, part.upTo) <= 0;
    }).length;
  const walk = async (part: SessionSpan): Promise<string[]> => {
    const there = await source.countSessions(part);
    const decided = await seen.count(source.id, part.fromMs, part.toMs);
    if (there === decided + heldIn(part)) return [];
    if (there <= KEYS_AT_ONCE || part.toMs - part.fromMs <= HOUR) {
      const known = await seen.keysBetween(source.id, part.fromMs, part.toMs);
      return (await source.sessionKeys(part))
        .filter((key) => !known.has(key) && !held.has(key))
        .sort(comparePositions);
    }
    const middle = part.fromMs + Math.floor((part.toMs - part.fromMs) / 2);
    return [...(await walk({ ...part, toMs: middle })), ...(await walk({ ...part, fromMs: middle }))];
  };
  return span.fromMs < span.toMs ? walk(span) : [];
}
