import { pipeline } from 'node:stream/promises';
import restify, { type Request, type RequestHandler, type Response, type Server } from 'restify';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { Principal } from '../domain/principal.js';
import { pipelineStatus } from '../reports/pipeline-status.js';
import type { ApiRoute, RateLimitGroup, RouteResult } from './api-route.js';
import { mapError } from './error-mapper.js';
import { openApiDocument } from './openapi-document.js';
import { serveTabFiles } from './tab-files.js';
import { securityHeaders } from './security-headers.js';
import { createServerMetrics } from './server-metrics.js';
import { systemRoutes } from './system-routes.js';

/** Where the server writes a line per request and its errors (the CLI's reporter fits). */
export interface ServerLog {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Requests a client may make per second (`rate`) and at once (`burst`) on a limited route. */
export interface RateLimit {
  rate: number;
  burst: number;
}

/** Limits the server enforces on every client. */
export interface ServerLimits {
  /** Largest request body, unless a route allows more. */
  maxBodyBytes: number;
  rateLimits: Record<RateLimitGroup, RateLimit>;
}

/** The defaults: 1 MiB bodies; sign-in 1 a second (bursts of 10), exports 2 a second (bursts of 5). */
export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 1 << 20,
  rateLimits: { 'sign-in': { rate: 1, burst: 10 }, export: { rate: 2, burst: 5 } },
};

/** What the HTTP server serves from. */
export interface HttpServerDependencies {
  database: Database;
  spoolDir: string;
  version: string;
  /** Signs in the caller of a route that needs it (Teams SSO bearer token); absent: no such route works. */
  authenticate?: (authorization: string | undefined) => Promise<Principal>;
  /** Routes beyond the built-in ones (reports, calls, administration, demo sign-in). */
  routes?: readonly ApiRoute[];
  log?: ServerLog;
  /** Level of the one line per request: `info` for services, `debug` on a terminal. */
  requestLogLevel?: 'info' | 'debug';
  limits?: ServerLimits;
  /** The tab's built files (Vite's output), served at every path the API does not use. */
  tabDir?: string;
}

const quiet: ServerLog = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The one restify server of Ledgerline: `/health`, `/metrics`, `/api/v1/*` now, and later the
 * bot's `/api/messages` and the tab's files. Every route is an ApiRoute: its input is checked
 * against its schemas before its handler runs, its errors go through the one error mapper, and
 * the OpenAPI document at `/api/v1/openapi.json` is built from the same list.
 */
