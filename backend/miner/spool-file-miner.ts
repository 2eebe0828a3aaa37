import type { Database } from '../db/database.js';
import type { Reject } from '../db/reject.repository.js';
import { inTransaction, type Repositories } from '../db/repositories.js';
import { rollupDeltas } from '../db/rollup.repository.js';
import type { SpoolFileStats } from '../db/spool-file.repository.js';
import type { CallRecord } from '../domain/call-record.js';
import type { RatedCall } from '../domain/rated-call.js';
import { mineCallRecord, type MiningTables, type UnknownParty } from './call-record-miner.js';
import { unassignedDepartmentId, type MiningTablesLoader } from './mining-tables.js';
import { readSpoolLines } from './spool-lines.js';
import { readSpoolRecord } from './spool-record.js';

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
  onProgress?: (progress: MiningProgress) => void;
}

/** What mining a file did; `skipped` when it had been mined before. */
export interface SpoolFileOutcome extends SpoolFileStats {
  skipped: boolean;
}

const REJECT_RAW_LIMIT = 4_000;

/**
 * Mines one spool file in one transaction: its calls, their rollups, its rejected lines and its
 * "done" mark commit together or not at all, so a crash anywhere leaves either the whole file or
 * none of it, and mining it again gives the same database.
 */
export function mineSpoolFile(
  database: Database,
  loader: MiningTablesLoader,
  job: SpoolFileJob,
): Promise<SpoolFileOutcome> {
  return inTransaction(database, async (repos) => {
    const stats: SpoolFileStats = { lines: 0, calls: 0, duplicates: 0, rejected: 0 };
    if (await repos.spoolFiles.isDone(job.name)) return { ...stats, skipped: true };
    const fileId = await repos.spoolFiles.markDone(job.name, stats);
    const tables = await loader.load(repos);
    const writer = new BatchWriter(repos, tables, fileId, stats);
    const batchSize = job.batchSize ?? 2_000;
    let batch: { record: CallRecord; line: number }[] = [];
    const rejects: Reject[] = [];

    for await (const line of readSpoolLines(job.path)) {
      stats.lines = line.number;
      if (line.text.trim() === '') continue;
      const result = readSpoolRecord(line.text);
      if (result.ok) batch.push({ record: result.record, line: line.number });
      else
        rejects.push({
          file: job.name,
          line: line.number,
          reason: result.reason,
          raw: line.text.slice(0, REJECT_RAW_LIMIT),
        });
      if (batch.length >= batchSize) {
        await writer.write(batch);
        batch = [];
        job.onProgress?.({ lines: line.number, bytesRead: line.bytesRead });
      }
    }
    await writer.write(batch);
    stats.rejected = rejects.length;
    await repos.rejects.add(rejects);
    await repos.spoolFiles.updateStats(fileId, stats);
    return { ...stats, skipped: false };
  });
}

/** Turns batches of records into stored calls and rollups, creating anonymous users on the way. */
class BatchWriter {
  private unassigned: number | null = null;

  constructor(
    private readonly repos: Repositories,
    private readonly tables: MiningTables,
    private readonly fileId: number,
    private readonly stats: SpoolFileStats,
  ) {}

  async write(batch: readonly { record: CallRecord }[]): Promise<void> {
    if (batch.length === 0) return;
    const calls: RatedCall[] = [];
    for (const { record } of batch) calls.push(await this.mine(record));
    const { inserted, duplicates } = await this.repos.calls.insertNew(calls, this.fileId);
    await this.repos.rollups.apply(rollupDeltas(inserted));
    this.stats.calls += inserted.length;
    this.stats.duplicates += duplicates.length;
  }

  private async mine(record: CallRecord): Promise<RatedCall> {
    let mined = mineCallRecord(record, this.tables);
    if (mined.kind === 'unknown-party') {
      await this.createAnonymousUser(mined.party);
      mined = mineCallRecord(record, this.tables);
      if (mined.kind !== 'call')
        throw new Error(`anonymous user for ${mined.party.value} was not found after creating it`);
    }
    return mined.call;
  }

  private async createAnonymousUser(party: UnknownParty): Promise<void> {
    this.unassigned ??= await unassignedDepartmentId(this.repos);
    const id = await this.repos.users.createAnonymous(party, party.site, this.unassigned);
    const user = await this.repos.users.get(id);
    if (!user) throw new Error(`anonymous user ${id} vanished`);
    this.tables.directory.addUser(user);
    if (party.kind !== 'sip')
      this.tables.directory.addNumber({
        userId: id,
        siteId: party.site.id,
        kind: party.kind,
        number: party.value,
      });
  }
}
