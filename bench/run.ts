import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ApiBenchResult } from './api-bench.js';
import type { MinerBenchResult } from './miner-bench.js';
import type { LoopResult } from './rating-bench.js';
import type { RecorderBenchResult } from './recorder-bench.js';

/** Runs one benchmark in a child process (so its peak memory is its own) and reads its figures. */
function run<T>(name: string, scale: number): { result: T; peakRssBytes: number } {
  const script = fileURLToPath(new URL('./run-one.js', import.meta.url));
  const output = execFileSync(process.execPath, [script, name, String(scale)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').pop() as string) as { result: T; peakRssBytes: number };
}

/** `npm run bench`: throughput and peak memory of rating, the miner end to end, and the recorder. */
function main(): void {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MiB`;
  const rate = (value: number) => value.toLocaleString('en').padStart(10);
  console.log(`Ledgerline benchmarks (Node ${process.version}, scale ${scale}; each in its own process)\n`);

  const calls = Math.round(1_000_000 * scale);
  console.log(
    `Rating: ${calls.toLocaleString('en')} synthetic calls, Zipf-like over 50,000 numbers, tariff of 5,000 prefixes with peak/weekend bands`,
  );
  const rating = run<LoopResult[]>('rating', scale);
  for (const loop of rating.result) {
    console.log(
      `  ${loop.name.padEnd(30)} ${rate(loop.callsPerSecond)} calls/s  (${loop.seconds.toFixed(2)} s; rated ${loop.rated.toLocaleString('en')}, unrated ${loop.unrated})`,
    );
  }
  console.log(`  peak RSS                       ${mib(rating.peakRssBytes)}`);

  console.log(
    `\nMiner end to end: a spool file of ${calls.toLocaleString('en')} calls to rated rows in SQLite`,
  );
  const { result: miner, peakRssBytes } = run<MinerBenchResult>('miner', scale);
  console.log(`  spool file                     ${mib(miner.spoolBytes)}`);
  console.log(
    `  miner                          ${rate(miner.minerCallsPerSecond)} calls/s  (${miner.minerSeconds.toFixed(2)} s)`,
  );
  console.log(
    `  baseline: prepared insert      ${rate(miner.baselineRowsPerSecond)} rows/s   (${miner.baselineSeconds.toFixed(2)} s, same rows, one transaction)`,
  );
  console.log(`  miner / baseline               ${miner.ratio.toFixed(2)}`);
  console.log(
    `  miner with per-call alarm rules${rate(miner.withAlarmsCallsPerSecond)} calls/s  (${miner.withAlarmsSeconds.toFixed(2)} s; ${miner.alarmsRaised.toLocaleString('en')} alarms raised; ${(miner.withAlarmsCallsPerSecond / miner.minerCallsPerSecond).toFixed(2)} of the rate without rules)`,
  );
  console.log(
    `  peak RSS                       ${mib(miner.minerPeakRssBytes)} up to the end of mining (${mib(peakRssBytes)} with the baseline after it)`,
  );

  const sessions = Math.round(200_000 * scale);
  console.log(
    `\nRecorder: ${sessions.toLocaleString('en')} sessions from a SQLite LcsCDR replica into spool files`,
  );
  const recorder = run<RecorderBenchResult>('recorder', scale);
  console.log(
    `  recorder                       ${rate(recorder.result.sessionsPerSecond)} sessions/s  (${recorder.result.seconds.toFixed(2)} s; ${recorder.result.files} files)`,
  );
  console.log(
    `  steady-state poll              ${recorder.result.steadyMsPerPoll.toFixed(1).padStart(10)} ms/poll   (${recorder.result.steadyPolls} polls, a day of ${recorder.result.steadySessions.toLocaleString('en')} sessions behind the checkpoint, 5 new calls each)`,
  );
  console.log(
    `  peak RSS                       ${mib(recorder.peakRssBytes)} (the replica's generation included)`,
  );

  console.log(
    `\nAPI over HTTP: ${calls.toLocaleString('en')} calls of the demo company over two years in SQLite (autocannon, one connection, 5 s each)`,
  );
  const api = run<ApiBenchResult>('api', scale);
  console.log(
    `  mined in ${api.result.mineSeconds.toFixed(1)} s; the deep page comes after ${api.result.deepRows.toLocaleString('en')} calls`,
  );
  console.log(
    `  ${'request'.padEnd(34)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'req/s'.padStart(8)}`,
  );
  for (const endpoint of api.result.endpoints) {
    const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(8);
    console.log(
      `  ${endpoint.name.padEnd(34)} ${ms(endpoint.p50Ms)} ${ms(endpoint.p95Ms)} ${ms(endpoint.p99Ms)} ${String(endpoint.requestsPerSecond).padStart(8)}`,
    );
  }
  console.log(`  peak RSS                       ${mib(api.peakRssBytes)}`);
}

main();
