/** How long to wait between attempts: doubling from `baseMs`, at most `maxMs`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** One minute, doubling to at most six hours: eight attempts span about four hours. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 60_000, maxMs: 6 * 3_600_000 };

/**
 * The wait before the next attempt after `attempts` failed ones: exponential, with "equal
 * jitter" (half fixed, half random), so messages that failed together (an outage) do not all
 * come back in the same second. `random` returns [0, 1).
 */
export function retryDelay(attempts: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
