import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import type { Party } from '../domain/call-record.js';
import { isExtension, type CompiledDialPlan } from './compiled-dial-plan.js';

/**
 * One party of a call in a single canonical form, whatever the PBX wrote: what the miner resolves
 * users by, classifies and rates.
 */
export type NormalizedNumber =
  /** A public number. `extension`: the `;ext=` of a URI when it is one of the site's extensions. */
  | { readonly kind: 'e164'; readonly e164: string; readonly extension: string | null }
  /** An internal extension of the site, e.g. "2001". */
  | { readonly kind: 'extension'; readonly extension: string }
  /** A SIP user with no number, lowercase `user@host`, e.g. "alice@contoso.com". */
  | { readonly kind: 'sip-user'; readonly user: string }
  /** An emergency or service short code dialled in `country`, e.g. "112". */
  | { readonly kind: 'short'; readonly digits: string; readonly country: string }
  /** Anything else; `raw` is the text as the PBX gave it. */
  | { readonly kind: 'unknown'; readonly raw: string };

/**
 * A normalized number plus what libphonenumber parsed for it, so classification reuses the parse
 * instead of parsing the E.164 string again.
 */
export interface NumberReading {
  readonly normalized: NormalizedNumber;
  /** The parsed number when `normalized.kind` is "e164", else null. */
  readonly phone: PhoneNumber | null;
  /** libphonenumber's `isValid()` of `phone` (false when there is none). */
  readonly valid: boolean;
}

