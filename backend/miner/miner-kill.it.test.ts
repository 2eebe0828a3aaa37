import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/migrate.js';
import { SpoolMiner } from './spool-miner.js';
import { setUpTestCompany, testRecord } from './test-company.js';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ledgerline-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FILES = ['sfb-000001.ndjson', 'sfb-000002.ndjson', 'sfb-000003.ndjson'];
const SIZES = [500, 150_000, 500];

/** Spool files with varied calls, unknown extensions (anonymous users) and a few bad lines. */
function writeSpool(dir: string): void {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  FILES.forEach((file, index) => {
    const lines: string[] = [];
    for (let i = 0; i < (SIZES[index] as number); i++, n++) {
      if (n % 997 === 0) {
        lines.push(`{"v":1,"broken line ${n}"`);
        continue;
      }
      const start = Date.UTC(2026, 1, 2) + n * 7_000;
      const duration = n % 600;
      lines.push(
        JSON.stringify(
          testRecord({
            sourceId: `k#${n % 140_000}`, // the last files repeat some ids: duplicates
            startedAt: new Date(start).toISOString(),
            answeredAt: new Date(start + 4_000).toISOString(),
            endedAt: new Date(start + 4_000 + duration * 1000).toISOString(),
            durationSec: duration,
            caller:
              n % 50 === 0
                ? { uri: null, number: String(2100 + (n % 37)) }
                : { uri: 'sip:anna.rossi@contoso.com', number: null },
            callee: {
              uri: null,
              number:
                n % 3 === 0
                  ? `0333${String(1_000_000 + (n % 5_000))}`
                  : `002${String(10_000_000 + (n % 20_000))}`,
            },
          }),
        ),
      );
    }
    writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
  });
}

async function freshDatabase(path: string): Promise<Database> {
  const database = connect(`sqlite:${path}`);
  await migrateToLatest(database);
  await setUpTestCompany(database);
  return database;
}

/** Everything mining wrote, without what differs between any two runs (row ids of calls, clock times). */
async function dump(
  database: Database,
): Promise<Record<'calls' | 'rollups' | 'files' | 'rejects' | 'users' | 'numbers', unknown[]>> {
  const query = (text: string) =>
    sql
      .raw<Record<string, unknown>>(text)
      .execute(database.kysely)
      .then((result) => result.rows);
  return {
    calls: await query(
      `select c.*, f.name as file from calls c left join spool_files f on f.id = c.spool_file_id order by source, source_id`,
    ).then((rows) => rows.map(({ id: _id, mined_at: _m, spool_file_id: _f, ...row }) => row)),
    rollups: await query(
      `select * from daily_rollups order by local_day, site_id, department_id, user_id, carrier_id, dest_class, dest_country, direction`,
    ),
    files: await query(
      `select name, status, lines, calls, duplicates, rejected from spool_files order by name`,
    ),
    rejects: await query(`select file, line, reason, raw from rejects order by file, line`),
    users: await query(
      `select id, upn, display_name, sip_uri, department_id, site_id, anonymous from users order by id`,
    ),
    numbers: await query(`select user_id, site_id, kind, number from user_numbers order by site_id, number`),
  };
}

function runMiner(db: string, spool: string) {
  return spawn(
    process.execPath,
    [join(root, 'bin/ledgerline.js'), 'mine', '--once', '--db', `sqlite:${db}`, '--spool', spool],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
}

describe('the miner killed with SIGKILL in the middle of a file', () => {
  beforeAll(() => {
    // The test runs the real command, so it needs the compiled program as it is now.
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
      { stdio: 'inherit' },
    );
  }, 120_000);

  it('restarts and ends with the same database as a clean run', async () => {
    // Clean run, in process.
    const cleanSpool = join(work, 'clean-spool');
    writeSpool(cleanSpool);
    const clean = await freshDatabase(join(work, 'clean.db'));
    await new SpoolMiner(clean, cleanSpool).minePending();
    const expected = await dump(clean);
    await clean.close();
    expect(expected.files).toHaveLength(3);

    // Killed run: wait until the big file is being mined, kill, check nothing of it is there, restart.
    const spool = join(work, 'spool');
    writeSpool(spool);
    const dbPath = join(work, 'killed.db');
    await (await freshDatabase(dbPath)).close();
    const child = runMiner(dbPath, spool);
    let log = '';
    await new Promise<void>((done, fail) => {
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        // Kill on the first progress report of the big file: it is mid-way, its transaction open.
        if (/"msg":"mining sfb-000002\.ndjson: [1-9]\d*%"/.test(log) && child.exitCode === null) {
          child.kill('SIGKILL');
        }
      });
      child.on('exit', (_code, signal) =>
        signal === 'SIGKILL' ? done() : fail(new Error(`miner was not killed: ${log}`)),
      );
    });

    const killed = connect(`sqlite:${dbPath}`);
    const partial = await dump(killed);
    await killed.close();
    expect(partial.files).toEqual([expected.files[0]]);
    expect(readdirSync(spool).filter((name) => name.endsWith('.ndjson'))).toEqual(FILES.slice(1));

    const restarted = runMiner(dbPath, spool);
    const code = await new Promise<number | null>((done) => restarted.on('exit', done));
    expect(code).toBe(0);
    const finished = connect(`sqlite:${dbPath}`);
    const actual = await dump(finished);
    await finished.close();
    expect(actual).toEqual(expected);
  }, 180_000);
});
