import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** A running `ledgerline demo` on a temporary data folder. */
export interface DemoServer {
  /** Where it serves the tab and the API, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the demo and removes its data folder. */
  stop(): Promise<void>;
}

/** How the e2e run starts its demo: enough history for last month, and no live calls meanwhile. */
export interface DemoOptions {
  /** The repository's root, where `bin/ledgerline.js` is. */
  root: string;
  days: number;
  /** Seconds between live-traffic rounds: long, so figures stay still during the run. */
  intervalSec: number;
  startTimeoutMs: number;
}

const SERVING = /Ledgerline is serving on (http:\/\/[\w.:[\]-]+)/;

/**
 * Starts `ledgerline demo` on port 0 in a fresh data folder and waits for the log line that names
 * its URL. The process is killed when this process exits, whatever the tests did.
 */
export async function startDemo(options: DemoOptions): Promise<DemoServer> {
  const data = mkdtempSync(join(tmpdir(), 'ledgerline-e2e-'));
  const child = spawn(
    process.execPath,
    [
      join(options.root, 'bin', 'ledgerline.js'),
      'demo',
      '--data',
      data,
      '--days',
      String(options.days),
      '--port',
      '0',
      '--interval',
      String(options.intervalSec),
    ],
    { cwd: options.root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '0' } },
  );
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const log = recentLines(40);
  // Read every line for as long as the demo runs (a full pipe would stall it); it logs on stderr.
  const lines = new EventEmitter();
  for (const stream of [child.stdout, child.stderr])
    createInterface({ input: stream }).on('line', (line) => {
      log.add(line);
      lines.emit('line', line);
    });

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    rmSync(data, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the demo did not start in ${options.startTimeoutMs / 1000} s`)),
        options.startTimeoutMs,
      );
      lines.on('line', (line: string) => {
        const found = SERVING.exec(line);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the demo stopped before serving (exit ${code ?? signal})`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its last lines:\n${log.text()}`, { cause: error });
  }
}

/** SIGTERM, then SIGKILL if the demo has not stopped within five seconds. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** The last `count` lines written, for an error message. */
function recentLines(count: number): { add(line: string): void; text(): string } {
  const lines: string[] = [];
  return {
    add(line) {
      lines.push(line);
      if (lines.length > count) lines.shift();
    },
    text: () => lines.join('\n'),
  };
}
