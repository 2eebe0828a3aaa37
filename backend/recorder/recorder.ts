import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor } from '../db/repositories.js';
import type { CallRecord } from '../domain/call-record.js';
import type { CdrSource } from './cdr-source.js';
import { parsePosition } from './drivers/lcscdr-source.js';
import { decodePosition, encodePosition, type RecorderPosition } from './recorder-position.js';
import { spoolFileName, writeSpoolFile } from './spool-writer.js';

/** How the recorder works. */
export interface RecorderOptions {
  spoolDir: string;
  /** Sessions read per query and written per spool file. */
  batchSize?: number;
  /**
   * How far behind its checkpoint the recorder looks for rows that arrived late (LcsCDR writes a
   * call when it ends, so a long call's row comes after shorter, later calls'). Longer than the
   * longest call plus the time the PBX takes to write it. Default 24 hours.
   */
  lookbackHours?: number;
  /** Warn when the checkpoint is within this many days of the purge horizon. */
  purgeMarginDays?: number;
  now?: () => number;
}

/** What one recording pass did. */
export interface RecordingPass {
  files: string[];
  records: number;
  /** Of `records`, calls whose rows arrived after the recorder had read past their key. */
  late: number;
  skipped: number;
  /** The checkpoint after the pass. */
  position: string | null;
  /** Sessions in progress, to be read again next time. */
  openSessions: number;
  warnings: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Moves finished calls from a source to spool files. Each file is written and in place before the
 * checkpoint moves past its calls, and the checkpoint (with the keys of the calls written, kept
 * for the look-back) is durable, so a restart resumes exactly where the last file ended; at worst
 * a file is written twice under the same name. Sessions in progress do not hold the others back:
 * their keys stay in the checkpoint and are read again each pass until they end. Rows that arrive
 * after the recorder has passed their key are found by reading back over the look-back window.
 */
export class Recorder {
  private readonly batchSize: number;
  private readonly lookbackMs: number;
  private readonly now: () => number;

  constructor(
    private readonly source: CdrSource,
    private readonly database: Database,
    private readonly options: RecorderOptions,
  ) {
    this.batchSize = options.batchSize ?? 5_000;
    this.lookbackMs = (options.lookbackHours ?? 24) * HOUR;
    this.now = options.now ?? Date.now;
  }

  /** Records everything settled since the checkpoint, and what arrived late behind it. */
  async recordAvailable(onFile?: (name: string, records: number) => void): Promise<RecordingPass> {
    const repos = repositoriesFor(this.database.kysely, this.database);
    const id = this.source.id;
    let position = decodePosition(await repos.checkpoints.get(id));
    const pass: RecordingPass = {
      files: [],
      records: 0,
      late: 0,
      skipped: 0,
      position: encodePosition(position) || null,
      openSessions: position.open.length,
      warnings: await this.purgeWarnings(position.at),
    };
    const settle = async (records: CallRecord[], next: RecorderPosition) => {
      if (records.length > 0) {
        const name = spoolFileName(id, records);
        await writeSpoolFile(this.options.spoolDir, name, records);
        pass.files.push(name);
        pass.records += records.length;
        onFile?.(name, records.length);
      }
      // Only now, with the file in place, do the checkpoint and the keys written move on.
      await inTransaction(this.database, async (tx) => {
        const seen = records.map((record) => ({
          key: record.sourceId,
          startedAt: Date.parse(record.startedAt),
        }));
        if (seen.length > 0) await tx.recorderSeen.add(id, seen);
        await tx.checkpoints.set(id, encodePosition(next));
      });
      position = next;
      pass.position = encodePosition(next) || null;
      pass.openSessions = next.open.length;
    };

    if (position.open.length > 0) {
      const check = await this.source.checkOpen(position.open);
      pass.warnings.push(...check.warnings);
      if (check.gone.length > 0) {
        pass.warnings.push(
          `${check.gone.length} sessions in progress disappeared from ${this.source.description} before they ended: ${check.gone.slice(0, 5).join(', ')}`,
        );
      }
      if (check.stillOpen.length !== position.open.length)
        await settle(check.records, { at: position.at, open: check.stillOpen });
    }

    if (position.at !== null) {
      const windowStart = parsePosition(position.at).timeMs - this.lookbackMs;
      const written = await repos.recorderSeen.keysSince(id, windowStart);
      const open = new Set(position.open);
      const late = (await this.source.settledKeys(windowStart, position.at)).filter(
        (key) => !written.has(key) && !open.has(key),
      );
      for (let start = 0; start < late.length; start += this.batchSize) {
        const check = await this.source.checkOpen(late.slice(start, start + this.batchSize));
        pass.warnings.push(...check.warnings);
        pass.late += check.records.length;
        await settle(check.records, position);
      }
    }

    for (;;) {
      const batch = await this.source.read(position.at, this.batchSize);
      pass.skipped += batch.skipped;
      pass.warnings.push(...batch.warnings);
      if (batch.last === null) break;
      await settle(batch.records, { at: batch.last, open: [...position.open, ...batch.open] });
      if (!batch.more) break;
    }

    if (position.at !== null) {
      // Keys older than the look-back are never compared again.
      await repos.recorderSeen.forgetBefore(id, parsePosition(position.at).timeMs - this.lookbackMs - HOUR);
    }
    return pass;
  }

  /** Warnings when the checkpoint is near or past the point where the PBX deletes records. */
  private async purgeWarnings(at: string | null): Promise<string[]> {
    const horizon = await this.source.purgeHorizon(this.now());
    if (!horizon || at === null) return [];
    const recordedUpTo = parsePosition(at).timeMs;
    const margin = (this.options.purgeMarginDays ?? 7) * DAY;
    if (recordedUpTo >= horizon.oldestKeptMs + margin) return [];
    const oldest = await this.source.oldestPosition();
    const lost =
      oldest !== null && recordedUpTo < horizon.oldestKeptMs && parsePosition(oldest).timeMs > recordedUpTo;
    const days = Math.max(0, Math.floor((recordedUpTo - horizon.oldestKeptMs) / DAY));
    return [
      lost
        ? `the recorder is behind the purge horizon of ${this.source.description}: it has recorded up to ${at}, but sessions older than ${horizon.keepDays} days are deleted and the oldest left is ${oldest}; calls in between are lost`
        : `the recorder is falling behind the purge horizon of ${this.source.description}: it has recorded up to ${at}; sessions older than ${horizon.keepDays} days are deleted, so it has ${days} days left to catch up`,
    ];
  }
}
