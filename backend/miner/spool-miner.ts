import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../db/database.js';
import { MiningTablesBuilder } from './mining-tables.js';
import { archiveSpoolFile, pendingSpoolFiles } from './spool-folder.js';
import { mineSpoolFile, type MiningProgress, type SpoolFileOutcome } from './spool-file-miner.js';

/** What one mining pass did, file by file. */
export interface MiningPass {
  files: ({ name: string } & SpoolFileOutcome)[];
}

/** Callbacks a mining pass reports to (logs, progress bars). */
export interface MiningObserver {
  fileStarted?(name: string, bytes: number): void;
  progress?(name: string, progress: MiningProgress): void;
  fileDone?(name: string, outcome: SpoolFileOutcome): void;
}

/**
 * Mines every spool file waiting in a folder, oldest first, each in its own transaction, then
 * moves it to `done/`. A file already recorded as done (the process stopped between the commit
 * and the move) is only moved.
 */
export class SpoolMiner {
  private readonly loader = new MiningTablesBuilder();

  constructor(
    private readonly database: Database,
    private readonly spoolDir: string,
  ) {}

  /** Mines what is waiting now. */
  async minePending(observer: MiningObserver = {}): Promise<MiningPass> {
    const pass: MiningPass = { files: [] };
    for (const name of await pendingSpoolFiles(this.spoolDir)) {
      const path = join(this.spoolDir, name);
      observer.fileStarted?.(name, (await stat(path)).size);
      const outcome = await mineSpoolFile(this.database, this.loader, {
        path,
        name,
        onProgress: (progress) => observer.progress?.(name, progress),
      });
      await archiveSpoolFile(this.spoolDir, name);
      observer.fileDone?.(name, outcome);
      pass.files.push({ name, ...outcome });
    }
    return pass;
  }
}
