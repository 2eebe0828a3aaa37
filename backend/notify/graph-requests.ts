import { Client, GraphError, HTTPMessageHandler, RetryHandler } from '@microsoft/microsoft-graph-client';
import { LedgerlineError } from '../domain/errors.js';

/** A Graph access token with the app's own permissions. */
export type AppToken = () => Promise<string>;

/**
 * A Graph v1.0 client for app-only calls at the configured Graph URL: the token is set per
 * request, and retries honour Graph's Retry-After on 429 and 503.
 */
export function appGraphClient(graphUrl: string): Client {
  const retry = new RetryHandler();
  retry.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ baseUrl: graphUrl, defaultVersion: 'v1.0', middleware: retry });
}

/** Graph's refusal as words: " (HTTP 403 Authorization_RequestDenied)", or '' for other errors. */
export function graphStatus(error: unknown): string {
  return error instanceof GraphError
    ? ` (HTTP ${error.statusCode}${error.code ? ` ${error.code}` : ''})`
    : '';
}

/** A Graph failure as a typed error, saying what Ledgerline was doing. */
export function graphFailure(doing: string, error: unknown): LedgerlineError {
  if (error instanceof LedgerlineError) return error;
  return new LedgerlineError('unavailable', `Graph did not ${doing}${graphStatus(error)}`, [], {
    cause: error,
  });
}
