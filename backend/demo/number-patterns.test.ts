import { describe, expect, it } from 'vitest';
import { NumberClassifier } from '../miner/number-classifier.js';
import { DEMO_COMPANY } from './demo-company.js';
import { DestinationPool } from './destination-pool.js';
import { DIALLED_KINDS, drawNumber, fitsPattern, NUMBER_PATTERNS } from './number-patterns.js';
import { SeededRandom } from './seeded-random.js';

const classifier = new NumberClassifier(
  new Map(DEMO_COMPANY.sites.map((site) => [site.code, site.dialPlan])),
);

describe('number patterns', () => {
  it('draw valid numbers of their country and type, which the miner classifies as intended', () => {
    const random = new SeededRandom('patterns test');
    for (const site of DEMO_COMPANY.sites) {
      const byKind = NUMBER_PATTERNS[site.dialPlan.country]!;
      for (const kind of DIALLED_KINDS) {
        for (const pattern of byKind[kind]) {
          for (let i = 0; i < 20; i++) {
            const number = drawNumber(pattern, random);
            expect(fitsPattern(number, pattern), number).toBe(true);
            const classified = classifier.classify(site.code, number);
            // The kinds are named after the destination classes the miner must give them.
            expect(classified.destClass, `${number} from ${site.code}`).toBe(kind);
            if (kind === 'international') expect(classified.country).toBe(pattern.country);
          }
        }
      }
    }
  });

  it('never give a site its own direct numbers as outside numbers', () => {
    for (const site of DEMO_COMPANY.sites) {
      const pool = new DestinationPool(site, 'pool test');
      const random = new SeededRandom('pool draws');
      for (let i = 0; i < 2000; i++)
        expect(pool.dial('local', random).startsWith(site.didPrefix)).toBe(false);
    }
  });

  it('reuse regular numbers with Zipf-like frequency, plus one-offs', () => {
    const pool = new DestinationPool(DEMO_COMPANY.sites[0]!, 'pool test');
    const random = new SeededRandom('zipf');
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const number = pool.dial('mobile', random);
      counts.set(number, (counts.get(number) ?? 0) + 1);
    }
    const sorted = [...counts.values()].sort((a, b) => b - a);
    // The most called number gets far more calls than the tenth, and many numbers are called once.
    expect(sorted[0]!).toBeGreaterThan(3 * sorted[9]!);
    expect(sorted.filter((count) => count === 1).length).toBeGreaterThan(2000);
    expect(sorted.length).toBeLessThan(4000);
  });
});
