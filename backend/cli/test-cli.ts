import { runCli } from './main.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the `ledgerline` command in-process with captured output. */
export async function runLedgerline(
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd = process.cwd(),
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['node', 'ledgerline', ...args], {
    env,
    cwd,
    print: (line) => out.push(line),
    warn: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
