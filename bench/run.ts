import { runMinerBench } from './miner-bench.js';
import { runRatingBench } from './rating-bench.js';
import { runRecorderBench } from './recorder-bench.js';

/** `npm run bench`: prints throughput and peak memory of each benchmark. */
async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const mib = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MiB`;
  console.log(`Ledgerline benchmarks (Node ${process.version}, scale ${scale})\n`);

  const options = { calls: Math.round(1_000_000 * scale), numbers: 50_000, prefixes: 5_000 };
  console.log(
    `Rating: ${options.calls.toLocaleString('en')} synthetic calls, Zipf-like over ${options.numbers.toLocaleString('en')} numbers, tariff of ${options.prefixes.toLocaleString('en')} prefixes with peak/weekend bands`,
  );
  for (const result of runRatingBench(options)) {
    console.log(
      `  ${result.name.padEnd(30)} ${result.callsPerSecond.toLocaleString('en').padStart(10)} calls/s  (${result.seconds.toFixed(2)} s; rated ${result.rated.toLocaleString('en')}, unrated ${result.unrated})`,
    );
  }
  const usage = process.memoryUsage();
  console.log(
    `  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}, heap used now ${mib(usage.heapUsed)}`,
  );

  const calls = Math.round(1_000_000 * scale);
  console.log(
    `\nMiner end to end: a spool file of ${calls.toLocaleString('en')} calls to rated rows in SQLite`,
  );
  const miner = await runMinerBench(calls);
  const rate = (value: number) => value.toLocaleString('en').padStart(10);
  console.log(`  spool file                     ${mib(miner.spoolBytes)}`);
  console.log(
    `  miner                          ${rate(miner.minerCallsPerSecond)} calls/s  (${miner.minerSeconds.toFixed(2)} s; peak RSS so far ${mib(miner.minerPeakRssBytes)})`,
  );
  console.log(
    `  baseline: prepared insert      ${rate(miner.baselineRowsPerSecond)} rows/s   (${miner.baselineSeconds.toFixed(2)} s, same rows, one transaction)`,
  );
  console.log(`  miner / baseline               ${miner.ratio.toFixed(2)}`);

  const sessions = Math.round(200_000 * scale);
  console.log(
    `\nRecorder: ${sessions.toLocaleString('en')} sessions from a SQLite LcsCDR replica into spool files`,
  );
  const recorder = await runRecorderBench(sessions);
  console.log(
    `  recorder                       ${rate(recorder.sessionsPerSecond)} sessions/s  (${recorder.seconds.toFixed(2)} s; ${recorder.files} files)`,
  );
}

await main();
