import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../db/database.js';
import type { SpoolFileOutcome } from '../miner/spool-file-miner.js';
import { SpoolMiner, type MiningObserver } from '../miner/spool-miner.js';
import type { CdrSource } from '../recorder/cdr-source.js';
import { Recorder } from '../recorder/recorder.js';
import type { Progress, Reporter } from './reporter.js';

/** Runs `pass` every `intervalMs` until `signal` aborts; a failing pass is logged and retried. */
export async function repeat(
  name: string,
  intervalMs: number,
  signal: AbortSignal,
  reporter: Reporter,
  pass: () => Promise<void>,
): Promise<void> {
  while (!signal.aborted) {
    try {
      await pass();
    } catch (error) {
      reporter.error(`${name} failed; trying again in ${intervalMs / 1000} s: ${(error as Error).message}`);
    }
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }
}

/** One recording pass, reported: files written, warnings (purge horizon, stale sessions). */
export async function recordOnce(
  source: CdrSource,
  database: Database,
  spoolDir: string,
  reporter: Reporter,
): Promise<number> {
  const recorder = new Recorder(source, database, { spoolDir });
  const pass = await recorder.recordAvailable((name, records) =>
    reporter.info(`recorded ${name}`, { calls: records }),
  );
  for (const warning of pass.warnings) reporter.warn(warning);
  if (pass.late > 0)
    reporter.info(`${pass.late} of those calls had reached the call records after later ones`);
  return pass.records;
}

/** One mining pass over the spool folder, with progress bars by bytes and a line per file. */
export async function mineOnce(
  database: Database,
  spoolDir: string,
  reporter: Reporter,
  miner = new SpoolMiner(database, spoolDir),
): Promise<SpoolFileOutcome[]> {
  const pass = await miner.minePending(miningObserver(reporter));
  return pass.files;
}

/** Progress bars by bytes read, and one line per finished file. */
export function miningObserver(reporter: Reporter): MiningObserver {
  let bar: Progress | null = null;
  return {
    fileStarted(name, bytes) {
      // Small files finish before a bar could be seen: only large ones get one.
      bar = bytes > 4 << 20 ? reporter.progress(`mining ${name}`, bytes, 'bytes') : null;
    },
    progress(_name, progress) {
      bar?.update(progress.bytesRead, `${progress.lines.toLocaleString('en')} lines`);
    },
    fileDone(name, outcome) {
      bar?.stop();
      bar = null;
      if (outcome.skipped) reporter.info(`${name} was mined before; skipped`);
      else
        reporter.info(`mined ${name}`, {
          calls: outcome.calls,
          duplicates: outcome.duplicates,
          rejected: outcome.rejected,
        });
      if (outcome.rejected > 0)
        reporter.warn(`${outcome.rejected} lines of ${name} were rejected (see the rejects table)`);
    },
    fileFailed(name, error, attempts) {
      bar?.stop();
      bar = null;
      reporter.error(`mining ${name} failed (attempt ${attempts}); it will be tried again: ${error.message}`);
    },
    fileQuarantined(name, error) {
      reporter.error(
        `${name} keeps failing and was moved to failed/ (the reason is beside it): ${error.message}`,
      );
    },
  };
}
