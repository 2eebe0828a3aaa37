import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../db/database.js';
import { pendingSpoolFiles } from '../miner/spool-folder.js';
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

/**
 * One recording pass, reported: files written, warnings (purge horizon, stale sessions) as they
 * come. A recorder polling again and again passes the same `recorder` each time: it remembers what
 * it has said about the purge horizon.
 */
export async function recordOnce(
  source: CdrSource,
  database: Database,
  spoolDir: string,
  reporter: Reporter,
  onFile: (name: string, records: number) => void = (name, records) =>
    reporter.info(`recorded ${name}`, { calls: records }),
  recorder = new Recorder(source, database, { spoolDir }),
): Promise<number> {
  const pass = await recorder.recordAvailable({
    file: onFile,
    warning: (message) => reporter.warn(message),
    notice: (message) => reporter.info(message),
  });
  if (pass.late > 0)
    reporter.info(`${pass.late} of those calls had reached the call records after later ones`);
  return pass.records;
}

/** What a mining pass stored, over all its files. */
export interface MiningTotals {
  files: number;
  /** Of `files`, those mined before (only moved to done/). */
  skipped: number;
  calls: number;
  duplicates: number;
  rejected: number;
}

/** How a mining pass is reported. */
export interface MiningReportOptions {
  /** Files the pass will mine: from FILES_BAR_FROM on, one bar over the files. */
  files?: number;
  /** Lines per file, and warnings of rejected lines, only at debug level: the caller sums up. */
  quiet?: boolean;
}

/** Passes of at least this many files get one bar over the files, and a line at the end. */
export const FILES_BAR_FROM = 3;
/** A file larger than this gets a bar of its own (by bytes). */
const LARGE_FILE_BYTES = 4 << 20;

/**
 * One mining pass over the spool folder: a bar over the files when there are many (else a bar by
 * bytes for a large file), a line per file or one at the end; warnings for rejected lines.
 */
export async function mineOnce(
  database: Database,
  spoolDir: string,
  reporter: Reporter,
  miner = new SpoolMiner(database, spoolDir),
  options: Pick<MiningReportOptions, 'quiet'> = {},
): Promise<MiningTotals> {
  const files = (await pendingSpoolFiles(spoolDir)).length;
  const report = miningReport(reporter, { ...options, files });
  try {
    await miner.minePending(report.observer);
  } finally {
    report.finish();
  }
  return report.totals;
}

/** A MiningObserver that reports to `reporter`, and the totals it saw. */
export function miningReport(
  reporter: Reporter,
  options: MiningReportOptions = {},
): { observer: MiningObserver; totals: MiningTotals; finish(): void } {
  const totals: MiningTotals = { files: 0, skipped: 0, calls: 0, duplicates: 0, rejected: 0 };
  const many = (options.files ?? 0) >= FILES_BAR_FROM;
  const filesBar = many ? reporter.progress('mining spool files', options.files ?? 0, 'files') : null;
  const perFile = many || options.quiet ? reporter.debug : reporter.info;
  let bytesBar: Progress | null = null;
  let large = 0;
  const observer: MiningObserver = {
    fileStarted(name, bytes) {
      // Small files finish before a bar could be seen: only large ones get one. On a terminal the
      // bar over the files shows how far into a large file it is; in a log it gets its own lines.
      large = bytes > LARGE_FILE_BYTES ? bytes : 0;
      bytesBar =
        large && !(filesBar && reporter.tty) ? reporter.progress(`mining ${name}`, bytes, 'bytes') : null;
    },
    progress(_name, progress) {
      bytesBar?.update(progress.bytesRead, `${progress.lines.toLocaleString('en')} lines`);
      if (filesBar && reporter.tty && large)
        filesBar.update(
          totals.files,
          `file ${totals.files + 1} at ${Math.floor((progress.bytesRead / large) * 100)}%`,
        );
    },
    fileDone(name, outcome) {
      bytesBar?.stop();
      bytesBar = null;
      totals.files++;
      if (outcome.skipped) totals.skipped++;
      totals.calls += outcome.calls;
      totals.duplicates += outcome.duplicates;
      totals.rejected += outcome.rejected;
      filesBar?.update(totals.files, `${totals.calls.toLocaleString('en')} calls`);
      if (outcome.skipped) perFile(`${name} was mined before; skipped`);
      else
        perFile(`mined ${name}`, {
          calls: outcome.calls,
          duplicates: outcome.duplicates,
          rejected: outcome.rejected,
        });
      if (outcome.rejected > 0)
        (options.quiet ? reporter.debug : reporter.warn)(
          `${outcome.rejected} lines of ${name} were rejected (see the rejects table)`,
        );
    },
    fileFailed(name, error, attempts) {
      bytesBar?.stop();
      bytesBar = null;
      reporter.error(`mining ${name} failed (attempt ${attempts}); it will be tried again: ${error.message}`);
    },
    fileQuarantined(name, error) {
      reporter.error(
        `${name} keeps failing and was moved to failed/ (the reason is beside it): ${error.message}`,
      );
    },
  };
  return {
    observer,
    totals,
    finish() {
      bytesBar?.stop();
      if (!filesBar) return;
      filesBar.stop();
      reporter.info(
        `mined ${totals.files} files: ${totals.calls.toLocaleString('en')} calls stored, ${totals.duplicates.toLocaleString('en')} duplicates, ${totals.rejected.toLocaleString('en')} lines rejected`,
        // The line says it all on a terminal; log collectors get the numbers as fields.
        reporter.tty ? undefined : { ...totals },
      );
    },
  };
}
