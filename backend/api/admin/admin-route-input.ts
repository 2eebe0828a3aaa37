import { z } from 'zod';
import type { AdminActor } from '../../admin/admin-actor.js';
import { LedgerlineError } from '../../domain/errors.js';
import type { RouteInput } from '../api-route.js';

/** The actor of an admin route's request: its signed-in administrator and the request id. */
export function actorOf(
  input: Pick<RouteInput<unknown, unknown, unknown>, 'principal' | 'request'>,
): AdminActor {
  if (!input.principal) throw new LedgerlineError('unauthenticated', 'sign-in required');
  return { principal: input.principal, requestId: input.request.id() };
}

/** A positive whole-number id in a path. */
export const idSchema = z.coerce.number().int().positive();

/** `/…/:id`. */
export const idParams = z.object({ id: idSchema.describe('the id') });

/** A short code: letters, digits, `-`, `_`, `.`; how sites and departments are named in files and records. */
export const codeSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be letters, digits, "-", "_" or "." (at most 64)');

/** A non-blank name of at most `max` characters. */
export function nameSchema(max = 200) {
  return z.string().trim().min(1, 'must not be empty').max(max);
}

/** An Entra ID object id (a GUID). */
export const guidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

/** `true` / `false` in a query string. */
export const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');
