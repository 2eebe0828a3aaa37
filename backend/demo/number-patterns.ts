import { parsePhoneNumberFromString, type PhoneNumberType } from 'libphonenumber-js/max';
import type { SeededRandom } from './seeded-random.js';

/** The kinds of number the demo's people dial, as a call-accounting report would group them. */
export type DialledKind = 'local' | 'national' | 'mobile' | 'international' | 'tollfree' | 'premium';

/** Every DialledKind, in report order. */
export const DIALLED_KINDS: readonly DialledKind[] = [
  'local',
  'national',
  'mobile',
  'international',
  'tollfree',
  'premium',
];

/**
 * A family of E.164 numbers: `#` is any digit. A drawn number is kept only when libphonenumber
 * (`max` metadata, as the miner uses) finds it valid, in `country`, and of one of `types`.
 */
export interface NumberPattern {
  template: string;
  country: string;
  types: readonly PhoneNumberType[];
  weight: number;
}

const FIXED: readonly PhoneNumberType[] = ['FIXED_LINE', 'FIXED_LINE_OR_MOBILE'];
const MOBILE: readonly PhoneNumberType[] = ['MOBILE', 'FIXED_LINE_OR_MOBILE'];
const ANY_FIXED: readonly PhoneNumberType[] = [...FIXED, 'UAN', 'VOIP'];

const patterns = (
  country: string,
  types: readonly PhoneNumberType[],
  entries: readonly [string, number][],
): NumberPattern[] => entries.map(([template, weight]) => ({ template, country, types, weight }));

/** Foreign numbers a company in Italy or the UK calls, by destination country, most called first. */
const FOREIGN: Readonly<Record<string, readonly NumberPattern[]>> = {
  IT: [
    ...patterns('DE', FIXED, [
      ['+4989#######', 5],
      ['+4930########', 3],
      ['+4940########', 2],
    ]),
    ...patterns('DE', MOBILE, [
      ['+49151########', 2],
      ['+49176########', 2],
    ]),
    ...patterns('FR', FIXED, [
      ['+331########', 5],
      ['+334########', 3],
    ]),
    ...patterns('FR', MOBILE, [['+336########', 3]]),
    ...patterns('CH', FIXED, [
      ['+4144#######', 4],
      ['+4191#######', 3],
      ['+4122#######', 2],
    ]),
    ...patterns('CH', MOBILE, [['+4179#######', 2]]),
    ...patterns('ES', FIXED, [
      ['+3491#######', 3],
      ['+3493#######', 3],
    ]),
    ...patterns('ES', MOBILE, [['+346########', 2]]),
    ...patterns('GB', FIXED, [
      ['+442079460###', 3],
      ['+441134960###', 1],
      ['+441614960###', 1],
    ]),
    ...patterns('GB', MOBILE, [['+4477########', 1]]),
    ...patterns('US', FIXED, [
      ['+1212555010#', 1],
      ['+1212#######', 2],
      ['+1646#######', 1],
    ]),
    ...patterns('NL', FIXED, [['+3120#######', 2]]),
    ...patterns('BE', FIXED, [['+322#######', 2]]),
    ...patterns('AT', FIXED, [['+431#######', 2]]),
    ...patterns('PL', FIXED, [['+4822#######', 1]]),
    ...patterns('TR', FIXED, [['+90212#######', 1]]),
    ...patterns('CN', FIXED, [
      ['+8621########', 2],
      ['+86755########', 1],
    ]),
    ...patterns('IN', FIXED, [['+9122########', 0.5]]),
    ...patterns('JP', FIXED, [['+813########', 0.5]]),
    ...patterns('AE', FIXED, [['+9714#######', 0.5]]),
    ...patterns('BR', MOBILE, [['+55119########', 0.5]]),
  ],
  GB: [
    ...patterns('IE', FIXED, [['+3531#######', 5]]),
    ...patterns('IE', MOBILE, [
      ['+35383#######', 1.5],
      ['+35387#######', 1.5],
    ]),
    ...patterns('IT', FIXED, [
      ['+3902########', 4],
      ['+3906########', 2],
    ]),
    ...patterns('IT', MOBILE, [
      ['+3933########', 2],
      ['+3934########', 1],
    ]),
    ...patterns('FR', FIXED, [['+331########', 4]]),
    ...patterns('FR', MOBILE, [['+336########', 1]]),
    ...patterns('DE', FIXED, [
      ['+4969########', 3],
      ['+4989#######', 2],
    ]),
    ...patterns('DE', MOBILE, [['+49170#######', 1]]),
    ...patterns('NL', FIXED, [['+3120#######', 3]]),
    ...patterns('US', FIXED, [
      ['+1212555010#', 1],
      ['+1212#######', 3],
      ['+1617#######', 1],
    ]),
    ...patterns('ES', FIXED, [['+3491#######', 2]]),
    ...patterns('CH', FIXED, [['+4144#######', 1]]),
    ...patterns('IN', FIXED, [
      ['+9122########', 1],
      ['+9180########', 1],
    ]),
    ...patterns('AE', FIXED, [['+9714#######', 1]]),
    ...patterns('AE', MOBILE, [['+97150#######', 0.5]]),
    ...patterns('AU', FIXED, [['+612########', 1]]),
    ...patterns('SG', FIXED, [['+656#######', 1]]),
    ...patterns('CN', FIXED, [['+8621########', 1]]),
  ],
};

