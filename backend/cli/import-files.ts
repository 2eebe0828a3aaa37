import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../db/database.js';
import { MiningTablesBuilder } from '../miner/mining-tables.js';
import { mineSpoolFile } from '../miner/spool-file-miner.js';
import { miningReport, type MiningReportOptions, type MiningTotals } from './pipeline-loops.js';
import type { Reporter } from './reporter.js';

/** What an import stored, and the name each file was mined under (rejects are kept by it). */
export interface ImportOutcome {
  totals: MiningTotals;
  /** Mined name to path. */
  names: Map<string, string>;
}

/**
 * Mines CallRecord files from anywhere (an old PBX's export, another system's), each file once:
 * it is named by its content, so the same file imported again is skipped and a changed one is not.
 */
export async function importFiles(
  database: Database,
  paths: readonly string[],
  reporter: Reporter,
  options: Pick<MiningReportOptions, 'quiet'> = {},
): Promise<ImportOutcome> {
  const loader = new MiningTablesBuilder();
  const report = miningReport(reporter, { ...options, files: paths.length });
  const names = new Map<string, string>();
  try {
    for (const path of paths) {
      const name = `import:${basename(path)}@${(await fileDigest(path)).slice(0, 16)}`;
      names.set(name, path);
      report.observer.fileStarted?.(name, (await stat(path)).size);
      const outcome = await mineSpoolFile(database, loader, {
        path,
        name,
        onProgress: (progress) => report.observer.progress?.(name, progress),
      });
      report.observer.fileDone?.(name, outcome);
    }
  } finally {
    report.finish();
  }
  return { totals: report.totals, names };
}

async function fileDigest(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
