/** A session key as the checkpoint and the CallRecord sourceId write it: `ISO time#seq`. */
export function sessionPosition(timeMs: number, seq: number): string {
  return `${new Date(timeMs).toISOString()}#${seq}`;
}

/** The time and sequence number of a session key. */
export function parsePosition(position: string): { timeMs: number; seq: number } {
  const [time, seq] = position.split('#');
  // Only the UTC form sessionPosition writes: never a text a local time zone could change.
  const timeMs = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(time ?? '') ? Date.parse(time!) : NaN;
  if (Number.isNaN(timeMs) || !/^\d+$/.test(seq ?? ''))
    throw new Error(`not an LcsCDR position: "${position}"`);
  return { timeMs, seq: Number(seq) };
}

/** Orders two session keys as LcsCDR does: by SessionIdTime, then SessionIdSeq. */
export function comparePositions(a: string, b: string): number {
  const left = parsePosition(a);
  const right = parsePosition(b);
  return left.timeMs - right.timeMs || left.seq - right.seq;
}
