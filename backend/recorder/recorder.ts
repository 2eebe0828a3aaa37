import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor } from '../db/repositories.js';
import type { CallRecord } from '../domain/call-record.js';
import type { CdrSource, PurgeHorizon } from './cdr-source.js';
import { parsePosition } from './drivers/lcscdr-position.js';
import { PurgeWatch } from './purge-watch.js';
import { decodePosition, encodePosition, type RecorderPosition } from './recorder-position.js';
import { removeTemporaryFiles, spoolFileName, writeSpoolFile } from './spool-writer.js';
import { unseenSessions } from './unseen-sessions.js';

/** How the recorder works. */
export interface RecorderOptions {
  spoolDir: string;
  /** Sessions read per query and written per spool file. */
  batchSize?: number;
  /**
   * How far behind its checkpoint the recorder looks on every poll for rows that arrived late
   * (LcsCDR writes a call when it ends, so a long call's row comes after shorter, later calls').
   * Longer than the longest call plus the time the PBX takes to write it. Default 24 hours.
   */
  lookbackHours?: number;
  /** Warn when a session still to record is within this many days of the purge horizon (default 7). */
  purgeMarginDays?: number;
  /** How often the records kept beyond the look-back are swept for rows that arrived even later (default 60 min). */
  sweepMinutes?: number;
  now?: () => number;
}

/**
 * Who hears of a pass as it goes: files as they are in place, warnings and notices as they are
 * found (so a pass that fails later has still told them).
 */
export interface RecordingObserver {
  file?(name: string, records: number): void;
  warning?(message: string): void;
  notice?(message: string): void;
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
  /** Sessions in progress or just ended, to be read again next time. */
  openSessions: number;
  warnings: string[];
  /** Lines for the log that are not warnings (a warning that no longer holds, for example). */
  notices: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How long `recorder_seen` is kept when the PBX does not purge. */
const KEEP_SEEN_DAYS_WITHOUT_PURGE = 60;

/**
 * Moves finished calls from a source to spool files. Each file is written and in place before the
 * checkpoint moves past its calls, and the checkpoint (with the keys of the sessions decided, kept
 * for reading back) is durable, so a restart resumes exactly where the last file ended; at worst a
 * file is written twice under the same name. Sessions not settled do not hold the others back:
 * their keys stay in the checkpoint and are read again each pass. Rows that arrive after the
 * recorder has passed their key are found by comparing counts over the look-back window on every
 * pass, and over everything the PBX still keeps every `sweepMinutes`. Keep one Recorder for a
 * running recorder: it remembers what it has said about the purge horizon.
 */
export class Recorder {
  private readonly batchSize: number;
  private readonly lookbackMs: number;
  private readonly sweepMs: number;
  private readonly now: () => number;
  private readonly purgeWatch: PurgeWatch;
  private leftoversRemoved = false;

  constructor(
    private readonly source: CdrSource,
    private readonly database: Database,
    private readonly options: RecorderOptions,
  ) {
    this.batchSize = options.batchSize ?? 5_000;
    this.lookbackMs = (options.lookbackHours ?? 24) * HOUR;
    this.sweepMs = (options.sweepMinutes ?? 60) * 60_000;
    this.now = options.now ?? Date.now;
    this.purgeWatch = new PurgeWatch(source, (options.purgeMarginDays ?? 7) * DAY);
  }

