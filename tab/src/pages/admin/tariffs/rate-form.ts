import type { PriceInterval, Rate } from '../admin-types';
import { amountText, parseAmount, parseWhole } from '../shared/amount';

/** One price interval as its fields hold it. */
export interface IntervalDraft {
  fromSec: string;
  incrementSec: string;
  pricePerMinute: string;
}

/** A rate's label and prices as the edit form holds them (amounts as typed, in currency units). */
export interface RateDraft {
  label: string;
  connectFee: string;
  intervals: IntervalDraft[];
  /** Per time band of the plan: its own intervals, or null for the rate's. */
  bands: Record<string, IntervalDraft[] | null>;
  minCharge: string;
  /** Empty: no maximum. */
  maxCost: string;
  unansweredCharge: string;
}

/** What `PATCH /api/v1/admin/tariff-plans/:id/rates/:rateId` takes: only what changed. */
export type RateChanges = Partial<
  Pick<
    Rate,
    'label' | 'connectFee' | 'intervals' | 'bandIntervals' | 'minCharge' | 'maxCost' | 'unansweredCharge'
  >
>;

/** Why a field of the rate form is refused. */
export type RateFieldProblem = 'amount' | 'whole' | 'increment' | 'order' | 'maxBelowMin';

/**
 * The problems of a rate form, by field: `connectFee`, `maxCost`, `intervals.0.pricePerMinute`,
 * `bands.weekend.1.fromSec`.
 */
export type RateFieldProblems = Record<string, RateFieldProblem>;

function intervalDraft(interval: PriceInterval): IntervalDraft {
  return {
    fromSec: String(interval.fromSec),
    incrementSec: String(interval.incrementSec),
    pricePerMinute: amountText(interval.pricePerMinute),
  };
}

/** The form of a rate, with a field group per time band of its plan. */
export function rateDraftOf(rate: Rate, bandNames: readonly string[]): RateDraft {
  return {
    label: rate.label,
    connectFee: amountText(rate.connectFee),
    intervals: rate.intervals.map(intervalDraft),
    bands: Object.fromEntries(
      bandNames.map((band) => [band, rate.bandIntervals[band]?.map(intervalDraft) ?? null]),
    ),
    minCharge: amountText(rate.minCharge),
    maxCost: rate.maxCost === null ? '' : amountText(rate.maxCost),
    unansweredCharge: amountText(rate.unansweredCharge),
  };
}

/** A new interval after the last: it starts where a block of the last one ends. */
export function nextInterval(intervals: readonly IntervalDraft[]): IntervalDraft {
  const last = intervals.at(-1);
  const from = (parseWhole(last?.fromSec ?? '0') ?? 0) + (parseWhole(last?.incrementSec ?? '60', 1) ?? 60);
  return { fromSec: String(from), incrementSec: '1', pricePerMinute: last?.pricePerMinute ?? '0' };
}

function readIntervals(
  drafts: readonly IntervalDraft[],
  path: string,
  problems: RateFieldProblems,
): PriceInterval[] {
  return drafts.map((draft, index) => {
    const fromSec = index === 0 ? 0 : parseWhole(draft.fromSec);
    const incrementSec = parseWhole(draft.incrementSec, 1);
    const pricePerMinute = parseAmount(draft.pricePerMinute);
    if (fromSec === null) problems[`${path}.${index}.fromSec`] = 'whole';
    else if (index > 0 && fromSec <= (parseWhole(drafts[index - 1]?.fromSec ?? '0') ?? 0))
      problems[`${path}.${index}.fromSec`] = 'order';
    if (incrementSec === null) problems[`${path}.${index}.incrementSec`] = 'increment';
    if (pricePerMinute === null) problems[`${path}.${index}.pricePerMinute`] = 'amount';
    return { fromSec: fromSec ?? 0, incrementSec: incrementSec ?? 1, pricePerMinute: pricePerMinute ?? 0 };
  });
}

/** JSON with sorted keys, to compare band prices whatever order they came in. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) =>
    JSON.stringify(value, (_key, inner: unknown) =>
      inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y)))
        : inner,
    );
  return canonical(a) === canonical(b);
}

/**
 * Reads the form against the rate it edits: the body of the PATCH with only the fields that
 * changed, or the problems of the fields that cannot be read. The server checks the whole plan
 * again; this catches what the form itself can tell.
 */
export function rateChangesOf(
  rate: Rate,
  draft: RateDraft,
): { ok: true; changes: RateChanges } | { ok: false; problems: RateFieldProblems } {
  const problems: RateFieldProblems = {};
  const amount = (field: 'connectFee' | 'minCharge' | 'unansweredCharge') => {
    const value = parseAmount(draft[field]);
    if (value === null) problems[field] = 'amount';
    return value ?? 0;
  };
  const connectFee = amount('connectFee');
  const minCharge = amount('minCharge');
  const unansweredCharge = amount('unansweredCharge');
  let maxCost: number | null = null;
  if (draft.maxCost.trim() !== '') {
    maxCost = parseAmount(draft.maxCost);
    if (maxCost === null) problems.maxCost = 'amount';
    else if (maxCost < minCharge) problems.maxCost = 'maxBelowMin';
  }
  const intervals = readIntervals(draft.intervals, 'intervals', problems);
  const bandIntervals: Record<string, PriceInterval[]> = {};
  for (const [band, drafts] of Object.entries(draft.bands))
    if (drafts) bandIntervals[band] = readIntervals(drafts, `bands.${band}`, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const next: Required<RateChanges> = {
    label: draft.label.trim(),
    connectFee,
    intervals,
    bandIntervals,
    minCharge,
    maxCost,
    unansweredCharge,
  };
  const changes: RateChanges = {};
  for (const field of Object.keys(next) as (keyof RateChanges)[])
    if (!sameJson(next[field], rate[field])) Object.assign(changes, { [field]: next[field] });
  return { ok: true, changes };
}
