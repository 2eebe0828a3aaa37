import { parseWhole } from '../shared/amount';

/** A sample call as the preview form holds it; `startedAt` is a `datetime-local` value in the browser's time. */
export interface PreviewDraft {
  siteId: string;
  number: string;
  startedAt: string;
  durationSec: string;
  trunk: string;
  answered: boolean;
}

/** The body of `POST /api/v1/admin/tariffs/preview`. */
export interface PreviewBody {
  siteId: number;
  number: string;
  startedAt: string;
  durationSec: number;
  trunk: string | null;
  answered: boolean;
}

/** A field of the preview form that cannot be sent. */
export type PreviewField = 'siteId' | 'number' | 'startedAt' | 'durationSec';

/** The longest call the preview prices: a day. */
const MAX_DURATION_SEC = 86_400;

/** `datetime-local` text for an instant, in the browser's time zone, to the minute. */
export function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Reads the form into the preview's body, or names the fields that cannot be read. */
export function previewBody(
  draft: PreviewDraft,
): { ok: true; body: PreviewBody } | { ok: false; problems: PreviewField[] } {
  const problems: PreviewField[] = [];
  const siteId = parseWhole(draft.siteId, 1);
  if (siteId === null) problems.push('siteId');
  const number = draft.number.trim();
  if (number === '' || number.length > 64) problems.push('number');
  const started = draft.startedAt ? new Date(draft.startedAt) : null;
  if (!started || Number.isNaN(started.getTime())) problems.push('startedAt');
  const durationSec = parseWhole(draft.durationSec);
  if (durationSec === null || durationSec > MAX_DURATION_SEC) problems.push('durationSec');
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      siteId: siteId as number,
      number,
      startedAt: (started as Date).toISOString(),
      durationSec: durationSec as number,
      trunk: draft.trunk.trim() || null,
      answered: draft.answered,
    },
  };
}
