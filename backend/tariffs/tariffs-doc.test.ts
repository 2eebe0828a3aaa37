import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTariffFile, serializeTariffFile } from './tariff-file.js';

/** docs/tariffs.md: administrators copy its examples, so they must stay valid. */
const doc = readFileSync(new URL('../../docs/tariffs.md', import.meta.url), 'utf8');

/** The code block right after `<!-- checked: name -->`. */
function example(name: string): string {
  const match = new RegExp(`<!-- checked: ${name} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (!match?.[1]) throw new Error(`docs/tariffs.md has no example "${name}"`);
  return match[1];
}

describe('docs/tariffs.md', () => {
  it('has a complete example that loads and exports to the same plan', () => {
    const tariff = parseTariffFile(example('tariff-file'));
    expect(tariff.plan.activeFrom).toBe(Date.UTC(2025, 11, 31, 23));
    expect(tariff.plan.rates).toHaveLength(8);
    expect(tariff.plan.rates[2]?.prefix).toBe('41');
    expect(parseTariffFile(serializeTariffFile(tariff, { timeZone: 'Europe/Rome' }))).toStrictEqual(tariff);
  });

  it('has a rate deck example that loads with its tariff file', () => {
    const deck = example('rate-deck');
    const { plan } = parseTariffFile(example('deck-tariff-file'), {
      readDeck: (file) => (file === 'listino-2026.csv' ? deck : ''),
    });
    expect(plan.rates.map((rate) => rate.prefix ?? rate.destClass)).toEqual([
      '39',
      '393',
      '41',
      '44',
      'tollfree',
      'premium',
    ]);
    expect(plan.rates[0]).toMatchObject({
      label: 'Italia - rete fissa',
      connectFee: 20_000,
      bandIntervals: {
        offpeak: [{ fromSec: 0, incrementSec: 30, pricePerMinute: 8_000 }, expect.anything()],
      },
    });
    expect(plan.rates[3]?.label).toBe('Regno Unito; fisso e mobile');
  });
});
