import { callRecordSchema, type CallRecord } from '../domain/call-record.js';

/** A spool line read as a CallRecord, or why it is not one. */
export type SpoolRecordResult = { ok: true; record: CallRecord } | { ok: false; reason: string };

/** Reads one spool line: JSON, then the CallRecord v1 contract. Never throws. */
export function readSpoolRecord(text: string): SpoolRecordResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  const parsed = callRecordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data };
  const reason = parsed.error.issues
    .map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
  return { ok: false, reason: `not a CallRecord v1: ${reason}` };
}
