import type { PhoneNumber, PhoneNumberType } from 'libphonenumber-js/max';
import type { DestinationClass } from '../domain/destination-class.js';
import type { CompiledDialPlan } from './compiled-dial-plan.js';
import { readNumber, type NormalizedNumber, type NumberReading } from './number-normalizer.js';

/**
 * Where a number leads, as rating (class and country rates) and reports (class totals) need it,
 * together with the normalized number it was decided from.
 */
export interface ClassifiedNumber {
  readonly normalized: NormalizedNumber;
  readonly destClass: DestinationClass;
  /** ISO 3166-1 alpha-2 of the destination; null for internal and unknown parties. */
  readonly country: string | null;
  /** libphonenumber's type of a valid E.164 number (also abroad), for labels; else null. */
  readonly lineType: PhoneNumberType | null;
}

/** The class of each libphonenumber type inside the site's country (fixed lines: see localOrNational). */
const CLASS_OF_TYPE: Readonly<Record<PhoneNumberType, DestinationClass | 'fixed'>> = Object.freeze({
  MOBILE: 'mobile',
  TOLL_FREE: 'tollfree',
  PREMIUM_RATE: 'premium',
  SHARED_COST: 'shared_cost',
  FIXED_LINE: 'fixed',
  FIXED_LINE_OR_MOBILE: 'fixed',
  VOIP: 'national',
  UAN: 'national',
  PERSONAL_NUMBER: 'special',
  PAGER: 'special',
  VOICEMAIL: 'special',
});

/**
 * Normalizes and classifies one raw party text for a site, uncached. The miner goes through
 * NumberClassifier, which caches these results; this is the rule it caches.
 */
export function classifyNumber(raw: string, plan: CompiledDialPlan): ClassifiedNumber {
  return classifyReading(readNumber(raw, plan), plan);
}

/** Classifies an already read number (see readNumber) for the site whose plan read it. */
export function classifyReading(reading: NumberReading, plan: CompiledDialPlan): ClassifiedNumber {
  const { normalized } = reading;
  switch (normalized.kind) {
    case 'extension':
    case 'sip-user':
      return { normalized, destClass: 'internal', country: null, lineType: null };
    case 'short':
      return {
        normalized,
        destClass: plan.emergencyNumbers.has(normalized.digits) ? 'emergency' : 'special',
        country: normalized.country,
        lineType: null,
      };
    case 'unknown':
      return { normalized, destClass: 'unknown', country: null, lineType: null };
    case 'e164':
      if (reading.phone === null) return { normalized, destClass: 'unknown', country: null, lineType: null };
      return { normalized, ...classifyPublic(reading.phone, reading.valid, normalized.extension, plan) };
  }
}

function classifyPublic(
  phone: PhoneNumber,
  valid: boolean,
  extension: string | null,
  plan: CompiledDialPlan,
): Omit<ClassifiedNumber, 'normalized'> {
  const lineType = valid ? (phone.getType() ?? null) : null;
  // A site extension behind a public number (an SfB LineURI "tel:+39…;ext=2001") is a colleague.
  if (extension !== null) return { destClass: 'internal', country: null, lineType };
  if (phone.countryCallingCode !== plan.callingCode) {
    // Invalid numbers abroad stay international: metadata lags new ranges, and the carrier bills
    // them by prefix anyway. getPossibleCountries() lists the calling code's main country first.
    const country = phone.country ?? phone.getPossibleCountries()[0] ?? null;
    return { destClass: 'international', country, lineType };
  }
  if (!valid || phone.country === undefined || lineType === null) {
    return { destClass: 'unknown', country: null, lineType: null };
  }
  // Same calling code, another country: Canada from the US, Guernsey from Great Britain.
  if (phone.country !== plan.country) return { destClass: 'international', country: phone.country, lineType };
  const destClass = CLASS_OF_TYPE[lineType];
  return {
    destClass: destClass === 'fixed' ? localOrNational(phone.nationalNumber, plan) : destClass,
    country: phone.country,
    lineType,
  };
}

function localOrNational(nationalNumber: string, plan: CompiledDialPlan): DestinationClass {
  for (const code of plan.localAreaCodes) if (nationalNumber.startsWith(code)) return 'local';
  return 'national';
}
