import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLedgerline } from './test-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ledgerline demo --no-serve', () => {
  it('builds the company and its calls, mines them, prints a summary; a second run reuses the data', async () => {
    const data = join(dir, 'data');
    const first = await runLedgerline(['demo', '--no-serve', '--days', '3', '--data', data]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const lines = first.out.split('\n');
    expect(lines[0]).toBe('Contoso Trading: 2 sites, 293 people, 1 anonymous phone');
    const calls = Number(/^([\d,]+) calls from/.exec(lines[1] ?? '')?.[1]?.replaceAll(',', ''));
    expect(calls).toBeGreaterThan(1_000);
    // The old PBX's export it imports has two bad lines; service short codes have no rate yet.
    expect(lines[1]).toMatch(/ \d+ unrated, .*; 2 rejected lines$/);
    expect(first.log).toContain("imported the old PBX's last week");
    expect(lines[2]).toMatch(/^cost: €[\d,.]+ \([\d,]+ calls\), £[\d,.]+ \([\d,]+ calls\)$/);
    expect(readdirSync(data).sort()).toEqual(
      expect.arrayContaining(['demo.json', 'import', 'lcscdr.db', 'ledgerline.db', 'spool']),
    );
    expect(readdirSync(data)).not.toContain('ledgerline.lock');
    expect(first.log).toContain('generating 3 days of phone traffic');
    // Off a terminal, the catch-up's bars are log lines: days written, calls recorded.
    expect(first.log).toContain('"total":3,"unit":"days","msg":"writing LcsCDR sessions: started"');
    expect(first.log).toMatch(/"unit":"calls","msg":"recording calls: finished"/);

    const second = await runLedgerline(['demo', '--no-serve', '--data', data]);
    expect(second.code).toBe(0);
    expect(second.log).not.toContain('generating');
    expect(second.log).not.toContain('setting up');
    const again = Number(
      /^([\d,]+) calls from/.exec(second.out.split('\n')[1] ?? '')?.[1]?.replaceAll(',', ''),
    );
    expect(again).toBeGreaterThanOrEqual(calls);
  }, 120_000);
});
