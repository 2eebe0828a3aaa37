import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedgerline } from './test-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-alarms-'));
const db = `sqlite:${join(dir, 'billing.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await runLedgerline(['migrate', '--db', db]);
});

describe('ledgerline alarms', () => {
  it('adds a rule from a file, lists, turns it off and on, and evaluates the timed rules', async () => {
    writeFileSync(
      join(dir, 'rule.json'),
      JSON.stringify({
        name: 'Unrated calls',
        kind: 'health',
        definition: { check: 'unrated_calls', sinceHours: 24 },
        recipients: { toAdmins: true },
      }),
    );
    const added = await runLedgerline(['alarms', 'add-rule', '--file', join(dir, 'rule.json'), '--db', db]);
    expect(added.out).toBe('added alarm rule 1 (health): Unrated calls');
    expect((await runLedgerline(['alarms', 'rules', '--db', db])).out).toMatch(
      /^1\ton \thealth\tUnrated calls\t/,
    );
    expect((await runLedgerline(['alarms', 'disable', '1', '--db', db])).out).toBe(
      'alarm rule 1 (Unrated calls) is off',
    );
    expect((await runLedgerline(['alarms', 'evaluate', '--db', db])).out).toBe(
      'evaluated 0 rules: 0 alarms raised, 0 resolved',
    );
    await runLedgerline(['alarms', 'enable', '#1', '--db', db]);
    expect((await runLedgerline(['alarms', 'evaluate', '--db', db])).out).toBe(
      'evaluated 1 rules: 0 alarms raised, 0 resolved',
    );
    expect((await runLedgerline(['alarms', 'list', '--status', 'all', '--db', db])).out).toBe('no alarms');
  });

  it('says what is wrong with a rule file, and with an alarm that is not there', async () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ name: 'x', kind: 'budget', definition: { period: 'year' } }),
    );
    const bad = await runLedgerline(['alarms', 'add-rule', '--file', join(dir, 'bad.json'), '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('the budget alarm rule is not valid');
    expect(bad.err).toMatch(/definition\.period: /);
    const missing = await runLedgerline(['alarms', 'ack', '42', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('there is no alarm 42');
    expect((await runLedgerline(['alarms', 'list', '--status', 'closed', '--db', db])).code).toBe(2);
  });
});
