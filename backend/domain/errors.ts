/**
 * The few kinds of failure Ledgerline reports; one place per edge (CLI, HTTP, bot) maps them to an
 * exit code, a status or a reply.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unavailable'
  | 'configuration'
  | 'unauthenticated'
  | 'forbidden';

/** An expected failure with a message for the person who can fix it, and optional details. */
export class LedgerlineError extends Error {
  override readonly name: string = 'LedgerlineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** One line per problem (e.g. "users.csv line 12, upn: required"). */
    readonly details: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
