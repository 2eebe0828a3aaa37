import { describe, expect, it } from 'vitest';
import { SeededRandom, seedOf, WeightedPicker } from './seeded-random.js';

describe('SeededRandom', () => {
  it('gives the same stream for the same seed parts, another for others', () => {
    const draw = (...seed: (number | string)[]) => {
      const random = new SeededRandom(...seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw('a', 1)).toEqual(draw('a', 1));
    expect(draw('a', 1)).not.toEqual(draw('a', 2));
    expect(draw('a1')).not.toEqual(draw('a', 1));
    expect(seedOf('x', 2)).toBe(seedOf('x', 2));
  });

  it('draws in range, with the means its distributions should have', () => {
    const random = new SeededRandom('distributions');
    const n = 20_000;
    let uniform = 0;
    let poissonSmall = 0;
    let poissonLarge = 0;
    const logNormals: number[] = [];
    for (let i = 0; i < n; i++) {
      const value = random.next();
      expect(value >= 0 && value < 1).toBe(true);
      uniform += value;
      poissonSmall += random.poisson(3);
      poissonLarge += random.poisson(80);
      logNormals.push(random.logNormal(100, 1));
    }
    expect(uniform / n).toBeCloseTo(0.5, 1);
    expect(poissonSmall / n).toBeCloseTo(3, 1);
    expect(Math.abs(poissonLarge / n - 80)).toBeLessThan(0.5);
    logNormals.sort((a, b) => a - b);
    expect(logNormals[n / 2]!).toBeGreaterThan(95);
    expect(logNormals[n / 2]!).toBeLessThan(105);
    expect(random.guid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('WeightedPicker', () => {
  it('picks in proportion to the weights', () => {
    const picker = new WeightedPicker(['a', 'b', 'c'], [1, 0, 3]);
    const random = new SeededRandom('weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 8000; i++) counts[picker.pick(random) as 'a' | 'b' | 'c']++;
    expect(counts.b).toBe(0);
    expect(counts.c / counts.a).toBeGreaterThan(2.7);
    expect(counts.c / counts.a).toBeLessThan(3.3);
  });

  it('refuses empty lists and weights that do not match', () => {
    expect(() => new WeightedPicker([], [])).toThrow();
    expect(() => new WeightedPicker(['a'], [1, 2])).toThrow();
    expect(() => new WeightedPicker(['a'], [0])).toThrow();
  });
});
