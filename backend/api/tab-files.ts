import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Request, Response, Server } from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The tab's pages (tab/src/app/AppRoutes.tsx): the browser routes below each of them. */
export const TAB_PAGES = ['dashboard', 'calls', 'alarms', 'status', 'admin', 'config', 'channel'] as const;

/** Paths the tab never answers: they belong to the API, the bot and operations. */
const NOT_THE_TAB = /^\/(api|health|metrics)(\/|$)/;

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ledgerline</title></head>
<body style="font-family: sans-serif; margin: 3rem"><h1>Ledgerline</h1>
<p>The API is running, but the tab is not built. Run <code>npm run build</code> and start the server again.</p></body></html>`;

/**
 * Serves the tab's built files (Vite's output) from the same server as the API: hashed assets
 * cached for a year, every other path the tab's `index.html` (it routes in the browser), and a
 * page that says how to build the tab when it is not built.
 */
export function serveTabFiles(server: Server, directory: string): void {
  const root = normalize(directory + sep);
  const handler = async (request: Request, response: Response): Promise<void> => {
    const path = decodePath(request.path());
    if (path === null || NOT_THE_TAB.test(path)) {
      response.send(404, {
        error: { code: 'not-found', message: `no route ${request.method} ${path ?? ''}` },
      });
      return;
    }
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      response.writeHead(503, {
        'Content-Type': CONTENT_TYPES['.html'] as string,
        'Cache-Control': 'no-store',
      });
      response.end(NOT_BUILT);
      return;
    }
    const file = normalize(join(root, path));
    const isFile = file.startsWith(root) && existsSync(file) && statSync(file).isFile();
    if (!isFile && extname(path) !== '') {
      // A missing script or image is a 404, not the page (a browser would try to run HTML).
      response.send(404, { error: { code: 'not-found', message: `no file ${path}` } });
      return;
    }
    const served = isFile ? file : index;
    const type = CONTENT_TYPES[extname(served)] ?? 'application/octet-stream';
    const immutable = isFile && path.startsWith('/assets/');
    response.writeHead(200, {
      'Content-Type': type,
      'Content-Length': statSync(served).size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    try {
      await pipeline(createReadStream(served), response);
    } catch {
      // The browser went away mid-file (a closed tab, a cancelled load): nothing left to answer.
      response.destroy();
    }
  };
  // Only the tab's own paths: every other one stays the API's, with its 404 and 405 answers.
  const paths = ['/', '/index.html', '/favicon.svg', '/assets/*'];
  for (const page of TAB_PAGES) paths.push(`/${page}`, `/${page}/*`);
  for (const path of paths) {
    server.get(path, handler);
    server.head(path, handler);
  }
}

function decodePath(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}
