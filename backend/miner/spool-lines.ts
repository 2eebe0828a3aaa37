import { createReadStream } from 'node:fs';

/** One line of a spool file with its 1-based number. */
export interface SpoolLine {
  number: number;
  text: string;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

/**
 * Streams the lines of a file (LF or CRLF) without holding the file in memory: a spool file of a
 * million calls is read in 1 MiB chunks, and the lines of each chunk come as one array (one
 * `await` per chunk, not per line). A last line without a newline is still a line.
 */
export async function* readSpoolLines(path: string): AsyncGenerator<SpoolLine[]> {
  let pending: Buffer | null = null;
  let number = 0;
  let bytesRead = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    const buffer: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    const lines: SpoolLine[] = [];
    let start = 0;
    let newline = buffer.indexOf(10, start);
    while (newline !== -1) {
      const end = newline > start && buffer[newline - 1] === 13 ? newline - 1 : newline;
      lines.push({ number: ++number, text: buffer.toString('utf8', start, end), bytesRead });
      start = newline + 1;
      newline = buffer.indexOf(10, start);
    }
    pending = start < buffer.length ? buffer.subarray(start) : null;
    if (lines.length > 0) yield lines;
  }
  if (pending && pending.length > 0) {
    const end = pending[pending.length - 1] === 13 ? pending.length - 1 : pending.length;
    yield [{ number: number + 1, text: pending.toString('utf8', 0, end), bytesRead }];
  }
}
