/** A number or extension to give a user, as the form holds it. */
export interface NumberDraft {
  siteId: string;
  number: string;
  reassign: boolean;
}

/** The body of `POST /api/v1/admin/users/:id/numbers`. */
export interface NumberBody {
  siteId: number;
  number: string;
  reassign: boolean;
}

/**
 * Reads the form: an E.164 number (`+39 02 1234 5678`, spaces, dots, dashes and brackets
 * dropped) or an extension of 1 to 8 digits; else which field is wrong.
 */
export function numberBody(
  draft: NumberDraft,
): { ok: true; body: NumberBody } | { ok: false; problem: 'siteId' | 'number' } {
  const siteId = Number(draft.siteId);
  if (!Number.isInteger(siteId) || siteId < 1) return { ok: false, problem: 'siteId' };
  const number = draft.number.replace(/[\s().-]/g, '');
  if (!/^\+[1-9]\d{5,14}$/.test(number) && !/^\d{1,8}$/.test(number)) return { ok: false, problem: 'number' };
  return { ok: true, body: { siteId, number, reassign: draft.reassign } };
}
