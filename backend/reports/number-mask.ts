import type { Principal } from '../domain/principal.js';

/** Trailing digits of a called number hidden from those who may not see it, unless configured. */
export const DEFAULT_MASKED_DIGITS = 3;

/** `+390212345678` with its last `count` digits as `x`: `+390212345xxx` (other characters kept). */
export function maskDigits(number: string, count: number): string {
  let left = count;
  const characters = [...number];
  for (let i = characters.length - 1; i >= 0 && left > 0; i--) {
    if (/\d/.test(characters[i] as string)) {
      characters[i] = 'x';
      left--;
    }
  }
  return characters.join('');
}

/** The number columns of a call the parties are read from. */
export interface CallNumbers {
  direction: string;
  user_id: number | null;
  caller_number: string | null;
  callee_number: string | null;
  caller_normalized: string | null;
  callee_normalized: string | null;
  dest_number: string | null;
}

/** A call's parties as shown: the owner's side as stored, the other party possibly masked. */
export interface ShownParties {
  caller: string | null;
  callee: string | null;
  /** The other party (the called number; the caller of an inbound call), as shown. */
  number: string | null;
}

/**
 * What a viewer may see of called numbers: everything for admins and on their own calls, the
 * numbers without their last `digits` digits otherwise. Every report, list, export and search
 * takes it from here, so the rule lives in one place.
 */
export class NumberMask {
  /** Trailing digits hidden on calls that are not the viewer's (0 for admins). */
  readonly hiddenDigits: number;
  /** The viewer's own user, whose calls show in full. */
  readonly ownUserId: number | null;

  constructor(viewer: Pick<Principal, 'role' | 'userId'>, digits: number = DEFAULT_MASKED_DIGITS) {
    this.hiddenDigits = viewer.role === 'admin' ? 0 : Math.max(0, Math.floor(digits));
    this.ownUserId = viewer.userId;
  }

  /** The number as the viewer may see it on a call of `callUserId`. */
  show(number: string | null, callUserId: number | null): string | null {
    if (number === null || this.hiddenDigits === 0) return number;
    if (callUserId !== null && callUserId === this.ownUserId) return number;
    return maskDigits(number, this.hiddenDigits);
  }

  /**
   * A call's caller and callee as the viewer may see them. The other party is the callee, or
   * the caller of an inbound call; its number is the one rated (E.164), else as normalized,
   * else as the PBX gave it.
   */
  parties(call: CallNumbers): ShownParties {
    const inbound = call.direction === 'inbound';
    const other = inbound
      ? (call.dest_number ?? call.caller_normalized ?? call.caller_number)
      : (call.dest_number ?? call.callee_normalized ?? call.callee_number);
    const number = this.show(other, call.user_id);
    const own = inbound
      ? (call.callee_normalized ?? call.callee_number)
      : (call.caller_normalized ?? call.caller_number);
    return inbound ? { caller: number, callee: own, number } : { caller: own, callee: number, number };
  }
}
