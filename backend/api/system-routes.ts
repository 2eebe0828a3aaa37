import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { pipelineStatus } from '../reports/pipeline-status.js';
import { defineRoute, json, type ApiRoute } from './api-route.js';

/** What the system routes read. */
export interface SystemRouteDependencies {
  database: Database;
  spoolDir: string;
  version: string;
  metrics: Registry;
  openApi: () => unknown;
}

const healthSchema = z.object({ status: z.literal('ok'), version: z.string() });

const pipelineStatusSchema = z.object({
  lastCallAt: z.string().nullable().describe('start of the newest stored call'),
  lastMinedAt: z.string().nullable().describe('when the miner last stored a call'),
  calls: z.object({ rated: z.number(), unrated: z.number(), free: z.number(), total: z.number() }),
  recordedLines: z.number().describe("lines the miner has read from the recorders' spool files"),
  rejectedLines: z.number(),
  backlog: z.object({ files: z.number(), bytes: z.number(), oldestAt: z.string().nullable() }),
  failedFiles: z.array(z.string()),
  recorders: z.array(
    z.object({
      source: z.string(),
      position: z.string().nullable(),
      openSessions: z.number(),
      updatedAt: z.string(),
    }),
  ),
  outbox: z
    .object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number() })
    .describe('notification messages by state; failed ones were given up after their last attempt'),
});

/**
 * The routes that say how the server and the pipeline are: liveness, the pipeline's status, the
 * Prometheus metrics and the OpenAPI document. None needs a sign-in; none shows a call.
 */
export function systemRoutes(deps: SystemRouteDependencies): ApiRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/health',
      summary: 'Liveness: the server answers',
      tag: 'system',
      access: 'public',
      response: healthSchema,
      handle: async () => json({ status: 'ok', version: deps.version }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/status',
      summary: 'The pipeline: last call seen, backlog, calls rated, unrated and rejected',
      tag: 'system',
      access: 'public',
      response: pipelineStatusSchema,
      handle: async () =>
        json(await pipelineStatus(repositoriesFor(deps.database.kysely, deps.database), deps.spoolDir)),
    }),
    defineRoute({
      method: 'get',
      path: '/metrics',
      summary: 'Prometheus metrics: calls recorded, stored, unrated and rejected, lags, HTTP latency',
      tag: 'system',
      access: 'public',
      produces: ['text/plain; version=0.0.4'],
      handle: async () => ({
        kind: 'text',
        contentType: deps.metrics.contentType,
        body: await deps.metrics.metrics(),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/openapi.json',
      summary: 'This document',
      tag: 'system',
      access: 'public',
      handle: async () => json(deps.openApi()),
    }),
  ];
}
