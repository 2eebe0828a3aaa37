import { LedgerlineError } from '../domain/errors.js';

/** Which check a bearer token failed: for the log, never for the response. */
export type AuthenticationFailure =
  | 'missing'
  | 'malformed'
  | 'algorithm'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'tenant'
  | 'expired'
  | 'not-yet-valid'
  | 'scope';

/**
 * A request that did not prove who sent it (HTTP 401). The message stays terse for the response;
 * `reason` (machine-readable) and `detail` (what exactly was wrong) are for the log.
 */
export class AuthenticationError extends LedgerlineError {
  override readonly name: string = 'AuthenticationError';
  constructor(
    readonly reason: AuthenticationFailure,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(
      'unauthenticated',
      reason === 'missing' ? 'sign-in required' : 'the access token is not valid',
      [],
      options,
    );
  }
}
