import type { CheckpointRepository } from '../db/checkpoint.repository.js';
import type { CallRecord } from '../domain/call-record.js';
import type { CdrSource } from './cdr-source.js';
import { decodePosition, encodePosition, type RecorderPosition } from './recorder-position.js';
import { spoolFileName, writeSpoolFile } from './spool-writer.js';

/** How the recorder works. */
export interface RecorderOptions {
  spoolDir: string;
  /** Sessions read per query and written per spool file. */
  batchSize?: number;
  /** Warn when the checkpoint is within this many days of the purge horizon. */
  purgeMarginDays?: number;
  now?: () => number;
}

/** What one recording pass did. */
export interface RecordingPass {
  files: string[];
  records: number;
  skipped: number;
  /** The checkpoint after the pass. */
  position: string | null;
  /** Sessions in progress, to be read again next time. */
  openSessions: number;
  warnings: string[];
}

const DAY = 86_400_000;

/**
 * Moves finished calls from a source to spool files. Each file is written and in place before the
 * checkpoint moves past its calls, and the checkpoint is durable, so a restart resumes exactly
 * where the last file ended; at worst a file is written twice under the same name. Sessions in
 * progress do not hold the others back: their keys stay in the checkpoint and are read again each
 * pass until they end.
 */
export class Recorder {
  private readonly batchSize: number;
  private readonly now: () => number;

  constructor(
    private readonly source: CdrSource,
    private readonly checkpoints: CheckpointRepository,
    private readonly options: RecorderOptions,
  ) {
    this.batchSize = options.batchSize ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** Records everything settled since the checkpoint. */
  async recordAvailable(onFile?: (name: string, records: number) => void): Promise<RecordingPass> {
    let position = decodePosition(await this.checkpoints.get(this.source.id));
    const pass: RecordingPass = {
      files: [],
      records: 0,
      skipped: 0,
      position: encodePosition(position) || null,
      openSessions: position.open.length,
      warnings: await this.purgeWarnings(position.at),
    };
    const settle = async (records: CallRecord[], next: RecorderPosition) => {
      if (records.length > 0) {
        const name = spoolFileName(this.source.id, records);
        await writeSpoolFile(this.options.spoolDir, name, records);
        pass.files.push(name);
        pass.records += records.length;
        onFile?.(name, records.length);
      }
      // Only now, with the file in place, does the checkpoint move past its calls.
      await this.checkpoints.set(this.source.id, encodePosition(next));
      position = next;
      pass.position = encodePosition(next) || null;
      pass.openSessions = next.open.length;
    };

    if (position.open.length > 0) {
      const check = await this.source.checkOpen(position.open);
      pass.warnings.push(...check.warnings);
      if (check.stillOpen.length !== position.open.length)
        await settle(check.records, { at: position.at, open: check.stillOpen });
    }
    for (;;) {
      const batch = await this.source.read(position.at, this.batchSize);
      pass.skipped += batch.skipped;
      pass.warnings.push(...batch.warnings);
      if (batch.last === null) break;
      await settle(batch.records, { at: batch.last, open: [...position.open, ...batch.open] });
      if (!batch.more) break;
    }
    return pass;
  }

  /** Warnings when the checkpoint is near or past the point where the PBX deletes records. */
  private async purgeWarnings(position: string | null): Promise<string[]> {
    const horizon = await this.source.purgeHorizon(this.now());
    if (!horizon || position === null) return [];
    const recordedUpTo = Date.parse(position.split('#')[0] ?? '');
    const margin = (this.options.purgeMarginDays ?? 7) * DAY;
    if (recordedUpTo >= horizon.oldestKeptMs + margin) return [];
    const oldest = await this.source.oldestPosition();
    const lost = oldest !== null && recordedUpTo < horizon.oldestKeptMs && oldest > position;
    const days = Math.max(0, Math.floor((recordedUpTo - horizon.oldestKeptMs) / DAY));
    return [
      lost
        ? `the recorder is behind the purge horizon of ${this.source.description}: it has recorded up to ${position}, but sessions older than ${horizon.keepDays} days are deleted and the oldest left is ${oldest}; calls in between are lost`
        : `the recorder is falling behind the purge horizon of ${this.source.description}: it has recorded up to ${position}; sessions older than ${horizon.keepDays} days are deleted, so it has ${days} days left to catch up`,
    ];
  }
}
