import type { TariffPlan } from '../backend/rating/tariff-plan.js';

/** A small, fast, seeded PRNG (mulberry32): the same traffic on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s: a few numbers get most calls. */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** s;
    cumulative[k] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** A destination the synthetic company calls: how its users dial it, and as E.164. */
export interface SyntheticNumber {
  dialled: string;
  e164: string;
}

interface NumberShape {
  weight: number;
  /** E.164 digits before the random part. */
  prefix: string;
  digits: number;
  /** How a Milan user dials it: "0" for an outside line, then the national or international form. */
  dial: (e164: string) => string;
}

const italianNational = (e164: string) => `0${e164.slice(3)}`;
const international = (e164: string) => `000${e164.slice(1)}`;

/** Milan's traffic: mostly Italian fixed and mobile, some Europe and US, a little premium and toll-free. */
const SHAPES: NumberShape[] = [
  { weight: 30, prefix: '3902', digits: 8, dial: italianNational },
  { weight: 10, prefix: '3906', digits: 8, dial: italianNational },
  { weight: 8, prefix: '39011', digits: 7, dial: italianNational },
  { weight: 25, prefix: '39333', digits: 7, dial: italianNational },
  { weight: 10, prefix: '39347', digits: 7, dial: italianNational },
  { weight: 2, prefix: '39800', digits: 6, dial: italianNational },
  { weight: 1, prefix: '39899', digits: 6, dial: italianNational },
  { weight: 4, prefix: '4420', digits: 8, dial: international },
  { weight: 3, prefix: '447700', digits: 6, dial: international },
  { weight: 3, prefix: '4930', digits: 8, dial: international },
  { weight: 2, prefix: '331', digits: 8, dial: international },
  { weight: 2, prefix: '1212', digits: 7, dial: international },
];

/** `count` distinct destinations drawn from Milan's traffic mix. */
export function syntheticNumbers(count: number, random: () => number): SyntheticNumber[] {
  const totalWeight = SHAPES.reduce((sum, shape) => sum + shape.weight, 0);
  const seen = new Set<string>();
  const result: SyntheticNumber[] = [];
  while (result.length < count) {
    let pick = random() * totalWeight;
    const shape = SHAPES.find((candidate) => (pick -= candidate.weight) < 0) ?? (SHAPES[0] as NumberShape);
    let rest = '';
    for (let i = 0; i < shape.digits; i++) rest += String(Math.floor(random() * 10));
    // First digit after the area code: avoid 0/1, which some plans reserve.
    rest = String(2 + Math.floor(random() * 7)) + rest.slice(1);
    const e164 = `+${shape.prefix}${rest}`;
    if (seen.has(e164)) continue;
    seen.add(e164);
    result.push({ e164, dialled: shape.dial(e164) });
  }
  return result;
}

/**
 * A carrier plan of `count` prefix rates over the destinations above (country codes, area codes
 * and longer blocks), with peak / weekend bands and 30/6 billing: the shape of a real deck.
 */
export function syntheticPlan(count: number, random: () => number): TariffPlan {
  const prefixes = new Set<string>([
    '39',
    '44',
    '49',
    '33',
    '1',
    '3902',
    '3906',
    '39011',
    '39333',
    '39347',
    '39800',
    '39899',
    '4420',
    '447700',
    '4930',
    '331',
    '1212',
  ]);
  const roots = [...prefixes];
  while (prefixes.size < count) {
    const root = roots[Math.floor(random() * roots.length)] as string;
    const extra = 1 + Math.floor(random() * 3);
    let suffix = '';
    for (let i = 0; i < extra; i++) suffix += String(Math.floor(random() * 10));
    prefixes.add(root + suffix);
  }
  return {
    name: 'Synthetic 5k',
    currency: 'EUR',
    activeFrom: Date.UTC(2025, 0, 1),
    timeBands: [
      { name: 'peak', weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '19:00' },
      { name: 'weekend', weekdays: [6, 7], from: '00:00', to: '24:00' },
    ],
    rounding: { decimals: 4, method: 'half-up' },
    rates: [...prefixes].map((prefix, i) => {
      const base = 5_000 + Math.floor(random() * 300_000);
      return {
        prefix,
        destClass: null,
        country: null,
        label: `Destination ${i}`,
        connectFee: prefix.startsWith('39') ? 0 : 20_000,
        intervals: [
          { fromSec: 0, incrementSec: 30, pricePerMinute: base },
          { fromSec: 30, incrementSec: 6, pricePerMinute: base },
        ],
        bandIntervals: {
          peak: [
            { fromSec: 0, incrementSec: 30, pricePerMinute: Math.round(base * 1.4) },
            { fromSec: 30, incrementSec: 6, pricePerMinute: Math.round(base * 1.4) },
          ],
          weekend: [{ fromSec: 0, incrementSec: 60, pricePerMinute: Math.round(base * 0.6) }],
        },
        minCharge: 0,
        maxCost: null,
        unansweredCharge: 0,
      };
    }),
  };
}

/** Call starts, answers and durations for `count` calls over 90 days of business-hour traffic. */
export interface SyntheticCalls {
  startedAt: Float64Array;
  answered: Uint8Array;
  durationSec: Int32Array;
  numberIndex: Int32Array;
}

/** Lays out `count` calls in typed arrays, so the traffic itself takes little memory. */
export function syntheticCalls(count: number, numbers: number, random: () => number): SyntheticCalls {
  const pick = zipfSampler(numbers, 1.07, random);
  const calls: SyntheticCalls = {
    startedAt: new Float64Array(count),
    answered: new Uint8Array(count),
    durationSec: new Int32Array(count),
    numberIndex: new Int32Array(count),
  };
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const day = Math.floor(random() * 90);
    // Mostly 08:00-18:00 CET, some outside.
    const hour = random() < 0.9 ? 7 + random() * 10 : random() * 24;
    calls.startedAt[i] = Math.floor(start + day * 86_400_000 + hour * 3_600_000);
    calls.answered[i] = random() < 0.82 ? 1 : 0;
    calls.durationSec[i] = calls.answered[i] ? Math.floor(-Math.log(1 - random()) * 150) : 0;
    calls.numberIndex[i] = pick();
  }
  return calls;
}
