import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
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
const SIZES = [500, 50_000, 500];

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
            sourceId: `k#${n % 50_000}`, // the last files repeat some ids: duplicates
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

/** A fresh, empty billing database on one engine, named by the URL the command is given. */
interface Target {
  url: string;
  drop(): Promise<void>;
}

type EngineTargets = { name: string; target(label: string): Promise<Target> };

function engines(): EngineTargets[] {
  const list: EngineTargets[] = [
    {
      name: 'sqlite',
      target: async (label) => ({ url: `sqlite:${join(work, `${label}.db`)}`, drop: async () => {} }),
    },
  ];
  const pgUrl = process.env.TEST_PG_URL;
  if (pgUrl) {
    list.push({
      name: 'postgres',
      async target() {
        // A schema of its own, named in the URL so the command line works in it too.
        const schema = `t_kill_${randomBytes(5).toString('hex')}`;
        const run = async (text: string) => {
          const client = new pg.Client({ connectionString: pgUrl });
          await client.connect();
          await client.query(text);
          await client.end();
        };
        await run(`create schema ${schema}`);
        const url = new URL(pgUrl);
        url.searchParams.set('options', `-c search_path=${schema}`);
        return { url: url.toString(), drop: () => run(`drop schema ${schema} cascade`) };
      },
    });
  }
  return list;
}

async function freshDatabase(url: string): Promise<Database> {
  const database = connect(url);
  await migrateToLatest(database);
  await setUpTestCompany(database);
  return database;
}

/**
 * Everything mining wrote, without what differs between any two runs: row ids (an engine may
 * spend ids in a transaction it rolls back, so users and departments are named by what they are)
 * and clock times.
 */
async function dump(
  database: Database,
): Promise<Record<'calls' | 'rollups' | 'files' | 'rejects' | 'users' | 'numbers', unknown[]>> {
  const query = (text: string) =>
    sql
      .raw<Record<string, unknown>>(text)
      .execute(database.kysely)
      .then((result) => result.rows);
  const users = await query(
    `select u.id, u.upn, u.display_name, u.sip_uri, d.code as department, u.site_id, u.anonymous from users u left join departments d on d.id = u.department_id`,
  );
  const departments = await query(`select id, code from departments`);
  const userName = new Map(
    users.map((user) => [Number(user.id), `${String(user.display_name)}|${String(user.sip_uri)}`]),
  );
  const departmentCode = new Map(departments.map((row) => [Number(row.id), String(row.code)]));
  const named = (row: Record<string, unknown>) => {
    const result: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(row)) {
      if (column === 'user_id')
        result.user = value === null ? null : (userName.get(Number(value)) ?? 'nobody');
      else if (column === 'department_id')
        result.department = value === null ? null : (departmentCode.get(Number(value)) ?? 'none');
      // Engines return numbers, bigints and numeric sums each their own way: compare as text.
      else result[column] = value === null ? null : String(value);
    }
    return result;
  };
  const byText = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
  return {
    calls: await query(
      `select c.*, f.name as file from calls c left join spool_files f on f.id = c.spool_file_id order by source, source_id`,
    ).then((rows) => rows.map(({ id: _id, mined_at: _m, spool_file_id: _f, ...row }) => named(row))),
    rollups: (await query(`select * from daily_rollups`)).map(named).sort(byText),
    files: await query(
      `select name, status, lines, calls, duplicates, rejected from spool_files order by name`,
    ).then((rows) => rows.map(named)),
    rejects: await query(`select file, line, reason, raw from rejects order by file, line`).then((rows) =>
      rows.map(named),
    ),
    users: users.map(({ id: _id, ...user }) => named(user)).sort(byText),
    numbers: (await query(`select user_id, site_id, kind, number from user_numbers`)).map(named).sort(byText),
  };
}

function runMiner(url: string, spool: string) {
  return spawn(
    process.execPath,
    [join(root, 'bin/ledgerline.js'), 'mine', '--once', '--db', url, '--spool', spool],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/** Runs the miner and kills it with SIGKILL once it reports `percent`% or more of the big file. */
async function killMinerAt(url: string, spool: string, percent: number): Promise<void> {
  const child = runMiner(url, spool);
  let log = '';
  await new Promise<void>((done, fail) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const reached = [...log.matchAll(/"msg":"mining sfb-000002\.ndjson: (\d+)%"/g)].some(
        (match) => Number(match[1]) >= percent,
      );
      // The file's transaction is open: it is mid-way.
      if (reached && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? done() : fail(new Error(`miner was not killed: ${log}`)),
    );
  });
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

  it.each(engines())(
    'restarts and ends with the same database as a clean run, on $name',
    async (engine) => {
      // Clean run, in process.
      const cleanSpool = join(work, `${engine.name}-clean-spool`);
      writeSpool(cleanSpool);
      const cleanTarget = await engine.target('clean');
      const clean = await freshDatabase(cleanTarget.url);
      await new SpoolMiner(clean, cleanSpool).minePending();
      const expected = await dump(clean);
      await clean.close();
      await cleanTarget.drop();
      expect(expected.files).toHaveLength(3);

      // Killed twice in the big file (early, then past half way), each time leaving nothing of it.
      const spool = join(work, `${engine.name}-spool`);
      writeSpool(spool);
      const target = await engine.target('killed');
      await (await freshDatabase(target.url)).close();
      for (const percent of [1, 50]) {
        await killMinerAt(target.url, spool, percent);
        const killed = connect(target.url);
        const partial = await dump(killed);
        await killed.close();
        expect(partial.files).toEqual([expected.files[0]]);
        expect(partial.calls).toEqual(
          expected.calls.filter((call) => (call as { file: string }).file === FILES[0]),
        );
        expect(readdirSync(spool).filter((name) => name.endsWith('.ndjson'))).toEqual(FILES.slice(1));
      }

      const restarted = runMiner(target.url, spool);
      const code = await new Promise<number | null>((done) => restarted.on('exit', done));
      expect(code).toBe(0);
      const finished = connect(target.url);
      const actual = await dump(finished);
      await finished.close();
      await target.drop();
      expect(actual).toEqual(expected);
    },
    240_000,
  );
});
