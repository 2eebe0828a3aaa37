import type { Request } from 'restify';
import { LedgerlineError } from '../../domain/errors.js';

/** An HTTP refusal the error mapper keeps the status of (body too large, wrong media type). */
function refusal(status: 413 | 415, message: string): Error {
  return Object.assign(new Error(message), { statusCode: status });
}

/**
 * Reads a text request body (a CSV upload) that no body parser has touched: of one of `types`
 * (else 415), at most `maxBytes` (else 413), decoded with the charset the request names (UTF-8
 * by default; bytes that are not text in it are a 400 saying which charset to send).
 */
export async function readTextBody(
  request: Request,
  options: { types: readonly string[]; maxBytes: number },
): Promise<string> {
  const type = request.getContentType();
  if (!options.types.includes(type))
    throw refusal(415, `send the file as ${options.types.join(' or ')}, not ${type}`);
  const declared = Number(request.header('content-length') || NaN);
  if (declared > options.maxBytes) throw refusal(413, `the file is larger than ${options.maxBytes} bytes`);
  const parts: Buffer[] = [];
  let size = 0;
  // Not destroyed when refused half-way: the rest is read and dropped so the 413 reaches the client.
  for await (const chunk of request.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > options.maxBytes) {
      request.resume();
      throw refusal(413, `the file is larger than ${options.maxBytes} bytes`);
    }
    parts.push(chunk);
  }
  const charset = /;\s*charset="?([\w-]+)"?/i.exec(request.header('content-type') ?? '')?.[1] ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new LedgerlineError('invalid-input', `unknown charset "${charset}"`);
  }
  try {
    return decoder.decode(Buffer.concat(parts));
  } catch {
    throw new LedgerlineError(
      'invalid-input',
      `the file is not ${charset} text: send its charset in Content-Type (e.g. text/csv; charset=windows-1252)`,
    );
  }
}
