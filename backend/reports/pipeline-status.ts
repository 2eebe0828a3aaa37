import type { Repositories } from '../db/repositories.js';
import { failedSpoolFiles, pendingSpoolFiles } from '../miner/spool-folder.js';
import { decodePosition } from '../recorder/recorder-position.js';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';

/** How the recorder → spool → miner pipeline is doing, for /api/v1/status and `ledgerline status`. */
export interface PipelineStatus {
  /** Start of the newest stored call (ISO), or null. */
  lastCallAt: string | null;
  /** When the miner last stored a call (ISO), or null. */
  lastMinedAt: string | null;
  calls: { rated: number; unrated: number; free: number; total: number };
  /** Lines the miner has read from the recorders' spool files (calls recorded and taken in). */
  recordedLines: number;
  rejectedLines: number;
  /** Spool files waiting for the miner, their size, and when the oldest was written (ISO). */
  backlog: { files: number; bytes: number; oldestAt: string | null };
  /** Spool files set aside in `failed/` because they kept failing. */
  failedFiles: string[];
  /** Each recorder source: the last session read, calls it waits on, and when it last moved. */
  recorders: { source: string; position: string | null; openSessions: number; updatedAt: string }[];
  /** Notification messages in the outbox by state: waiting (pending, sending), sent, given up. */
  outbox: { pending: number; sending: number; sent: number; failed: number };
}

/** Reads the pipeline's status from the database and the spool folder. */
export async function pipelineStatus(repos: Repositories, spoolDir: string): Promise<PipelineStatus> {
  const [counts, recordedLines, rejectedLines, checkpoints, pending, failed, outbox] = await Promise.all([
    repos.calls.pipelineCounts(),
    repos.spoolFiles.linesRead(),
    repos.rejects.count(),
    repos.checkpoints.list(),
    pendingSpoolFiles(spoolDir),
    failedSpoolFiles(spoolDir),
    repos.outbox.countByStatus(),
  ]);
  let bytes = 0;
  let oldest: number | null = null;
  for (const name of pending) {
    // A file the miner moves away meanwhile simply does not count.
    const file = await stat(join(spoolDir, name)).catch(() => null);
    if (!file) continue;
    bytes += file.size;
    oldest = oldest === null ? file.mtimeMs : Math.min(oldest, file.mtimeMs);
  }
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    lastCallAt: iso(counts.lastStartedAt),
    lastMinedAt: iso(counts.lastMinedAt),
    calls: {
      rated: counts.rated,
      unrated: counts.unrated,
      free: counts.free,
      total: counts.rated + counts.unrated + counts.free,
    },
    recordedLines,
    rejectedLines,
    backlog: { files: pending.length, bytes, oldestAt: iso(oldest === null ? null : Math.round(oldest)) },
    failedFiles: failed,
    recorders: checkpoints.map((checkpoint) => {
      const position = decodePosition(checkpoint.position);
      return {
        source: checkpoint.source,
        position: position.at,
        openSessions: position.open.length,
        updatedAt: new Date(checkpoint.updatedAt).toISOString(),
      };
    }),
    outbox,
  };
}
