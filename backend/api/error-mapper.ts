import { ZodError } from 'zod';
import { LedgerlineError, type ErrorCode } from '../domain/errors.js';

/** The `code` of an API error body: the domain's codes and the few only HTTP has. */
export type ApiErrorCode =
  | ErrorCode
  | 'method-not-allowed'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'too-many-requests'
  | 'internal';

/** Every error the API sends: `{ error: { code, message } }` with its status. */
export interface MappedError {
  status: number;
  body: { error: { code: ApiErrorCode; message: string; details?: readonly string[] } };
  /** Whether it is the server's fault: logged as an error with its stack, the body says nothing. */
  internal: boolean;
  /** For the log only: why sign-in failed, and any cause. */
  logReason?: string;
}

const STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  configuration: 500,
  unavailable: 503,
};

/** restify's own errors (unknown route, body too large, throttled …) by their status. */
const HTTP_CODES: Record<number, ApiErrorCode> = {
  400: 'invalid-input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'invalid-input',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
};

/**
 * The one place an error becomes an HTTP response: typed domain errors keep their message and
 * map to their status; input that fails its schema is a 400 naming the fields; restify's own
 * errors keep their status; anything else is a 500 that shows nothing of the server.
 */
export function mapError(error: unknown): MappedError {
  if (error instanceof LedgerlineError) {
    const status = STATUS[error.code];
    const internal = status >= 500 && error.code !== 'unavailable';
    return {
      status,
      internal,
      body: {
        error: {
          code: error.code,
          message: internal ? 'the server is not configured correctly' : error.message,
          ...(error.details.length > 0 && !internal ? { details: error.details } : {}),
        },
      },
      logReason: logReasonOf(error),
    };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map(
      (issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
    );
    return {
      status: 400,
      internal: false,
      body: { error: { code: 'invalid-input', message: details.join('; '), details } },
    };
  }
  const status = httpStatusOf(error);
  if (status !== null && status < 500) {
    return {
      status,
      internal: false,
      body: {
        error: {
          code: HTTP_CODES[status] ?? 'invalid-input',
          message: (error as Error).message || 'the request was refused',
        },
      },
    };
  }
  return {
    status: 500,
    internal: true,
    body: { error: { code: 'internal', message: 'something went wrong on the server' } },
  };
}

function httpStatusOf(error: unknown): number | null {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : null;
}

function logReasonOf(error: LedgerlineError): string | undefined {
  const reason = (error as { reason?: unknown }).reason;
  if (typeof reason === 'string') return reason;
  return error.cause instanceof Error ? error.cause.message : undefined;
}