export function createHttpServer(deps: HttpServerDependencies): Server {
  const log = deps.log ?? quiet;
  const limits = deps.limits ?? DEFAULT_LIMITS;
  const server = restify.createServer({
    name: 'ledgerline',
    version: deps.version,
    handleUncaughtExceptions: false,
  });
  const metrics = createServerMetrics(() =>
    pipelineStatus(repositoriesFor(deps.database.kysely, deps.database), deps.spoolDir),
  );
  const routes: ApiRoute[] = [];
  routes.push(
    ...systemRoutes({
      database: deps.database,
      spoolDir: deps.spoolDir,
      version: deps.version,
      metrics: metrics.registry,
      openApi: () => openApiDocument(routes, { version: deps.version }),
    }),
    ...(deps.routes ?? []),
  );

  server.pre(function requestId(request: Request, response: Response, next) {
    const given = request.header('x-request-id');
    // The caller's id when it gives a sane one (a proxy's), so its logs and ours line up.
    if (given && /^[\w.-]{1,64}$/.test(given)) (request.id as (id?: string) => string)(given);
    response.header('X-Request-Id', request.id());
    (request as TimedRequest).finish = metrics.startRequest(request.method ?? 'GET');
    next();
  });
  server.use(securityHeaders());
  server.use(restify.plugins.queryParser({ mapParams: false }));

  const throttles = new Map<RateLimitGroup, RequestHandler>();
  const throttle = (group: RateLimitGroup) => {
    let handler = throttles.get(group);
    if (!handler) {
      handler = restify.plugins.throttle({ ...limits.rateLimits[group], ip: true, setHeaders: true });
      throttles.set(group, handler);
    }
    return handler;
  };

  for (const route of routes) {
    const chain: RequestHandler[] = [];
    if (route.rateLimit) chain.push(throttle(route.rateLimit));
    if (route.body)
      chain.push(
        ...restify.plugins.bodyParser({
          maxBodySize: route.maxBodyBytes ?? limits.maxBodyBytes,
          mapParams: false,
          mapFiles: false,
          rejectUnknown: true,
        }),
      );
    chain.push(async (request: Request, response: Response) => {
      try {
        await answer(route, request, response, deps);
      } catch (error) {
        sendError(request, response, error, log);
      }
    });
    server[route.method](route.path, ...chain);
  }

  // restify's own refusals (no such route, wrong method, body too large, throttled): the same
  // JSON error body as everything else.
  server.on(
    'restifyError',
    (
      request: Request,
      response: Response,
      error: Error & { toJSON?: () => unknown },
      callback: () => void,
    ) => {
      const mapped = mapError(error);
      (error as { statusCode?: number }).statusCode = mapped.status;
      error.toJSON = () => mapped.body;
      if (mapped.internal)
        log.error('request failed', { requestId: request.id(), error: error.stack ?? String(error) });
      callback();
    },
  );
  if (deps.tabDir) serveTabFiles(server, deps.tabDir);
  server.on('after', (request: Request, response: Response, route: { spec?: { path?: unknown } } | null) => {
    const path = typeof route?.spec?.path === 'string' ? route.spec.path : 'unmatched';
    (request as TimedRequest).finish?.(path, response.statusCode);
    const line = deps.requestLogLevel === 'info' ? log.info : log.debug;
    line(`${request.method} ${request.path()} ${response.statusCode}`, {
      requestId: request.id(),
      ms: Date.now() - request.time(),
    });
  });
  return server;
}

type TimedRequest = Request & { finish?: (route: string, status: number) => void };

async function answer(
  route: ApiRoute,
  request: Request,
  response: Response,
  deps: HttpServerDependencies,
): Promise<void> {
  let principal: Principal | null = null;
  if (route.access !== 'public') {
    if (!deps.authenticate)
      throw new LedgerlineError('unauthenticated', 'sign-in is not set up on this server');
    principal = await deps.authenticate(request.header('authorization'));
    if (route.access === 'admin' && principal.role !== 'admin')
      throw new LedgerlineError('forbidden', 'only administrators may do this');
  }
  const params = route.params ? route.params.parse(request.params ?? {}) : {};
  const query = route.query ? route.query.parse(request.query ?? {}) : {};
  const body = route.body ? route.body.parse(request.body ?? {}) : undefined;
  const result: RouteResult = await route.handle({ principal, params, query, body, request, response });
  if (result.kind === 'json') {
    response.send(result.status ?? 200, result.body);
    return;
  }
  if (result.kind === 'text') {
    response.writeHead(200, { 'Content-Type': result.contentType });
    response.end(result.body);
    return;
  }
  response.writeHead(200, {
    'Content-Type': result.contentType,
    'Content-Disposition': `attachment; filename="${result.fileName.replace(/[^\w.-]/g, '_')}"`,
  });
  await pipeline(result.body, response);
}

function sendError(request: Request, response: Response, error: unknown, log: ServerLog): void {
  const mapped = mapError(error);
  const fields = { requestId: request.id(), status: mapped.status, code: mapped.body.error.code };
  if (mapped.internal)
    log.error('request failed', { ...fields, error: (error as Error)?.stack ?? String(error) });
  else if (mapped.status === 401)
    log.warn('sign-in refused', { ...fields, reason: mapped.logReason ?? mapped.body.error.message });
  else if (mapped.logReason) log.debug(mapped.body.error.message, { ...fields, reason: mapped.logReason });
  if (response.headersSent) {
    // A streamed file that failed half-way: the client sees the connection cut, not a complete file.
    response.destroy(error instanceof Error ? error : undefined);
    return;
  }
  if (mapped.status === 401) response.header('WWW-Authenticate', 'Bearer');
  response.send(mapped.status, mapped.body);
}

/** Starts listening; resolves with the port (useful when `port` is 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}
