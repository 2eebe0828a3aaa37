import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedgerline } from './test-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ledgerline-tariffs-'));
const db = `sqlite:${join(dir, 'billing.db')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  await runLedgerline(['migrate', '--db', db]);
});

const plan = (rates: string) => `version: 1
carrier: { code: telco, name: Telco }
name: Base
currency: EUR
activeFrom: 2026-01-01
rounding: { decimals: 2, method: half-up }
rates:
${rates}`;

describe('ledgerline tariffs', () => {
  it('refuses a bad file with every problem and its line, and imports nothing', async () => {
    writeFileSync(
      join(dir, 'bad.yaml'),
      plan(`  - { prefix: '39', pricePerMinute: 0.1234567, increments: 60/60 }
  - { prefix: '44', pricePerMinute: 0.05, increments: fast }
`),
    );
    const run = await runLedgerline(['tariffs', 'import', join(dir, 'bad.yaml'), '--db', db]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('nothing was imported: 2 problems');
    expect(run.err).toMatch(/bad\.yaml line 8.*rates\[0\]\.pricePerMinute.*0\.1234567/);
    expect(run.err).toMatch(/bad\.yaml line 9.*rates\[1\]\.increments/);
    expect((await runLedgerline(['tariffs', 'list', '--db', db])).out).toContain('no tariff plans yet');
  });

  it('imports a file with a deck beside it, lists it, and exports it to a file', async () => {
    writeFileSync(join(dir, 'deck.csv'), 'prefix,label,price\n39,Italy,0.02\n44,UK,0.05\n');
    writeFileSync(
      join(dir, 'good.yaml'),
      plan(`  - { destClass: premium, pricePerMinute: 1, increments: 1/1 }
rateDeck: { file: deck.csv, columns: { prefix: prefix, label: label, pricePerMinute: price }, increments: 60/60 }
`),
    );
    const imported = await runLedgerline(['tariffs', 'import', join(dir, 'good.yaml'), '--db', db]);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('imported telco "Base" (3 rates, active from 2026-01-01T00:00:00.000Z)');
    expect((await runLedgerline(['tariffs', 'list', '--db', db])).out).toBe(
      'telco\t2026-01-01\tEUR\t3 rates\tBase',
    );

    const exported = await runLedgerline([
      'tariffs',
      'export',
      '--carrier',
      'telco',
      '--at',
      '2026-03-01',
      '--out',
      join(dir, 'out.yaml'),
      '--db',
      db,
    ]);
    expect(exported.code).toBe(0);
    const text = readFileSync(join(dir, 'out.yaml'), 'utf8');
    expect(text).toContain("prefix: '44'");
    expect((await runLedgerline(['tariffs', 'import', join(dir, 'out.yaml'), '--db', db])).code).toBe(0);
  });

  it('explains a bad --at and an unknown carrier', async () => {
    expect(
      (await runLedgerline(['tariffs', 'export', '--carrier', 'telco', '--at', 'yesterday-ish', '--db', db]))
        .err,
    ).toContain('--at: "yesterday-ish" is not a date');
    const unknown = await runLedgerline(['tariffs', 'export', '--carrier', 'acme', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('no carrier "acme"');
    expect(unknown.err).toContain('carriers: telco');
  });
});
