import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import { MiningTablesBuilder } from './mining-tables.js';
import { archiveSpoolFile, pendingSpoolFiles, quarantineSpoolFile } from './spool-folder.js';
import { mineSpoolFile, type MiningProgress, type SpoolFileOutcome } from './spool-file-miner.js';

/** What one mining pass did, file by file. */
export interface MiningPass {
  files: ({ name: string } & SpoolFileOutcome)[];
  /** Files that failed this pass (they are tried again, up to the limit). */
  failed: { name: string; error: string }[];
  /** Files moved to `failed/` this pass. */
  quarantined: string[];
}

/** Callbacks a mining pass reports to (logs, progress bars). */
export interface MiningObserver {
  fileStarted?(name: string, bytes: number): void;
  progress?(name: string, progress: MiningProgress): void;
  fileDone?(name: string, outcome: SpoolFileOutcome): void;
  fileFailed?(name: string, error: Error, attempts: number): void;
  fileQuarantined?(name: string, error: Error): void;
}

/** Passes a file may fail, while files after it mine, before it is set aside. */
const MAX_FAILURES = 3;

/**
 * Mines every spool file waiting in a folder, oldest first, each in its own transaction, then
 * moves it to `done/`. A file already recorded as done (the process stopped between the commit
 * and the move) is only moved.
 *
 * One bad file never stops the pipeline: when a file fails but a later one mines, the bad file
 * gets a strike, and after three it is moved to `failed/` with the reason beside it. When two
 * files in a row fail, the database is the likelier cause: the pass stops, counts nothing, and
 * the next pass tries again.
 */
export class SpoolMiner {
  private readonly loader = new MiningTablesBuilder();
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly database: Database,
    private readonly spoolDir: string,
  ) {}

  /** Mines what is waiting now. */
  async minePending(observer: MiningObserver = {}): Promise<MiningPass> {
    const pass: MiningPass = { files: [], failed: [], quarantined: [] };
    let unproven: { name: string; error: Error }[] = [];
    for (const name of await pendingSpoolFiles(this.spoolDir)) {
      try {
        const outcome = await this.mineFile(name, observer);
        pass.files.push({ name, ...outcome });
      } catch (caught) {
        const error = caught instanceof Error ? caught : new Error(String(caught));
        pass.failed.push({ name, error: error.message });
        observer.fileFailed?.(name, error, (this.failures.get(name) ?? 0) + 1);
        if (unproven.length > 0) throw error;
        unproven = [{ name, error }];
        continue;
      }
      // A file mined after one that failed: that one is at fault, not the database.
      for (const failure of unproven) await this.strike(failure.name, failure.error, pass, observer);
      unproven = [];
    }
    return pass;
  }

  private async mineFile(name: string, observer: MiningObserver): Promise<SpoolFileOutcome> {
    const path = join(this.spoolDir, name);
    observer.fileStarted?.(name, (await stat(path)).size);
    const outcome = await mineSpoolFile(this.database, this.loader, {
      path,
      name,
      onProgress: (progress) => observer.progress?.(name, progress),
    });
    await archiveSpoolFile(this.spoolDir, name);
    this.failures.delete(name);
    observer.fileDone?.(name, outcome);
    return outcome;
  }

  private async strike(
    name: string,
    error: Error,
    pass: MiningPass,
    observer: MiningObserver,
  ): Promise<void> {
    const failures = (this.failures.get(name) ?? 0) + 1;
    this.failures.set(name, failures);
    if (failures < MAX_FAILURES) return;
    // Its calls are stored and only the move to done/ failed: it is not a bad file, so it stays
    // where it is, to be moved when the folder allows it.
    if (await repositoriesFor(this.database.kysely, this.database).spoolFiles.isDone(name)) return;
    await quarantineSpoolFile(
      this.spoolDir,
      name,
      `${new Date().toISOString()} after ${failures} attempts: ${error.stack ?? error.message}\n`,
    );
    this.failures.delete(name);
    pass.quarantined.push(name);
    observer.fileQuarantined?.(name, error);
  }
}
