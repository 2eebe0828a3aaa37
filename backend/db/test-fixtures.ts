import type { RatedCall } from '../domain/rated-call.js';
import type { TariffPlan } from '../rating/tariff-plan.js';
import type { SiteInput } from './site.repository.js';

/** Milan: an Italian site with 2xxx extensions and "0" for an outside line. */
export const milan: SiteInput = {
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

/** A rated outbound call; `n` makes the source id and the figures differ from call to call. */
export function sampleCall(n: number, fields: Partial<RatedCall> = {}): RatedCall {
  const startedAt = Date.UTC(2026, 0, 5, 9, 0, 0) + n * 60_000;
  return {
    source: 'sfb',
    sourceId: `2026-01-05T09:00:00.000Z#${n}`,
    startedAt,
    answeredAt: startedAt + 5_000,
    endedAt: startedAt + 5_000 + (n % 300) * 1000,
    durationSec: n % 300,
    ringSec: 5,
    direction: 'outbound',
    answered: true,
    responseCode: 200,
    caller: { uri: 'sip:anna.rossi@contoso.com', number: null },
    callee: { uri: null, number: `+3902${String(10_000_000 + n)}` },
    trunk: 'gw-mil-1',
    sourceSite: 'MIL',
    callerNormalized: '2001',
    calleeNormalized: `+3902${String(10_000_000 + n)}`,
    userId: null,
    departmentId: null,
    siteId: null,
    carrierId: null,
    planId: null,
    rateId: null,
    destNumber: `+3902${String(10_000_000 + n)}`,
    destClass: 'local',
    destCountry: 'IT',
    label: 'Italy',
    cost: 10_000 + n,
    currency: 'EUR',
    billedSec: (n % 300) + 1,
    ratingStatus: 'rated',
    ratingReason: null,
    localDay: 20260105,
    localHour: 10,
    localWeekday: 1,
    ...fields,
  };
}

/** A plan with `count` prefix rates and a peak band, as a carrier's deck would give. */
export function samplePlan(count: number, fields: Partial<TariffPlan> = {}): TariffPlan {
  return {
    name: 'Business 2026',
    currency: 'EUR',
    activeFrom: Date.UTC(2026, 0, 1),
    timeBands: [{ name: 'peak', weekdays: [1, 2, 3, 4, 5], from: '08:00', to: '18:30' }],
    rounding: { decimals: 4, method: 'up' },
    rates: Array.from({ length: count }, (_, i) => ({
      prefix: String(390_000 + i),
      destClass: null,
      country: null,
      label: `Destination ${i}`,
      connectFee: i % 3 === 0 ? 50_000 : 0,
      intervals: [
        { fromSec: 0, incrementSec: 30, pricePerMinute: 20_000 + i },
        { fromSec: 30, incrementSec: 6, pricePerMinute: 20_000 + i },
      ],
      bandIntervals: { peak: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 30_000 + i }] },
      minCharge: 0,
      maxCost: i % 2 === 0 ? null : 5_000_000,
      unansweredCharge: 0,
    })),
    ...fields,
  };
}
