import { Writable } from 'node:stream';
import { runCli } from './main.js';
import { createReporter } from './reporter.js';

/**
 * What a CLI run printed and returned; `log` is the JSON log the reporter wrote, `err` the lines
 * written to stderr plus the final error as a terminal shows it (`ledgerline: …`).
 */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  log: string;
}

/** Runs the `ledgerline` command in-process with captured output and the given standard input. */
export async function runLedgerline(
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd = process.cwd(),
  input: string[] = [],
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const log: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  const reporter = createReporter({ tty: false, stream: logStream });
  const code = await runCli(['node', 'ledgerline', ...args], {
    env,
    cwd,
    print: (line) => out.push(line),
    warn: (line) => err.push(line),
    reporter: {
      ...reporter,
      fatal(message, details = []) {
        reporter.fatal(message, details);
        err.push(`ledgerline: ${message}`, ...details.map((detail) => `  ${detail}`));
      },
    },
    stdin: async function* () {
      yield* input;
    },
    signal: new AbortController().signal,
  });
  return { code, out: out.join('\n'), err: err.join('\n'), log: log.join('') };
}
