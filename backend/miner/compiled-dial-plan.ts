import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { DialPlan, ExtensionRange } from '../domain/dial-plan.js';
import { emergencyNumbersOf } from './emergency-numbers.js';

/** A site's dial plan the miner cannot use, with the field that is wrong. */
export class DialPlanError extends Error {
  override readonly name = 'DialPlanError';
}

/**
 * A site's dial plan checked and indexed once, so reading a million numbers does not look up the
 * calling code, the longest extension or the emergency numbers again for each.
 */
export interface CompiledDialPlan {
  readonly plan: DialPlan;
  readonly country: CountryCode;
  /** Country calling code without "+", e.g. "39". */
  readonly callingCode: string;
  readonly outsideLineCode: string | null;
  readonly internationalPrefix: string;
  readonly nationalPrefix: string | null;
  readonly extensionRanges: readonly ExtensionRange[];
  /** Digits of the longest extension; 0 when the site has no ranges. */
  readonly longestExtension: number;
  readonly localAreaCodes: readonly string[];
  readonly emergencyNumbers: ReadonlySet<string>;
}

const DIGITS = /^\d+$/;

/**
 * Checks and indexes a dial plan. Throws DialPlanError naming the field when the plan cannot be
 * used, so a bad site configuration fails at start-up rather than as a million unknown calls.
 */
export function compileDialPlan(plan: DialPlan): CompiledDialPlan {
  const country = plan.country.trim().toUpperCase();
  if (!isSupportedCountry(country)) {
    throw new DialPlanError(
      `country "${plan.country}" is not an ISO 3166-1 alpha-2 code with a numbering plan`,
    );
  }
  const internationalPrefix = digitsOrNull('internationalPrefix', plan.internationalPrefix);
  if (internationalPrefix === null)
    throw new DialPlanError('internationalPrefix is required, e.g. "00" or "011"');
  let longestExtension = 0;
  for (const range of plan.extensionRanges) {
    const { from, to } = range;
    if (!DIGITS.test(from) || !DIGITS.test(to) || from.length !== to.length || from > to) {
      throw new DialPlanError(
        `extension range ${from}-${to} must be digits, the same length at both ends, low to high`,
      );
    }
    longestExtension = Math.max(longestExtension, from.length);
  }
  for (const code of plan.localAreaCodes) {
    if (!DIGITS.test(code)) throw new DialPlanError(`local area code "${code}" must be digits`);
  }
  return Object.freeze({
    plan,
    country,
    callingCode: getCountryCallingCode(country),
    outsideLineCode: digitsOrNull('outsideLineCode', plan.outsideLineCode),
    internationalPrefix,
    nationalPrefix: digitsOrNull('nationalPrefix', plan.nationalPrefix),
    extensionRanges: Object.freeze(plan.extensionRanges.map((range) => Object.freeze({ ...range }))),
    longestExtension,
    localAreaCodes: Object.freeze([...plan.localAreaCodes]),
    emergencyNumbers: new Set(emergencyNumbersOf(country)),
  });
}

/** True when `digits` is one of the site's internal extensions. */
export function isExtension(plan: CompiledDialPlan, digits: string): boolean {
  for (const range of plan.extensionRanges) {
    // Same-length digit strings compare like the numbers they spell.
    if (digits.length === range.from.length && digits >= range.from && digits <= range.to) return true;
  }
  return false;
}

function digitsOrNull(field: string, value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (!DIGITS.test(trimmed)) throw new DialPlanError(`${field} "${value}" must be digits`);
  return trimmed;
}
