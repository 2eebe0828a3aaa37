import type { DialPlan } from '../domain/dial-plan.js';

/**
 * Dial plans of five fictional offices, one per country the tests cover, shaped like the real
 * PBXs there (outside-line code, trunk prefix, four- or three-digit extensions, the city's codes).
 */
export const TEST_DIAL_PLANS = {
  milan: {
    country: 'IT',
    outsideLineCode: '0',
    internationalPrefix: '00',
    nationalPrefix: null,
    extensionRanges: [{ from: '2000', to: '2999' }],
    localAreaCodes: ['02'],
  },
  london: {
    country: 'GB',
    outsideLineCode: '9',
    internationalPrefix: '00',
    nationalPrefix: '0',
    extensionRanges: [{ from: '4000', to: '4999' }],
    localAreaCodes: ['20'],
  },
  newYork: {
    country: 'US',
    outsideLineCode: '9',
    internationalPrefix: '011',
    nationalPrefix: '1',
    extensionRanges: [{ from: '5000', to: '5999' }],
    localAreaCodes: ['212', '646'],
  },
  berlin: {
    country: 'DE',
    outsideLineCode: '0',
    internationalPrefix: '00',
    nationalPrefix: '0',
    extensionRanges: [{ from: '200', to: '399' }],
    localAreaCodes: ['30'],
  },
  paris: {
    country: 'FR',
    outsideLineCode: '0',
    internationalPrefix: '00',
    nationalPrefix: '0',
    extensionRanges: [{ from: '6000', to: '6999' }],
    localAreaCodes: ['1'],
  },
} satisfies Record<string, DialPlan>;

/** A site name of TEST_DIAL_PLANS. */
export type TestSite = keyof typeof TEST_DIAL_PLANS;
