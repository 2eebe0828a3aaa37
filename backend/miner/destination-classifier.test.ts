import { describe, expect, it } from 'vitest';
import type { DestinationClass } from '../domain/destination-class.js';
import { compileDialPlan, type CompiledDialPlan } from './compiled-dial-plan.js';
import { classifyNumber } from './destination-classifier.js';
import { TEST_DIAL_PLANS, type TestSite } from './test-dial-plans.js';

const plans = Object.fromEntries(
  Object.entries(TEST_DIAL_PLANS).map(([site, plan]) => [site, compileDialPlan(plan)]),
) as Record<TestSite, CompiledDialPlan>;

type Case = [raw: string, destClass: DestinationClass, country: string | null];

function expectClasses(site: TestSite, cases: Case[]): void {
  it.each(cases)(`${site}: %s is %s (%s)`, (raw, destClass, country) => {
    const result = classifyNumber(raw, plans[site]);
    expect({ destClass: result.destClass, country: result.country }).toEqual({ destClass, country });
  });
}

describe('Italy (Milan: local 02, outside line 0, extensions 2000-2999)', () => {
  expectClasses('milan', [
    ['+39 333 123 4567', 'mobile', 'IT'],
    ['0 347 123 4567', 'mobile', 'IT'],
    ['02 1234 5678', 'local', 'IT'],
    ['0 02 1234 5678', 'local', 'IT'],
    ['06 1234 5678', 'national', 'IT'],
    ['800 123 456', 'tollfree', 'IT'],
    ['803 123', 'tollfree', 'IT'],
    ['899 123 456', 'premium', 'IT'],
    ['892 123', 'premium', 'IT'],
    ['840 123 456', 'shared_cost', 'IT'],
    ['848 123 456', 'shared_cost', 'IT'],
    ['199 123 456', 'special', 'IT'], // PERSONAL_NUMBER
    ['333 123 45678', 'special', 'IT'], // VOICEMAIL: 11-digit 3xx numbers
    ['112', 'emergency', 'IT'],
    ['113', 'emergency', 'IT'],
    ['115', 'emergency', 'IT'],
    ['118', 'emergency', 'IT'],
    ['187', 'special', 'IT'],
    ['2001', 'internal', null],
    ['sip:alice@contoso.com', 'internal', null],
    ['tel:+390212342001;ext=2001', 'internal', null],
    ['tel:+390212345678;ext=123', 'local', 'IT'],
    ['0044 20 7946 0000', 'international', 'GB'],
    ['+33 6 12 34 56 78', 'international', 'FR'],
    ['+39 06 698 12345', 'international', 'VA'], // the Vatican shares +39 06
    ['+39 55 1234', 'unknown', null],
  ]);
});

describe('United Kingdom (London: local 20, outside line 9, extensions 4000-4999)', () => {
  expectClasses('london', [
    ['07400 123456', 'mobile', 'GB'],
    ['+44 7400 123456', 'mobile', 'GB'],
    ['020 7946 0000', 'local', 'GB'],
    ['9 020 7946 0000', 'local', 'GB'],
    ['0161 496 0000', 'national', 'GB'],
    ['0300 123 4567', 'national', 'GB'], // UAN
    ['0560 123 4567', 'national', 'GB'], // VOIP
    ['0800 123 4567', 'tollfree', 'GB'],
    ['0808 123 4567', 'tollfree', 'GB'],
    ['0906 123 4567', 'premium', 'GB'],
    ['0845 123 4567', 'premium', 'GB'], // no SHARED_COST in GB metadata: 084x/087x are premium
    ['070 1234 5678', 'special', 'GB'], // PERSONAL_NUMBER
    ['07600 212345', 'special', 'GB'], // PAGER
    ['999', 'emergency', 'GB'],
    ['112', 'emergency', 'GB'],
    ['9999', 'emergency', 'GB'],
    ['101', 'special', 'GB'],
    ['4001', 'internal', null],
    ['+44 7911 123456', 'international', 'GG'], // 07911 is Guernsey, not Great Britain
    ['07624 123456', 'international', 'IM'],
    ['+44 7700 900123', 'unknown', null], // Ofcom's drama range: not a valid number
    ['00 39 02 1234 5678', 'international', 'IT'],
  ]);
});

