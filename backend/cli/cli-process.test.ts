import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// These run the built command as people do (`node bin/ledgerline.js`): CI builds before testing.
const BIN = fileURLToPath(new URL('../../bin/ledgerline.js', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/backend/cli/main.js', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-process-'));
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` before these tests');
});

interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A `ledgerline` process with its JSON log (stderr is not a terminal) and its exit. */
class Ledgerline {
  readonly log: LogLine[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(args: string[], env: Record<string, string> = {}) {
    const base = { ...process.env };
    for (const name of ['PORT', 'HOST', 'LEDGERLINE_DATA_DIR', 'LEDGERLINE_DB_URL', 'LEDGERLINE_LOG_LEVEL'])
      delete base[name];
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...base, ...env } });
    running.add(this.child);
    let rest = '';
    this.child.stderr!.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        this.log.push(JSON.parse(line) as LogLine);
      }
      for (const wake of this.waiters) wake();
    });
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        running.delete(this.child);
        resolve(code);
      }),
    );
  }

  /** Waits for a log line that `match` accepts. */
  async line(match: (line: LogLine) => boolean, timeoutMs = 30_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.log.find(match);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`no such log line; the log so far:\n${this.log.map((l) => l.msg).join('\n')}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
        setTimeout(wake, 200);
      });
    }
  }

  /** The URL it serves on, once it says so. */
  async url(): Promise<string> {
    const line = await this.line((l) => l.msg.startsWith('Ledgerline is serving on '));
    return line.msg.slice('Ledgerline is serving on '.length);
  }

  stop(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Status {
  calls: { total: number; unrated: number };
  rejectedLines: number;
  recorders: { position: string | null }[];
}

async function status(url: string): Promise<Status> {
  const response = await fetch(`${url}/api/v1/status`);
  expect(response.status).toBe(200);
  return (await response.json()) as Status;
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work;
  return { value, ms: Date.now() - started };
}

describe('ledgerline demo and serve, as processes', () => {
  const data = join(dir, 'data');

  it('serves the demo, carries on after a restart, and keeps a second demo and a taken port out', async () => {
    // PORT and LEDGERLINE_DATA_DIR instead of options.
    const port = await freePort();
    const demo = new Ledgerline(['demo', '--days', '2', '--interval', '1'], {
      PORT: String(port),
      LEDGERLINE_DATA_DIR: data,
    });
    const url = await demo.url();
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(await (await fetch(`${url}/health`)).json()).toMatchObject({ status: 'ok' });
    const first = await status(url);
    expect(first.calls.total).toBeGreaterThan(1_000);
    expect(first.rejectedLines).toBe(2);

    // Live calls keep arriving: the recorder moves on within seconds.
    const moved = async () => {
      for (let tries = 0; tries < 60; tries++) {
        const now = await status(url);
        if (now.recorders[0]?.position !== first.recorders[0]?.position) return now;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      throw new Error('the recorder did not move in 30 s');
    };
    await moved();

    // A second demo on the same folder, and a server on the port in use, give up at once.
    const second = new Ledgerline([
      'demo',
      '--days',
      '2',
      '--data',
      data,
      '--port',
      String(await freePort()),
    ]);
    const refused = await timed(second.exited);
    expect(refused.value).toBe(1);
    expect(refused.ms).toBeLessThan(10_000);
    expect(second.log.at(-1)).toMatchObject({
      level: 50,
      msg: expect.stringContaining(
        `the data folder ${data} is in use by another Ledgerline (process `,
      ) as string,
    });
    const taken = new Ledgerline([
      'demo',
      '--days',
      '30',
      '--data',
      join(dir, 'other'),
      '--port',
      String(port),
    ]);
    const busy = await timed(taken.exited);
    expect(busy.value).toBe(1);
    expect(busy.ms).toBeLessThan(10_000);
    expect(taken.log.at(-1)?.msg).toBe(
      `port ${port} on 127.0.0.1 is in use (another Ledgerline or another program): choose another with --port or PORT`,
    );
    expect(taken.log.some((line) => line.msg.includes('generating'))).toBe(false);

    // While live, rounds every second log nothing at info level (a summary comes once a minute).
    const serving = demo.log.findIndex((line) => line.msg.startsWith('Ledgerline is serving on '));
    expect(demo.log.slice(serving + 2).filter((line) => /^(recorded|mined) /.test(line.msg))).toEqual([]);

    const before = await status(url);
    expect(await demo.stop()).toBe(0);
    expect(demo.log.some((line) => line.msg.startsWith('stopping'))).toBe(true);

    // A second start carries on from the same data: nothing generated again, nothing stored twice.
    const again = new Ledgerline(['demo', '--data', data, '--port', '0', '--interval', '1']);
    const after = await status(await again.url());
    expect(after.calls.total).toBeGreaterThanOrEqual(before.calls.total);
    expect(after.rejectedLines).toBe(2);
    expect(again.log.some((line) => /generating|setting up|imported/.test(line.msg))).toBe(false);
    expect(again.log.filter((line) => /stored before|[1-9][\d,]* duplicates/.test(line.msg))).toEqual([]);
    expect(await again.stop()).toBe(0);
  }, 90_000);

  it('serves an existing database until stopped, and refuses a port that is not a port', async () => {
    const serve = new Ledgerline(['serve', '--port', '0', '--data', data]);
    const url = await serve.url();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await status(url)).calls.total).toBeGreaterThan(1_000);
    expect(await serve.stop()).toBe(0);

    const bad = new Ledgerline(['serve', '--port', '99999', '--data', data]);
    expect(await bad.exited).toBe(2);
    expect(bad.log.at(-1)).toMatchObject({
      level: 50,
      msg: '--port: "99999" is not a port number (1 to 65535)',
    });
  }, 30_000);
});
