import type { Micro } from '../domain/money.js';
import type { PriceInterval } from '../rating/tariff-plan.js';

/** Billing increments as carriers write them: the first block, then every next block, in seconds. */
export interface Increments {
  first: number;
  next: number;
}

const SHORTHAND = /^\s*(\d{1,5})\s*(?:\/\s*(\d{1,5})\s*)?$/;

/**
 * Reads `"60/60"`, `"30/6"`, `"1/1"`, `"60/1"` (first minute, then per second) or a single number
 * (`60` = `60/60`); null when it is none of these. Both blocks must be 1 second or more.
 */
export function parseIncrements(value: string | number): Increments | null {
  const match = SHORTHAND.exec(String(value));
  if (!match) return null;
  const first = Number(match[1]);
  const next = match[2] === undefined ? first : Number(match[2]);
  return first >= 1 && next >= 1 ? { first, next } : null;
}

/** The message for increments that `parseIncrements` refused. */
export function incrementsProblem(value: unknown): string {
  return `not billing increments: ${JSON.stringify(value)} (first/next seconds, e.g. "60/60", "30/6", "1/1")`;
}

/** The price intervals of increments at one price: one interval when both blocks are equal, else two. */
export function intervalsOf(increments: Increments, pricePerMinute: Micro): PriceInterval[] {
  const first = { fromSec: 0, incrementSec: increments.first, pricePerMinute };
  return increments.first === increments.next
    ? [first]
    : [first, { fromSec: increments.first, incrementSec: increments.next, pricePerMinute }];
}

/**
 * The shorthand that `intervalsOf` turns back into exactly these intervals, or null when they need
 * to be written out (several prices, a first block that is not one increment long, …).
 */
export function shorthandOf(
  intervals: readonly PriceInterval[],
): { increments: string; pricePerMinute: Micro } | null {
  const [first, next, ...rest] = intervals;
  if (!first || first.fromSec !== 0 || rest.length > 0) return null;
  if (!next)
    return {
      increments: `${first.incrementSec}/${first.incrementSec}`,
      pricePerMinute: first.pricePerMinute,
    };
  const fits =
    next.fromSec === first.incrementSec &&
    next.incrementSec !== first.incrementSec &&
    next.pricePerMinute === first.pricePerMinute;
  return fits
    ? { increments: `${first.incrementSec}/${next.incrementSec}`, pricePerMinute: first.pricePerMinute }
    : null;
}
