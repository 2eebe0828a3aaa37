import { drawNumber, NUMBER_PATTERNS, type DialledKind, type NumberPattern } from './number-patterns.js';
import { SeededRandom, WeightedPicker } from './seeded-random.js';

/** What the pool needs of a site. */
export interface PoolSite {
  code: string;
  dialPlan: { country: string };
  /** The site's own DID block: never dialled as an outside number. */
  didPrefix: string;
}

/** How many regular contacts a site has per kind, and how often a call goes to someone new. */
const REGULARS: Readonly<Record<DialledKind, { count: number; oneOff: number }>> = {
  local: { count: 110, oneOff: 0.3 },
  national: { count: 110, oneOff: 0.3 },
  mobile: { count: 170, oneOff: 0.3 },
  international: { count: 90, oneOff: 0.35 },
  tollfree: { count: 12, oneOff: 0.15 },
  premium: { count: 5, oneOff: 0.3 },
};

/** Who calls a site from outside: mostly customers' and suppliers' mobiles and offices. */
const CALLER_KINDS = new WeightedPicker<DialledKind>(
  ['mobile', 'local', 'national', 'international'],
  [0.45, 0.22, 0.23, 0.1],
);

/**
 * The outside numbers of one site: a few hundred regular customers and suppliers per kind, called
 * again and again with Zipf-like frequency (a handful of numbers get most calls), plus one-off
 * numbers. Regulars come from the seed alone, so every hour of traffic shares the same contacts.
 */
export class DestinationPool {
  private readonly regulars = new Map<DialledKind, WeightedPicker<string>>();
  private readonly patterns = new Map<DialledKind, WeightedPicker<NumberPattern>>();
  private readonly reject: (e164: string) => boolean;

  constructor(site: PoolSite, seed: number | string) {
    const byKind = NUMBER_PATTERNS[site.dialPlan.country];
    if (!byKind) throw new Error(`the demo has no number patterns for ${site.dialPlan.country}`);
    this.reject = (e164) => e164.startsWith(site.didPrefix);
    const random = new SeededRandom('regulars', site.code, seed);
    for (const kind of Object.keys(REGULARS) as DialledKind[]) {
      const list = byKind[kind];
      const picker = new WeightedPicker(
        list,
        list.map((pattern) => pattern.weight),
      );
      this.patterns.set(kind, picker);
      const numbers = new Set<string>();
      while (numbers.size < REGULARS[kind].count)
        numbers.add(drawNumber(picker.pick(random), random, this.reject));
      this.regulars.set(kind, WeightedPicker.zipf([...numbers], 0.9));
    }
  }

  /** A number of `kind` someone at the site dials now: usually a regular, sometimes someone new. */
  dial(kind: DialledKind, random: SeededRandom): string {
    if (random.chance(REGULARS[kind].oneOff)) return this.oneOff(kind, random);
    return (this.regulars.get(kind) as WeightedPicker<string>).pick(random);
  }

  /** The caller id of someone calling the site from outside. */
  caller(random: SeededRandom): string {
    return this.dial(CALLER_KINDS.pick(random), random);
  }

  /** A fresh number of `kind`, most likely never dialled before. */
  oneOff(kind: DialledKind, random: SeededRandom): string {
    const pattern = (this.patterns.get(kind) as WeightedPicker<NumberPattern>).pick(random);
    return drawNumber(pattern, random, this.reject);
  }
}
