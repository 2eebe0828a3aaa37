/**
 * Where a recorder stands in a source: the key of the last session read (null: nothing read yet),
 * and the keys of sessions that were still in progress when read, to read again until they end.
 */
export interface RecorderPosition {
  at: string | null;
  open: string[];
}

/** The checkpoint text: the key alone when no session is open, else JSON with both. */
export function encodePosition(position: RecorderPosition): string {
  if (position.at === null && position.open.length === 0) return '';
  return position.open.length === 0 ? (position.at as string) : JSON.stringify(position);
}

/** Reads a checkpoint written by encodePosition (or nothing: from the start). */
export function decodePosition(text: string | undefined): RecorderPosition {
  if (!text) return { at: null, open: [] };
  if (!text.startsWith('{')) return { at: text, open: [] };
  const parsed = JSON.parse(text) as Partial<RecorderPosition>;
  return { at: parsed.at ?? null, open: Array.isArray(parsed.open) ? parsed.open.map(String) : [] };
}
