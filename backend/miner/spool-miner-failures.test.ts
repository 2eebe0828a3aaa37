import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { repositoriesFor } from '../db/repositories.js';
import { SpoolMiner } from './spool-miner.js';
import { setUpTestCompany, testRecord } from './test-company.js';

describe('a spool file that cannot be mined', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-failures-'));
  const spool = join(dir, 'spool');
  let database: Database;

  beforeAll(async () => {
    database = connect(`sqlite:${join(dir, 'billing.db')}`);
    await migrateToLatest(database);
    await setUpTestCompany(database);
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not hold back the files after it, and is set aside after three failures', async () => {
    // A folder where a spool file should be cannot be read: the file fails, the next one mines.
    mkdirSync(join(spool, 'sfb-1.ndjson'), { recursive: true });
    const miner = new SpoolMiner(database, spool);
    for (let pass = 2; pass <= 4; pass++) {
      writeFileSync(join(spool, `sfb-${pass}.ndjson`), `${JSON.stringify(testRecord())}\n`);
      const result = await miner.minePending();
      expect(result.failed.map((failure) => failure.name)).toEqual(['sfb-1.ndjson']);
      expect(result.files.map((file) => file.name)).toEqual([`sfb-${pass}.ndjson`]);
      expect(result.quarantined).toEqual(pass === 4 ? ['sfb-1.ndjson'] : []);
    }
    expect(readdirSync(join(spool, 'failed')).sort()).toEqual(['sfb-1.ndjson', 'sfb-1.ndjson.reason.txt']);
    expect(readFileSync(join(spool, 'failed', 'sfb-1.ndjson.reason.txt'), 'utf8')).toContain(
      'after 3 attempts: Error: EISDIR',
    );
    expect(existsSync(join(spool, 'sfb-1.ndjson'))).toBe(false);
    expect(
      (await repositoriesFor(database.kysely, database).calls.totals({ kind: 'all' }, 0, 99999999)).calls,
    ).toBe(3);
  });

  it('keeps a file whose calls are stored but which cannot be moved to done/, and stores it once', async () => {
    // done/ holds a folder of the file's name: the commit succeeds, the move after it fails.
    mkdirSync(join(spool, 'done', 'sfb-8.ndjson', 'in-the-way'), { recursive: true });
    const repos = repositoriesFor(database.kysely, database);
    const before = (await repos.calls.totals({ kind: 'all' }, 0, 99999999)).calls;
    writeFileSync(join(spool, 'sfb-8.ndjson'), `${JSON.stringify(testRecord())}\n`);
    const miner = new SpoolMiner(database, spool);
    for (let pass = 1; pass <= 4; pass++) {
      // Named to come after it: a file mined after a failed one puts the blame on that one.
      writeFileSync(join(spool, `sfb-9-${pass}.ndjson`), `${JSON.stringify(testRecord())}\n`);
      const result = await miner.minePending();
      expect(result.failed.map((failure) => failure.name)).toEqual(['sfb-8.ndjson']);
      expect(result.quarantined).toEqual([]);
    }
    expect(existsSync(join(spool, 'sfb-8.ndjson'))).toBe(true);
    expect(readdirSync(join(spool, 'failed'))).not.toContain('sfb-8.ndjson');
    expect((await repos.calls.totals({ kind: 'all' }, 0, 99999999)).calls).toBe(before + 5);
    // Once the way is clear it is moved, not mined again.
    rmSync(join(spool, 'done', 'sfb-8.ndjson'), { recursive: true });
    const result = await miner.minePending();
    expect(result.files).toEqual([expect.objectContaining({ name: 'sfb-8.ndjson', skipped: true })]);
    expect(existsSync(join(spool, 'done', 'sfb-8.ndjson'))).toBe(true);
    expect((await repos.calls.totals({ kind: 'all' }, 0, 99999999)).calls).toBe(before + 5);
  });

  it('stops the pass without blaming a file when two in a row fail', async () => {
    mkdirSync(join(spool, 'sfb-5.ndjson'));
    mkdirSync(join(spool, 'sfb-6.ndjson'));
    writeFileSync(join(spool, 'sfb-7.ndjson'), `${JSON.stringify(testRecord())}\n`);
    const miner = new SpoolMiner(database, spool);
    for (let pass = 0; pass < 4; pass++) await expect(miner.minePending()).rejects.toThrow('EISDIR');
    expect(existsSync(join(spool, 'sfb-5.ndjson'))).toBe(true);
    expect(readdirSync(join(spool, 'failed'))).not.toContain('sfb-5.ndjson');
  });
});
