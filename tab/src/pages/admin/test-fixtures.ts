import type { Site } from './admin-types';

/** The Milan site of the tests, as `GET /api/v1/admin/sites` answers it. */
export const MILAN: Site = {
  id: 1,
  code: 'MIL',
  name: 'Milano',
  timeZone: 'Europe/Rome',
  currency: 'EUR',
  dialPlan: {
    country: 'IT',
    outsideLineCode: '0',
    internationalPrefix: '00',
    nationalPrefix: null,
    extensionRanges: [{ from: '2000', to: '2999' }],
    localAreaCodes: ['02'],
  },
};
