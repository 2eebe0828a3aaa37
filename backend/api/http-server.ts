import restify, { type Server } from 'restify';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { pipelineStatus } from '../reports/pipeline-status.js';

/** What the HTTP server serves from. */
export interface HttpServerDependencies {
  database: Database;
  spoolDir: string;
  version: string;
}

/**
 * The one restify server of Ledgerline: `/health`, `/api/v1/*` now, and later the bot's
 * `/api/messages` and the tab's files. Routes are thin: they call a service and send its result.
 */
export function createHttpServer(deps: HttpServerDependencies): Server {
  const server = restify.createServer({ name: 'ledgerline', version: deps.version });
  server.use(restify.plugins.queryParser());

  server.get('/health', async (_req, res) => {
    res.send({ status: 'ok', version: deps.version });
  });

  server.get('/api/v1/status', async (_req, res) => {
    res.send(await pipelineStatus(repositoriesFor(deps.database.kysely, deps.database), deps.spoolDir));
  });

  return server;
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
