import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../domain/call-record.js';
import type { Site } from '../domain/site.js';
import type { User } from '../domain/user.js';
import { mineCallRecord, type MinedRecord } from './call-record-miner.js';
import { MiningTablesBuilder } from './mining-tables.js';
import { milan as milanSite } from '../db/test-fixtures.js';
import { testRecord } from './test-company.js';

const milan: Site = { id: 1, ...milanSite };
const london: Site = {
  id: 2,
  code: 'LON',
  name: 'London',
  timeZone: 'Europe/London',
  currency: 'GBP',
  dialPlan: {
    country: 'GB',
    outsideLineCode: '9',
    internationalPrefix: '00',
    nationalPrefix: '0',
    extensionRanges: [{ from: '4000', to: '4999' }],
    localAreaCodes: ['20'],
  },
};
const user = (id: number, name: string, siteId: number): User => ({
  id,
  upn: `${name}@contoso.com`,
  displayName: name,
  entraObjectId: null,
  sipUri: `sip:${name}@contoso.com`,
  departmentId: 10,
  siteId,
  anonymous: false,
});

const tables = new MiningTablesBuilder().build({
  sites: [milan, london],
  users: [user(1, 'anna', 1), user(2, 'reception', 1), user(3, 'james', 2)],
  numbers: [
    { userId: 1, siteId: 1, kind: 'extension', number: '2001' },
    { userId: 1, siteId: 1, kind: 'e164', number: '+390212342001' },
    { userId: 2, siteId: 1, kind: 'e164', number: '+390280002000' },
    { userId: 2, siteId: 1, kind: 'extension', number: '2000' },
    { userId: 3, siteId: 2, kind: 'extension', number: '4001' },
  ],
  routingRules: [],
  plans: [],
});

const mine = (fields: Partial<CallRecord>): MinedRecord => mineCallRecord(testRecord(fields), tables);
const call = (mined: MinedRecord) => {
  if (mined.kind !== 'call')
    throw new Error(`expected a call, got an unknown ${mined.party.kind} ${mined.party.value}`);
  return mined.call;
};

describe('mineCallRecord: whose call it is', () => {
  it('knows the caller by SIP address before any number', () => {
    const mined = call(mine({ caller: { uri: 'sip:Anna@contoso.com', number: '+390212349999' } }));
    expect(mined).toMatchObject({ userId: 1, siteId: 1 });
  });

  it('charges an unknown extension behind the switchboard number to that extension, not to the switchboard', () => {
    const mined = mine({ caller: { uri: null, number: '+390280002000;ext=2690' } });
    expect(mined).toMatchObject({
      kind: 'unknown-party',
      party: { kind: 'extension', value: '2690', site: { code: 'MIL' } },
    });
  });

  it('finds the site of an extension when the call names none', () => {
    expect(
      call(mine({ site: null, direction: 'internal', caller: { uri: null, number: '4001' }, trunk: null })),
    ).toMatchObject({ userId: 3, siteId: 2 });
    expect(
      mine({ site: null, direction: 'internal', caller: { uri: null, number: '2690' }, trunk: null }),
    ).toMatchObject({
      kind: 'unknown-party',
      party: { kind: 'extension', value: '2690', site: { code: 'MIL' } },
    });
  });

  it('prices a call where it went out, and charges it to the user\u2019s own site', () => {
    // James (London) calls a London number through Milan's gateway: Milan's plan reads the number
    // (international from Italy) and Milan's routes pick the carrier; the call stays London's.
    const mined = call(
      mine({
        site: 'MIL',
        caller: { uri: 'sip:james@contoso.com', number: null },
        callee: { uri: null, number: '+442079460018' },
      }),
    );
    expect(mined).toMatchObject({
      siteId: 2,
      sourceSite: 'MIL',
      destNumber: '+442079460018',
      destClass: 'international',
      destCountry: 'GB',
    });
  });

  it('classes an inbound caller who withheld the number as unknown, not internal', () => {
    const mined = call(
      mine({
        direction: 'inbound',
        caller: { uri: 'sip:anonymous@anonymous.invalid', number: null },
        callee: { uri: 'sip:anna@contoso.com', number: '+390212342001' },
      }),
    );
    expect(mined).toMatchObject({ userId: 1, destClass: 'unknown', ratingStatus: 'free' });
  });
});
