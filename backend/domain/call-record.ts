import { z } from 'zod';

/** A party of a call as the PBX gave it: a URI and/or a number, both raw. */
export const partySchema = z.object({
  // LcsCDR keeps URIs and phone numbers in nvarchar(450); the calls table holds as much.
  uri: z.string().max(450).nullable().default(null),
  number: z.string().max(450).nullable().default(null),
});

const isoInstant = z.iso.datetime({ offset: true });

/**
 * CallRecord v1: one line of a spool file, the only thing the recorder hands to the miner.
 * Times are ISO-8601 UTC; `sourceId` is unique within `source`.
 */
export const callRecordSchema = z
  .object({
    v: z.literal(1),
    source: z.string().min(1).max(32),
    sourceId: z.string().min(1).max(128),
    startedAt: isoInstant,
    answeredAt: isoInstant.nullable(),
    endedAt: isoInstant,
    durationSec: z.number().int().nonnegative(),
    ringSec: z.number().int().nonnegative(),
    direction: z.enum(['outbound', 'inbound', 'internal']),
    answered: z.boolean(),
    responseCode: z.number().int().nullable().default(null),
    caller: partySchema,
    callee: partySchema,
    trunk: z.string().max(256).nullable().default(null),
    site: z.string().max(64).nullable().optional(),
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
