/**
 * A 32-bit hash of seed parts (numbers and strings), so that every hour, site and day of the demo
 * gets its own independent random stream from one seed: what is generated for an hour does not
 * depend on which range was asked for. (cyrb53-style mixing, folded to 32 bits.)
 */
export function seedOf(...parts: readonly (number | string)[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const text = parts.map(String).join('\u0001');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/**
 * A small, fast, seedable pseudo-random generator (sfc32) with the few distributions the demo
 * traffic needs. Exists because the demo must be the same for the same seed on every machine:
 * nothing here reads Math.random or the clock.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(...seedParts: readonly (number | string)[]) {
    this.a = seedOf('a', ...seedParts);
    this.b = seedOf('b', ...seedParts);
    this.c = seedOf('c', ...seedParts);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of `items`, uniformly. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  /** A digit string of `length` digits (leading zeros allowed). */
  digits(length: number): string {
    let text = '';
    for (let i = 0; i < length; i++) text += String(this.int(10));
    return text;
  }

  /** A standard normal deviate (Box–Muller, both halves used). */
  normal(): number {
    if (this.spareNormal !== null) {
      const spare = this.spareNormal;
      this.spareNormal = null;
      return spare;
    }
    const u = 1 - this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** A log-normal value with the given median and shape (sigma of its logarithm). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A Poisson count with the given mean (normal approximation above 30). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.next(); product > limit; product *= this.next()) count++;
    return count;
  }

  /** A version 4 GUID made of this generator's bits (for made-up Entra object ids). */
  guid(): string {
    const hex = (length: number) => {
      let text = '';
      for (let i = 0; i < length; i++) text += this.int(16).toString(16);
      return text;
    };
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[this.int(4)]}${hex(3)}-${hex(12)}`;
  }
}

/**
 * Picks items with given weights in O(log n): cumulative weights and a binary search. Used for
 * who makes a call (busy people call more) and which number they dial (Zipf-like reuse).
 */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) {
      throw new RangeError('a weighted picker needs as many weights as items, and at least one');
    }
    let sum = 0;
    for (const weight of weights) {
      sum += Math.max(0, weight);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError('a weighted picker needs a positive total weight');
    this.total = sum;
  }

  /** Weights 1, 1/2^s, 1/3^s, …: the k-th item is picked about k^s times less often than the first. */
  static zipf<T>(items: readonly T[], exponent = 1): WeightedPicker<T> {
    return new WeightedPicker(
      items,
      items.map((_, rank) => 1 / Math.pow(rank + 1, exponent)),
    );
  }

  /** The sum of the weights. */
  get totalWeight(): number {
    return this.total;
  }

  /** One item, with probability proportional to its weight. */
  pick(random: SeededRandom): T {
    const target = random.next() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.items[low] as T;
  }
}
