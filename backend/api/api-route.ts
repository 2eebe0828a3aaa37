import type { Readable } from 'node:stream';
import type { Request, Response } from 'restify';
import type { z } from 'zod';
import type { Principal } from '../domain/principal.js';

/** Who may call a route: anyone, anyone signed in (the route applies their scope), or admins. */
export type RouteAccess = 'public' | 'signed-in' | 'admin';

/** Routes that get their own request-rate limit (per client address). */
export type RateLimitGroup = 'sign-in' | 'export';

/** A file the route streams back (exports): the body is written as it is read. */
export interface StreamedFile {
  kind: 'stream';
  contentType: string;
  fileName: string;
  body: Readable;
}

/** What a handler returns: JSON (with an optional status, e.g. 201), plain text, or a streamed file. */
export type RouteResult =
  | { kind: 'json'; status?: number; body: unknown }
  | { kind: 'text'; contentType: string; body: string }
  | StreamedFile;

/** What a handler gets: the caller (null on public routes) and its input, already validated. */
export interface RouteInput<P, Q, B> {
  principal: Principal | null;
  params: P;
  query: Q;
  body: B;
  /** For routes that need the raw request (e.g. the client address). */
  request: Request;
  response: Response;
}

/**
 * One API route as data: where it is, who may call it, the zod schemas of its input (checked
 * before the handler runs) and output, and the handler. The server registers routes from these
 * definitions and the OpenAPI document is built from the same list, so the two cannot differ.
 */
export interface ApiRoute<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'del';
  /** restify's path syntax: `/api/v1/admin/sites/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: P;
  query?: Q;
  body?: B;
  /** The JSON response's schema, for the OpenAPI document (none for streamed files). */
  response?: z.ZodType;
  /** For streamed files: their content types. */
  produces?: readonly string[];
  rateLimit?: RateLimitGroup;
  /** Larger request bodies than the server's default (CSV imports). */
  maxBodyBytes?: number;
  handle(input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<RouteResult>;
}

/** Declares a route, keeping its schemas' types for the handler. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  route: ApiRoute<P, Q, B>,
): ApiRoute {
  return route as unknown as ApiRoute;
}

/** A JSON result. */
export function json(body: unknown, status = 200): RouteResult {
  return { kind: 'json', status, body };
}
