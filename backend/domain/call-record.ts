import { z } from 'zod';

/**
 * Text of a record, `min` to `max` characters and without NUL characters (PostgreSQL cannot store
 * them, so a record with one is rejected as a line rather than failing its whole file).
 */
function text(max: number, min = 0) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine((value) => !value.includes('\u0000'), { message: 'contains a NUL character' });
}

/** A party of a call as the PBX gave it: a URI and/or a number, both raw. */
export const partySchema = z.object({
  // LcsCDR keeps URIs and phone numbers in nvarchar(450); the calls table holds as much.
  uri: text(450).nullable().default(null),
  number: text(450).nullable().default(null),
});

/**
 * The longest time a record may give for a call's talk or ring time: 30 days. Longer is a broken
 * record, not a call, and would not fit the database's 32-bit integer columns for long.
 */
export const MAX_CALL_SECONDS = 30 * 86_400;

const seconds = z.number().int().nonnegative().max(MAX_CALL_SECONDS);

const isoInstant = z.iso.datetime({ offset: true });

/**
 * CallRecord v1: one line of a spool file, the only thing the recorder hands to the miner.
 * Times are ISO-8601 UTC; `sourceId` is unique within `source`.
 */
export const callRecordSchema = z
  .object({
    v: z.literal(1),
    source: text(32, 1),
    // Compared exactly by every engine; SQL Server ignores trailing blanks, so none are allowed.
    sourceId: text(128, 1).refine((id) => id.trim() === id, { message: 'starts or ends with a blank' }),
    startedAt: isoInstant,
    answeredAt: isoInstant.nullable(),
    endedAt: isoInstant,
    durationSec: seconds,
    ringSec: seconds,
    direction: z.enum(['outbound', 'inbound', 'internal']),
    answered: z.boolean(),
    responseCode: z.int32().nullable().default(null),
    caller: partySchema,
    callee: partySchema,
    trunk: text(256).nullable().default(null),
    site: text(64).nullable().optional(),
  })
  .refine((r) => Date.parse(r.endedAt) >= Date.parse(r.startedAt), {
    message: 'endedAt is before startedAt',
    path: ['endedAt'],
  })
  .refine((r) => r.answered === (r.answeredAt !== null), {
    message: 'answered and answeredAt disagree',
    path: ['answeredAt'],
  });

/** CallRecord v1 (see DESIGN.md, Contracts). */
export type CallRecord = z.infer<typeof callRecordSchema>;

/** A party of a CallRecord. */
export type Party = z.infer<typeof partySchema>;

/** The call directions a record can have. */
export type Direction = CallRecord['direction'];
