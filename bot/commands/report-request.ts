import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();

/**
 * A report the bot answers with, fully resolved (absolute days, ids): what a command becomes
 * once its words are understood and checked, and what a card's Refresh button sends back, so a
 * refreshed card shows the same figures brought up to date.
 */
export const reportRequestSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cost'),
    from: day,
    to: day,
    label: z.string().max(100),
    /** Whom the figures are about, as the card names them ("Sales", "Anna Rossi", "you"). */
    subjectName: z.string().max(200).nullable(),
    departmentId: id.optional(),
    userId: id.optional(),
  }),
  z.object({
    kind: z.literal('top'),
    dimension: z.enum(['users', 'departments', 'destinations']),
    from: day,
    to: day,
    label: z.string().max(100),
  }),
  z.object({ kind: z.literal('my-calls'), from: day, to: day, label: z.string().max(100) }),
]);
/** A resolved report request. */
export type ReportRequest = z.infer<typeof reportRequestSchema>;
