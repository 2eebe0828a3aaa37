/**
 * Where a recorder stands in a source: the key of the last session read (null: nothing read yet),
 * the keys of sessions not settled when read (in progress, or just ended), to read again; since
 * when `recorder_seen` holds every session decided (what late rows can be compared with); and when
 * the kept records were last swept for rows that arrived later than the look-back.
 */
export interface RecorderPosition {
  at: string | null;
  open: string[];
  /** Epoch ms; undefined in a checkpoint written before it was kept. */
  seenSince?: number;
  /** Epoch ms. */
  sweptAt?: number;
}

/** The checkpoint text: the key alone when that is all there is, else JSON. */
export function encodePosition(position: RecorderPosition): string {
  const { at, open, seenSince, sweptAt } = position;
  if (open.length === 0 && seenSince === undefined && sweptAt === undefined) return at ?? '';
  return JSON.stringify({
    at,
    open,
    ...(seenSince === undefined ? {} : { seenSince }),
    ...(sweptAt === undefined ? {} : { sweptAt }),
  });
}

/** Reads a checkpoint written by encodePosition (or nothing: from the start). */
export function decodePosition(text: string | undefined): RecorderPosition {
  if (!text) return { at: null, open: [] };
  if (!text.startsWith('{')) return { at: text, open: [] };
  const parsed = JSON.parse(text) as Partial<RecorderPosition>;
  const position: RecorderPosition = {
    at: parsed.at ?? null,
    open: Array.isArray(parsed.open) ? parsed.open.map(String) : [],
  };
  if (typeof parsed.seenSince === 'number') position.seenSince = parsed.seenSince;
  if (typeof parsed.sweptAt === 'number') position.sweptAt = parsed.sweptAt;
  return position;
}