/**
 * What people at a site in `country` dial, per kind. Local and national numbers are fixed lines
 * of busy business areas (for the UK also 03 numbers); mobiles are the home country's.
 */
export const NUMBER_PATTERNS: Readonly<
  Record<string, Readonly<Record<DialledKind, readonly NumberPattern[]>>>
> = {
  IT: {
    local: patterns('IT', FIXED, [['+3902########', 1]]),
    national: patterns('IT', FIXED, [
      ['+3906########', 4],
      ['+39011#######', 2],
      ['+39039#######', 2],
      ['+39031#######', 1.5],
      ['+39035#######', 1.5],
      ['+39030#######', 1.5],
      ['+39051#######', 1.5],
      ['+39045#######', 1],
      ['+39049#######', 1],
      ['+39055#######', 1],
      ['+39010#######', 1],
      ['+39081#######', 1],
      ['+390331######', 1],
      ['+390371######', 0.5],
    ]),
    mobile: patterns('IT', MOBILE, [
      ['+3933########', 3],
      ['+3934########', 3],
      ['+3932########', 2],
      ['+3938########', 1.5],
      ['+3939########', 1.5],
      ['+3936########', 1],
      ['+3935########', 0.5],
    ]),
    international: FOREIGN.IT ?? [],
    tollfree: patterns(
      'IT',
      ['TOLL_FREE'],
      [
        ['+39800######', 3],
        ['+39803###', 1],
      ],
    ),
    premium: patterns(
      'IT',
      ['PREMIUM_RATE'],
      [
        ['+39899######', 2],
        ['+39892###', 1],
      ],
    ),
  },
  GB: {
    local: patterns('GB', FIXED, [
      ['+44207#######', 3],
      ['+44203#######', 2],
      ['+44208#######', 1],
    ]),
    national: patterns('GB', ANY_FIXED, [
      ['+44121#######', 2],
      ['+44161#######', 2],
      ['+44113#######', 1.5],
      ['+44117#######', 1],
      ['+44131#######', 1],
      ['+44141#######', 1],
      ['+44151#######', 1],
      ['+441223######', 1],
      ['+441865######', 0.5],
      ['+441908######', 1],
      ['+44300#######', 1],
      ['+44330#######', 1],
      ['+44345#######', 1.5],
    ]),
    mobile: patterns('GB', MOBILE, [
      ['+4477########', 3],
      ['+4478########', 2],
      ['+4479########', 2],
      ['+4474########', 2],
      ['+4475########', 1],
    ]),
    international: FOREIGN.GB ?? [],
    tollfree: patterns(
      'GB',
      ['TOLL_FREE'],
      [
        ['+44800#######', 3],
        ['+44808#######', 1],
      ],
    ),
    premium: patterns(
      'GB',
      ['PREMIUM_RATE'],
      [
        ['+44909#######', 1],
        ['+44906#######', 1],
      ],
    ),
  },
};

/** True when libphonenumber finds `e164` valid, in the pattern's country and of one of its types. */
export function fitsPattern(e164: string, pattern: NumberPattern): boolean {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone?.isValid() || phone.country !== pattern.country) return false;
  const type = phone.getType();
  return type !== undefined && pattern.types.includes(type);
}

/**
 * Draws a number of the pattern until libphonenumber accepts it (and `reject` does not), so that
 * every number the demo dials classifies as intended. Deterministic for the generator's state.
 */
export function drawNumber(
  pattern: NumberPattern,
  random: SeededRandom,
  reject: (e164: string) => boolean = () => false,
): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const candidate = pattern.template.replace(/#/g, () => String(random.int(10)));
    if (!reject(candidate) && fitsPattern(candidate, pattern)) return candidate;
  }
  throw new Error(`no valid number found for the pattern ${pattern.template}`);
}
