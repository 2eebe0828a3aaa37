import { runApiBench } from './api-bench.js';
import { runMinerBench } from './miner-bench.js';
import { runRatingBench } from './rating-bench.js';
import { runRecorderBench } from './recorder-bench.js';

/**
 * Runs one benchmark (`rating`, `miner`, `recorder` or `api`) at a scale and prints its figures as one
 * JSON line, with the peak memory of this process: run alone, so the peak is the benchmark's own.
 */
async function main(): Promise<void> {
  const [name, scaleText] = process.argv.slice(2);
  const scale = Number(scaleText ?? '1');
  let result: unknown;
  if (name === 'rating')
    result = runRatingBench({ calls: Math.round(1_000_000 * scale), numbers: 50_000, prefixes: 5_000 });
  else if (name === 'miner') result = await runMinerBench(Math.round(1_000_000 * scale));
  else if (name === 'recorder') result = await runRecorderBench(Math.round(200_000 * scale));
  else if (name === 'api') result = await runApiBench(Math.round(1_000_000 * scale));
  else throw new Error(`no benchmark "${name}": rating, miner, recorder or api`);
  process.stdout.write(
    `${JSON.stringify({ result, peakRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
  );
}

await main();
