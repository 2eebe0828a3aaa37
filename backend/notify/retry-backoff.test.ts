import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelay } from './retry-backoff.js';

describe('the wait between attempts of a message', () => {
  const policy = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles with each failed attempt, between half and all of the step', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, policy, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect([1, 2, 3, 4].map((attempts) => retryDelay(attempts, policy, () => 0.999_999))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    expect(retryDelay(7, policy, () => 0.999_999)).toBe(60_000);
    expect(retryDelay(1_000, policy, () => 0.999_999)).toBe(60_000);
    expect(retryDelay(1_000, DEFAULT_BACKOFF, () => 0)).toBe(DEFAULT_BACKOFF.maxMs / 2);
  });

  it('spreads messages that failed together', () => {
    const waits = new Set([0.1, 0.4, 0.7].map((draw) => retryDelay(3, policy, () => draw)));
    expect(waits.size).toBe(3);
  });
});