  /** Records everything settled since the checkpoint, and what arrived late behind it. */
  async recordAvailable(observer: RecordingObserver = {}): Promise<RecordingPass> {
    const repos = repositoriesFor(this.database.kysely, this.database);
    const id = this.source.id;
    const now = this.now();
    let position = decodePosition(await repos.checkpoints.get(id));
    // recorder_seen is complete from the first session on; for a checkpoint written before it was
    // kept beyond the look-back, from the look-back on.
    position.seenSince ??= position.at === null ? 0 : parsePosition(position.at).timeMs - this.lookbackMs;
    const pass: RecordingPass = {
      files: [],
      records: 0,
      late: 0,
      skipped: 0,
      position: encodePosition(position) || null,
      openSessions: position.open.length,
      warnings: [],
      notices: [],
    };
    const warn = (...messages: string[]) => {
      for (const message of messages) {
        pass.warnings.push(message);
        observer.warning?.(message);
      }
    };
    // First, so that a pass that fails later has still said it.
    const horizon = await this.source.purgeHorizon(now);
    const alerts = await this.purgeWatch.check(position, horizon, now);
    warn(...alerts.warnings);
    for (const notice of alerts.notices) {
      pass.notices.push(notice);
      observer.notice?.(notice);
    }
    if (!this.leftoversRemoved) {
      await removeTemporaryFiles(this.options.spoolDir, id);
      this.leftoversRemoved = true;
    }
    const settle = async (records: CallRecord[], skipped: string[], next: RecorderPosition) => {
      if (records.length > 0) {
        const name = spoolFileName(id, records);
        await writeSpoolFile(this.options.spoolDir, name, records);
        pass.files.push(name);
        pass.records += records.length;
        observer.file?.(name, records.length);
      }
      pass.skipped += skipped.length;
      // Only now, with the file in place, do the checkpoint and the sessions decided move on.
      await inTransaction(this.database, async (tx) => {
        const decided = [...records.map((record) => record.sourceId), ...skipped].map((key) => ({
          key,
          startedAt: parsePosition(key).timeMs,
        }));
        if (decided.length > 0) await tx.recorderSeen.add(id, decided);
        await tx.checkpoints.set(id, encodePosition(next));
      });
      position = next;
      pass.position = encodePosition(next) || null;
      pass.openSessions = next.open.length;
    };
    const recordLate = async (keys: readonly string[]) => {
      for (let start = 0; start < keys.length; start += this.batchSize) {
        const check = await this.source.checkOpen(keys.slice(start, start + this.batchSize));
        warn(...check.warnings);
        pass.late += check.records.length;
        await settle(check.records, check.skipped, {
          ...position,
          open: [...position.open, ...check.stillOpen],
        });
      }
    };

    if (position.open.length > 0) {
      const check = await this.source.checkOpen(position.open);
      warn(...check.warnings);
      if (check.gone.length > 0) {
        warn(
          `${check.gone.length} sessions in progress disappeared from ${this.source.description} before they ended: ${check.gone.slice(0, 5).join(', ')}`,
        );
      }
      if (check.stillOpen.length !== position.open.length)
        await settle(check.records, check.skipped, { ...position, open: check.stillOpen });
    }

    let keepSeenFrom = position.seenSince;
    if (position.at !== null) {
      const at = position.at;
      const windowStart = parsePosition(at).timeMs - this.lookbackMs;
      const seen = repos.recorderSeen;
      await recordLate(
        await unseenSessions(
          this.source,
          seen,
          { fromMs: windowStart, toMs: parsePosition(at).timeMs + 1, upTo: at },
          position.open,
        ),
      );
      // Beyond the look-back, back to what recorder_seen covers and the PBX surely still keeps.
      keepSeenFrom = Math.min(windowStart, Math.max(position.seenSince, this.keptFrom(horizon, now)));
      if (keepSeenFrom < windowStart && now - (position.sweptAt ?? -Infinity) >= this.sweepMs) {
        const found = await unseenSessions(
          this.source,
          seen,
          { fromMs: keepSeenFrom, toMs: windowStart, upTo: at },
          position.open,
        );
        if (found.length > 0) {
          warn(
            `${found.length} session${found.length === 1 ? '' : 's'} reached ${this.source.description} more than ${this.lookbackMs / HOUR} h after they started (the first ${found[0]}); recording them now. If this recurs, lengthen the look-back (--lookback-hours).`,
          );
          await recordLate(found);
        }
        await settle([], [], { ...position, sweptAt: now });
      }
    }

    for (;;) {
      const batch = await this.source.read(position.at, this.batchSize);
      warn(...batch.warnings);
      if (batch.last === null) break;
      await settle(batch.records, batch.skipped, {
        ...position,
        at: batch.last,
        open: [...position.open, ...batch.open],
      });
      if (!batch.more) break;
    }

    if (position.at !== null && position.seenSince !== undefined) {
      // Sessions below what is compared are never looked at again.
      await repos.recorderSeen.forgetBefore(id, keepSeenFrom - HOUR);
    }
    return pass;
  }

  /** From when the PBX surely still keeps its rows: a day inside its purge horizon. */
  private keptFrom(horizon: PurgeHorizon | null, now: number): number {
    return (horizon ? horizon.oldestKeptMs : now - KEEP_SEEN_DAYS_WITHOUT_PURGE * DAY) + DAY;
  }
}