describe('United States (New York: local 212/646, outside line 9, extensions 5000-5999)', () => {
  expectClasses('newYork', [
    // North American numbers do not say whether they are mobile: FIXED_LINE_OR_MOBILE.
    ['(212) 555-0100', 'local', 'US'],
    ['646-234-5678', 'local', 'US'],
    ['9 1 212 555 0100', 'local', 'US'],
    ['1-617-555-0100', 'national', 'US'],
    ['+1 425 555 0100', 'national', 'US'],
    ['1-800-555-0100', 'tollfree', 'US'],
    ['888-555-0100', 'tollfree', 'US'],
    ['1-900-234-5678', 'premium', 'US'],
    ['+1 500 234 5678', 'special', 'US'], // PERSONAL_NUMBER
    ['911', 'emergency', 'US'],
    ['9911', 'emergency', 'US'],
    ['411', 'special', 'US'],
    ['5001', 'internal', null],
    ['+1 416 555 0100', 'international', 'CA'],
    ['011 44 20 7946 0000', 'international', 'GB'],
    ['9 011 39 333 123 4567', 'international', 'IT'],
    ['+1 700 234 5678', 'unknown', null],
  ]);
});

describe('Germany (Berlin: local 30, outside line 0, extensions 200-399)', () => {
  expectClasses('berlin', [
    ['0151 12345678', 'mobile', 'DE'],
    ['0 0176 13123456', 'mobile', 'DE'],
    ['030 12345678', 'local', 'DE'],
    ['0 030 12345678', 'local', 'DE'],
    ['089 1234567', 'national', 'DE'],
    ['0800 1234567', 'tollfree', 'DE'],
    ['0900 1 123456', 'premium', 'DE'],
    ['0180 2 12345', 'shared_cost', 'DE'],
    ['0700 12345678', 'special', 'DE'], // PERSONAL_NUMBER
    ['0168 1234567', 'special', 'DE'], // PAGER
    ['110', 'emergency', 'DE'],
    ['112', 'emergency', 'DE'],
    ['116117', 'special', 'DE'],
    ['250', 'internal', null],
    ['0 00 33 1 40 12 34 56', 'international', 'FR'],
    ['+43 1 234567', 'international', 'AT'],
  ]);
});

describe('France (Paris: local 1, outside line 0, extensions 6000-6999)', () => {
  expectClasses('paris', [
    ['06 12 34 56 78', 'mobile', 'FR'],
    ['07 56 12 34 56', 'mobile', 'FR'],
    ['01 40 12 34 56', 'local', 'FR'],
    ['0 01 40 12 34 56', 'local', 'FR'],
    ['04 91 23 45 67', 'national', 'FR'],
    ['09 70 12 34 56', 'national', 'FR'], // VOIP
    ['0800 12 34 56', 'tollfree', 'FR'],
    ['0805 12 34 56', 'tollfree', 'FR'],
    ['0891 12 34 56', 'premium', 'FR'],
    ['0899 12 34 56', 'premium', 'FR'],
    ['0810 12 34 56', 'shared_cost', 'FR'],
    ['15', 'emergency', 'FR'],
    ['17', 'emergency', 'FR'],
    ['18', 'emergency', 'FR'],
    ['112', 'emergency', 'FR'],
    ['114', 'emergency', 'FR'],
    ['115', 'emergency', 'FR'],
    ['119', 'emergency', 'FR'],
    ['116000', 'emergency', 'FR'],
    ['3949', 'special', 'FR'],
    ['118 218', 'special', 'FR'],
    ['6001', 'internal', null],
    ['+49 30 12345678', 'international', 'DE'],
    ['07 12 34 56 78', 'unknown', null], // 070-072 are not allocated to mobiles
  ]);
});

describe('details', () => {
  it('gives the line type of valid numbers, also abroad', () => {
    expect(classifyNumber('+44 7400 123456', plans.milan).lineType).toBe('MOBILE');
    expect(classifyNumber('+39 333 123 4567', plans.milan).lineType).toBe('MOBILE');
    expect(classifyNumber('112', plans.milan).lineType).toBeNull();
  });

  it('keeps international numbers the metadata calls invalid, with the calling code country', () => {
    const result = classifyNumber('+44 7700 900123', plans.milan);
    expect(result).toMatchObject({ destClass: 'international', country: 'GB', lineType: null });
  });

  it('classifies bad input as unknown without throwing', () => {
    for (const raw of ['', '   ', 'abc', 'anonymous', '+', '12a34', '*21#', 'sip:', 'tel:;ext=1']) {
      for (const plan of Object.values(plans)) {
        expect(classifyNumber(raw, plan)).toEqual({
          normalized: { kind: 'unknown', raw },
          destClass: 'unknown',
          country: null,
          lineType: null,
        });
      }
    }
  });
});
