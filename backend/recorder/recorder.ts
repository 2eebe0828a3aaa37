import type { CheckpointRepository } from '../db/checkpoint.repository.js';
import type { CdrSource } from './cdr-source.js';
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
  position: string | null;
  waitingForOpenSession: boolean;
  warnings: string[];
}

const DAY = 86_400_000;

/**
 * Moves finished calls from a source to spool files. Each batch is written and in place before
 * the checkpoint moves past it, and the checkpoint is durable, so a restart resumes exactly where
 * the last file ended; at worst a file is written twice, and the same range gets the same name.
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
    let position = (await this.checkpoints.get(this.source.id)) ?? null;
    const pass: RecordingPass = {
      files: [],
      records: 0,
      skipped: 0,
      position,
      waitingForOpenSession: false,
      warnings: await this.purgeWarnings(position),
    };
    for (;;) {
      const batch = await this.source.read(position, this.batchSize);
      pass.skipped += batch.skipped;
      pass.warnings.push(...batch.warnings);
      pass.waitingForOpenSession = batch.waitingForOpenSession;
      if (batch.next === null) break;
      const first = batch.records[0];
      if (first) {
        const name = spoolFileName(this.source.id, first.sourceId, batch.next);
        await writeSpoolFile(this.options.spoolDir, name, batch.records);
        pass.files.push(name);
        pass.records += batch.records.length;
        onFile?.(name, batch.records.length);
      }
      await this.checkpoints.set(this.source.id, batch.next);
      position = batch.next;
      pass.position = position;
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