const SIP_SCHEME = /^sips?:/i;
const TEL_SCHEME = /^tel:/i;
/** Digits with an optional leading "+" and the visual separators of RFC 3966 and common usage. */
const DIAL_STRING = /^[\s(]*\+?[\d\s\-.()/]*\d[\d\s\-.()/]*$/;
const LEADING_PLUS = /^[\s(]*\+/;
const NOT_DIGIT = /\D/g;
const SIP_USER = /^[^\s@;:]+$/;
const SIP_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/i;
const EXT_PARAM = /(?:^|;)ext=(\d+)(?:;|$)/i;
const SHORT_CODE_MIN = 2;
const SHORT_CODE_MAX = 6;

/**
 * Reads one raw party text (a number, a `tel:` or `sip:` URI, or an SfB LineURI such as
 * `+390212345678;ext=2001`) with a site's dial plan. Never throws: what cannot be read is `unknown`.
 */
export function readNumber(raw: string, plan: CompiledDialPlan): NumberReading {
  const text = raw.trim();
  if (text === '') return unknownReading(raw);

  let body = text;
  let isSip = false;
  if (SIP_SCHEME.test(body)) {
    body = body.slice(body.indexOf(':') + 1);
    isSip = true;
  } else if (TEL_SCHEME.test(body)) {
    body = body.slice(4);
  }

  // sip:user[;user-params]@host[:port][;uri-params]; a bare user@host is read the same way.
  let host: string | null = null;
  const at = body.indexOf('@');
  if (at >= 0) {
    host = body.slice(at + 1).split(/[;:?]/, 1)[0] ?? '';
    body = body.slice(0, at);
  } else if (isSip) {
    host = '';
  }

  const semicolon = body.indexOf(';');
  const user = semicolon < 0 ? body : body.slice(0, semicolon);
  const ext = semicolon < 0 ? null : (EXT_PARAM.exec(body.slice(semicolon))?.[1] ?? null);

  if (DIAL_STRING.test(user)) {
    return readDialString(LEADING_PLUS.test(user), user.replace(NOT_DIGIT, ''), ext, plan, raw);
  }
  if (host !== null && SIP_USER.test(user) && SIP_HOST.test(host)) {
    return {
      normalized: { kind: 'sip-user', user: `${user}@${host}`.toLowerCase() },
      phone: null,
      valid: false,
    };
  }
  return unknownReading(raw);
}

/** The normalized form of one raw party text; see readNumber. */
export function normalizeNumber(raw: string, plan: CompiledDialPlan): NormalizedNumber {
  return readNumber(raw, plan).normalized;
}

/**
 * Reads a CallRecord party: its `number` first (what was dialled or presented), its `uri` when the
 * number is missing or unreadable. Shared by the plain and the cached readers so both pick alike.
 */
export function readParty<C, R extends { readonly normalized: NormalizedNumber }>(
  party: Party,
  read: (raw: string, context: C) => R,
  context: C,
): R {
  const { number, uri } = party;
  if (number === null || number === '') return read(uri ?? '', context);
  const fromNumber = read(number, context);
  if (fromNumber.normalized.kind !== 'unknown' || uri === null || uri === '') return fromNumber;
  const fromUri = read(uri, context);
  return fromUri.normalized.kind === 'unknown' ? fromNumber : fromUri;
}

/** The normalized form of a CallRecord party; see readParty. */
export function normalizeParty(party: Party, plan: CompiledDialPlan): NormalizedNumber {
  return readParty(party, readNumber, plan).normalized;
}

/** The text stored as `callerNormalized` / `calleeNormalized`: null when the party is unknown. */
export function normalizedText(normalized: NormalizedNumber): string | null {
  switch (normalized.kind) {
    case 'e164':
      return normalized.e164;
    case 'extension':
      return normalized.extension;
    case 'sip-user':
      return normalized.user;
    case 'short':
      return normalized.digits;
    case 'unknown':
      return null;
  }
}

function readDialString(
  plus: boolean,
  digits: string,
  ext: string | null,
  plan: CompiledDialPlan,
  raw: string,
): NumberReading {
  if (plus) return readInternational(digits, ext, plan, raw);
  // Emergency first: a PBX always routes them, even where an extension range would cover them.
  if (plan.emergencyNumbers.has(digits)) return shortReading(digits, plan);
  if (isExtension(plan, digits)) {
    return { normalized: { kind: 'extension', extension: digits }, phone: null, valid: false };
  }

  const afterOutsideLine = stripOutsideLine(digits, plan);
  if (afterOutsideLine !== null && plan.emergencyNumbers.has(afterOutsideLine)) {
    return shortReading(afterOutsideLine, plan);
  }

  // With and without the outside-line code (stripped first): the first valid reading wins, so an
  // Italian "0 02 …" stays Milan and a "0039…" with no outside-line code is still read.
  const candidates = afterOutsideLine === null ? [digits] : [afterOutsideLine, digits];
  let possible: PhoneNumber | null = null;
  for (const candidate of candidates) {
    const phone = readDialled(candidate, plan);
    if (phone === null) continue;
    if (phone.isValid()) return e164Reading(phone, true, ext, plan);
    possible ??= phone;
  }
  for (const candidate of candidates) {
    if (isShortCode(candidate, plan)) return shortReading(candidate, plan);
  }
  return possible === null ? unknownReading(raw) : e164Reading(possible, false, ext, plan);
}

function readInternational(
  digits: string,
  ext: string | null,
  plan: CompiledDialPlan,
  raw: string,
): NumberReading {
  const phone = parseE164(digits);
  if (phone !== null) return e164Reading(phone, phone.isValid(), ext, plan);
  // Some PBXs write emergency calls as "+112" or "+39112".
  if (plan.emergencyNumbers.has(digits)) return shortReading(digits, plan);
  if (digits.startsWith(plan.callingCode)) {
    const national = digits.slice(plan.callingCode.length);
    if (plan.emergencyNumbers.has(national)) return shortReading(national, plan);
  }
  return unknownReading(raw);
}

/** The digits after the outside-line code, when they cannot be an extension; else null. */
function stripOutsideLine(digits: string, plan: CompiledDialPlan): string | null {
  const code = plan.outsideLineCode;
  if (code === null || !digits.startsWith(code)) return null;
  const rest = digits.slice(code.length);
  if (rest === '' || isExtension(plan, rest)) return null;
  return rest.length > plan.longestExtension || plan.emergencyNumbers.has(rest) ? rest : null;
}

/** A dialled digit string (no "+") as the site's PBX reads it: international or national. */
function readDialled(digits: string, plan: CompiledDialPlan): PhoneNumber | null {
  if (digits.startsWith(plan.internationalPrefix)) {
    return parseE164(digits.slice(plan.internationalPrefix.length));
  }
  const national =
    plan.nationalPrefix !== null && digits.startsWith(plan.nationalPrefix)
      ? digits.slice(plan.nationalPrefix.length)
      : digits;
  const phone = parseE164(plan.callingCode + national);
  if (phone?.isValid()) return phone;
  // The dial plan's trunk prefix may be incomplete (carrier codes, …): let the metadata try.
  const byMetadata = parsePhoneNumberFromString(digits, plan.country);
  return byMetadata?.isPossible() && byMetadata.isValid() ? byMetadata : phone;
}

function isShortCode(digits: string, plan: CompiledDialPlan): boolean {
  return (
    digits.length >= SHORT_CODE_MIN &&
    digits.length <= SHORT_CODE_MAX &&
    !digits.startsWith(plan.internationalPrefix)
  );
}

/** An international number from its digits after "+", when its length is possible. */
function parseE164(digits: string): PhoneNumber | null {
  const phone = parsePhoneNumberFromString(`+${digits}`);
  return phone !== undefined && phone.isPossible() ? phone : null;
}

function e164Reading(
  phone: PhoneNumber,
  valid: boolean,
  ext: string | null,
  plan: CompiledDialPlan,
): NumberReading {
  const extension = ext !== null && isExtension(plan, ext) ? ext : null;
  return { normalized: { kind: 'e164', e164: phone.number, extension }, phone, valid };
}

function shortReading(digits: string, plan: CompiledDialPlan): NumberReading {
  return { normalized: { kind: 'short', digits, country: plan.country }, phone: null, valid: false };
}

function unknownReading(raw: string): NumberReading {
  return { normalized: { kind: 'unknown', raw }, phone: null, valid: false };
}
