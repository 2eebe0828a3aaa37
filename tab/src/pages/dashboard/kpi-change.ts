/** How a figure moved against the period before: up or down by a fraction, the same, or nothing to compare with. */
export type KpiChange = { kind: 'up' | 'down'; fraction: number } | { kind: 'same' } | { kind: 'none' };

/**
 * The change of a figure against the previous period. A previous zero gives `none` (a
 * percentage of nothing means nothing), never an infinite rise.
 */
export function changeOf(current: number, previous: number | null | undefined): KpiChange {
  if (!previous) return { kind: 'none' };
  if (current === previous) return { kind: 'same' };
  const fraction = (current - previous) / Math.abs(previous);
  return { kind: fraction > 0 ? 'up' : 'down', fraction: Math.abs(fraction) };
}
