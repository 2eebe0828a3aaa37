import type { Micro } from '../domain/money.js';

/** Sums over a set of calls: what summaries and consistency checks compare. */
export interface CallTotals {
  calls: number;
  answered: number;
  durationSec: number;
  billedSec: number;
  cost: Micro;
  unrated: number;
}

/** Reads a row of SUMs (which are null over no rows, and strings on some drivers) into CallTotals. */
export function toCallTotals(row: Partial<Record<keyof CallTotals, unknown>> | undefined): CallTotals {
  const read = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));
  return {
    calls: read(row?.calls),
    answered: read(row?.answered),
    durationSec: read(row?.durationSec),
    billedSec: read(row?.billedSec),
    cost: read(row?.cost),
    unrated: read(row?.unrated),
  };
}
