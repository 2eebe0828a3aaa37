#!/usr/bin/env node
// Entry point of the `ledgerline` command: runs the compiled CLI, or says how to build it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// restify's HTTP/2 dependency (spdy) reaches for process.binding('http_parser') when loaded;
// that deprecation says nothing an administrator can act on. Every other warning is shown.
process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.code === 'DEP0111') return;
  process.stderr.write(`${warning.name}: ${warning.message}\n`);
});

const main = new URL('../dist/backend/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'ledgerline: the program is not built yet. Run `npm ci` (or `npm run build`) first.\n',
  );
  process.exit(1);
}
const { runCli } = await import(main.href);
process.exitCode = await runCli(process.argv);
