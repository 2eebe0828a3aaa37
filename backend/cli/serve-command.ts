import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createHttpServer, listen } from '../api/http-server.js';
import type { Database } from '../db/database.js';
import { LedgerlineError } from '../domain/errors.js';
import { dataDir, databaseUrl, withDatabase, type CliContext, type DatabaseOptions } from './cli-context.js';

/** The port and address options of `serve` and `demo`. */
export interface ServeOptions {
  port?: string;
  host?: string;
}

/** `ledgerline serve`: the HTTP server (API now; the bot and the tab later). */
export function registerServeCommand(program: Command, context: CliContext): void {
  program
    .command('serve')
    .description('serve the API on http://<host>:<port> (default 127.0.0.1:3978)')
    .option('--port <port>', 'port (env PORT)', undefined)
    .option('--host <address>', 'address to listen on (env HOST); 0.0.0.0 for every interface')
    .action(async (options: ServeOptions, command: Command) => {
      const globals = command.optsWithGlobals<DatabaseOptions>();
      await withDatabase(databaseUrl(globals, context), (database) =>
        serveUntilStopped(database, join(dataDir(globals, context), 'spool'), options, context),
      );
    });
}

/** The port to listen on: --port, else PORT, else 3978. */
export function portOf(options: ServeOptions, context: CliContext): number {
  const text = options.port ?? context.env.PORT ?? '3978';
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new LedgerlineError('invalid-input', `--port: "${text}" is not a port number`);
  return port;
}

/** Serves until the process is asked to stop; says where. */
export async function serveUntilStopped(
  database: Database,
  spoolDir: string,
  options: ServeOptions,
  context: CliContext,
): Promise<void> {
  const server = createHttpServer({ database, spoolDir, version: packageVersion() });
  const host = options.host ?? context.env.HOST ?? '127.0.0.1';
  let port: number;
  try {
    port = await listen(server, portOf(options, context), host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LedgerlineError(
      'unavailable',
      code === 'EADDRINUSE'
        ? `port ${portOf(options, context)} is in use: choose another with --port`
        : `cannot listen on ${host}: ${(error as Error).message}`,
    );
  }
  context.reporter.info(
    `Ledgerline is serving on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    { health: '/health', status: '/api/v1/status' },
  );
  await new Promise<void>((resolve) => {
    if (context.signal.aborted) resolve();
    context.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Ledgerline's version, from package.json. */
export function packageVersion(): string {
  for (const path of ['../../../package.json', '../../package.json']) {
    try {
      return (JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { version: string })
        .version;
    } catch {
      // Not there from this build layout; try the next.
    }
  }
  return 'unknown';
}
