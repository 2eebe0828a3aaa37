import { stat } from 'node:fs/promises';
import { evaluateCallAlarms } from '../alarms/call-alarms.js';
import { fillRow } from '../db/call-batch.js';
import { rollupFieldsOfValues } from '../db/call-row.js';
import type { Database } from '../db/database.js';
import { inTransaction, type Repositories } from '../db/repositories.js';
import type { SpoolFileStats } from '../db/spool-file.repository.js';
import type { UnknownParty } from './call-record-miner.js';
import { mineBatches, type CreatedUser, type MinedBatch } from './mined-batches.js';
import { loadMiningData, unassignedDepartmentId, type MiningTablesBuilder } from './mining-tables.js';
import { RollupBuffer } from './rollup-buffer.js';
import { miningWorkerAvailable, workerBatches } from './worker-batches.js';

/** Where mining a file has got to, for progress bars. */
export interface MiningProgress {
  lines: number;
  bytesRead: number;
}

/** How to mine one spool file. */
export interface SpoolFileJob {
  /** Path of the file to read. */
  path: string;
  /** Name it is recorded under (unique: a file of that name is mined once). */
  name: string;
  /** Records per write batch. */
  batchSize?: number;
  /**
   * Mine in a worker thread while this one writes. Default: when the compiled worker is there and
   * the file is large enough (4 MiB) for a second thread to pay off.
   */
  parallel?: boolean;
  onProgress?: (progress: MiningProgress) => void;
}

/** What mining a file did; `skipped` when it had been mined before. */
export interface SpoolFileOutcome extends SpoolFileStats {
  skipped: boolean;
}

const PARALLEL_FROM_BYTES = 4 << 20;

/**
 * Mines one spool file in one transaction: its calls, their rollups, its rejected lines and its
 * "done" mark commit together or not at all, so a crash anywhere leaves either the whole file or
 * none of it, and mining it again gives the same database.
 */
export function mineSpoolFile(
  database: Database,
  builder: MiningTablesBuilder,
  job: SpoolFileJob,
): Promise<SpoolFileOutcome> {
  return inTransaction(database, async (repos) => {
    const stats: SpoolFileStats = { lines: 0, calls: 0, duplicates: 0, rejected: 0 };
    if (await repos.spoolFiles.isDone(job.name)) return { ...stats, skipped: true };
    const fileId = await repos.spoolFiles.markDone(job.name, stats);
    // The file's calls get ids above this one: per-call alarm rules read them by that range.
    const afterCallId = await repos.alarmMeasures.lastCallId();
    const batchSize = job.batchSize ?? 2_000;
    const createUsers = anonymousUserMaker(repos);
    const parallel =
      job.parallel ?? (miningWorkerAvailable() && (await stat(job.path)).size >= PARALLEL_FROM_BYTES);
    const source = { path: job.path, fileName: job.name, fileId, minedAt: Date.now(), batchSize };
    // The worker starts before the tables are read, so both get going at once.
    const batches: AsyncIterable<MinedBatch> = parallel
      ? workerBatches(source, loadMiningData(repos), createUsers)
      : mineBatches(source, builder.build(await loadMiningData(repos)), createUsers);

    // Deltas come counting every call as new; the duplicates found on insert are taken away here.
    const duplicates = new RollupBuffer();
    for await (const batch of batches) {
      if (batch.calls.count > 0) {
        const stored = await repos.calls.insertNewBatch(batch.calls);
        stored.forEach((isNew, index) => {
          if (isNew) return;
          stats.duplicates++;
          const values: unknown[] = [];
          fillRow(batch.calls, index, values);
          duplicates.subtract(rollupFieldsOfValues(values));
        });
        stats.calls += batch.calls.count;
        await duplicates.flushIfFull(repos);
      }
      if (batch.rollups.length > 0) await repos.rollups.apply(batch.rollups);
      if (batch.rejects.length > 0) {
        await repos.rejects.add(batch.rejects);
        stats.rejected += batch.rejects.length;
      }
      stats.lines = batch.lines;
      job.onProgress?.({ lines: batch.lines, bytesRead: batch.bytesRead });
    }
    await duplicates.flush(repos);
    stats.calls -= stats.duplicates;
    await repos.spoolFiles.updateStats(fileId, stats);
    await evaluateCallAlarms(repos, { spoolFileId: fileId, afterCallId });
    return { ...stats, skipped: false };
  });
}

/** Makes anonymous users in "Unassigned" for unknown parties, in the file's transaction. */
function anonymousUserMaker(repos: Repositories): (parties: UnknownParty[]) => Promise<CreatedUser[]> {
  let unassigned: number | null = null;
  return async (parties) => {
    unassigned ??= await unassignedDepartmentId(repos);
    const created: CreatedUser[] = [];
    for (const party of parties) {
      const id = await repos.users.createAnonymous(party, party.site, unassigned);
      const user = await repos.users.get(id);
      if (!user) throw new Error(`anonymous user ${id} vanished`);
      const number =
        party.kind === 'sip'
          ? null
          : { userId: id, siteId: party.site.id, kind: party.kind, number: party.value };
      created.push({ user, number });
    }
    return created;
  };
}
