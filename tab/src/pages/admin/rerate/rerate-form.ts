/** The days (and optionally the carrier) to price again, as the re-rate form holds them. */
export interface RerateDraft {
  from: string;
  to: string;
  /** A carrier's code; empty: every carrier. */
  carrier: string;
}

/** The body of `POST /api/v1/admin/rerate`. */
export interface RerateBody {
  from: string;
  to: string;
  carrier?: string;
}

/** Why the re-rate form cannot be sent. */
export type RerateProblem = 'from' | 'to' | 'order';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(text: string): boolean {
  return DAY.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** Reads the form into the re-rate body (both days included), or names what is wrong. */
export function rerateBody(
  draft: RerateDraft,
): { ok: true; body: RerateBody } | { ok: false; problem: RerateProblem } {
  if (!isDay(draft.from)) return { ok: false, problem: 'from' };
  if (!isDay(draft.to)) return { ok: false, problem: 'to' };
  if (draft.from > draft.to) return { ok: false, problem: 'order' };
  return {
    ok: true,
    body: { from: draft.from, to: draft.to, ...(draft.carrier ? { carrier: draft.carrier } : {}) },
  };
}

/** How many local days a range covers, both included. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * The form's first values: the days and carrier in the page's URL (a tariff change links here
 * with the days it affects), else this month up to today.
 */
export function initialRerateDraft(search: URLSearchParams, today: Date): RerateDraft {
  const pad = (value: number) => String(value).padStart(2, '0');
  const day = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
  const from = search.get('from');
  const to = search.get('to');
  return {
    from: from && isDay(from) ? from : `${day.slice(0, 8)}01`,
    to: to && isDay(to) ? to : day,
    carrier: search.get('carrier') ?? '',
  };
}
