import { z } from 'zod';
import { LedgerlineError } from '../domain/errors.js';
import type { CallSort } from './report-query.js';

/** Where a call list page ended: its order and the last row's sort value and id. */
export interface CallCursor {
  sort: CallSort;
  order: 'asc' | 'desc';
  value: number;
  id: number;
}

const cursorSchema = z.object({
  s: z.enum(['startedAt', 'cost', 'duration']),
  o: z.enum(['asc', 'desc']),
  v: z.number().int().refine(Number.isSafeInteger),
  i: z.number().int().positive().refine(Number.isSafeInteger),
});

/** The opaque text a client passes back for the next page: base64url JSON. */
export function encodeCallCursor(cursor: CallCursor): string {
  const body = { s: cursor.sort, o: cursor.order, v: cursor.value, i: cursor.id };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/**
 * The position a cursor names; an invalid-input error when it is not one this list gave, or was
 * given for another order (a cursor carries on the list it came from, with the same filters).
 */
export function decodeCallCursor(text: string, expected: { sort: CallSort; order: 'asc' | 'desc' }) {
  let body: z.infer<typeof cursorSchema>;
  try {
    body = cursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new LedgerlineError(
      'invalid-input',
      'The cursor is not one this list gave; start again without it.',
      ['cursor: not valid'],
    );
  }
  if (body.s !== expected.sort || body.o !== expected.order)
    throw new LedgerlineError(
      'invalid-input',
      `The cursor belongs to the list sorted by ${body.s} ${body.o}, not ${expected.sort} ${expected.order}.`,
      ['cursor: another sort order'],
    );
  return { value: body.v, id: body.i };
}
