import { describe, expect, it } from 'vitest';
import type { Site } from '../domain/site.js';
import type { User } from '../domain/user.js';
import { planDirectorySync, type DirectorySnapshot, type EntraUser } from './entra-sync-plan.js';

const site = (id: number, code: string, name: string, country: string): Site => ({
  id,
  code,
  name,
  timeZone: country === 'IT' ? 'Europe/Rome' : 'Europe/London',
  currency: country === 'IT' ? 'EUR' : 'GBP',
  dialPlan: {
    country,
    outsideLineCode: '0',
    internationalPrefix: '00',
    nationalPrefix: country === 'IT' ? null : '0',
    extensionRanges: [],
    localAreaCodes: [],
  },
});

const anna: User = {
  id: 1,
  upn: 'anna.rossi@contoso.com',
  displayName: 'Anna Rossi',
  entraObjectId: '11111111-1111-1111-1111-111111111111',
  sipUri: 'sip:anna.rossi@contoso.com',
  departmentId: 10,
  siteId: 1,
  anonymous: false,
};

const snapshot: DirectorySnapshot = {
  sites: [site(1, 'MIL', 'Milano', 'IT'), site(2, 'LON', 'London', 'GB')],
  departments: [
    { id: 10, code: 'SALES', name: 'Sales', parentId: null, costCenter: null, supervisorGroupId: null },
  ],
  users: [
    anna,
    {
      ...anna,
      id: 2,
      upn: null,
      displayName: 'Extension 2999',
      entraObjectId: null,
      sipUri: null,
      anonymous: true,
    },
  ],
  numbers: [{ userId: 1, siteId: 1, kind: 'e164', number: '+390212342001' }],
};

const entra = (fields: Partial<EntraUser> & { id: string }): EntraUser => ({
  userPrincipalName: null,
  displayName: null,
  ...fields,
});

describe('planning a directory sync from Entra ID', () => {
  it('leaves a user who has not changed alone, and keeps their number', () => {
    const plan = planDirectorySync(snapshot, [
      entra({
        id: anna.entraObjectId!,
        userPrincipalName: 'Anna.Rossi@contoso.com',
        displayName: 'Anna Rossi',
        department: 'sales',
        officeLocation: 'Milano',
        businessPhones: ['+39 02 1234 2001'],
      }),
    ]);
    expect(plan).toMatchObject({ users: [], numbers: [], departments: [], unchangedUsers: 1 });
  });

  it('follows a renamed UPN by the Entra object id, and says what changed', () => {
    const plan = planDirectorySync(snapshot, [
      entra({
        id: anna.entraObjectId!.toUpperCase(),
        userPrincipalName: 'anna.bianchi@contoso.com',
        displayName: 'Anna Bianchi',
        department: 'Marketing & PR',
        officeLocation: 'London, 2nd floor',
        imAddresses: ['anna.bianchi@contoso.com'],
      }),
    ]);
    expect(plan.departments).toEqual([{ code: 'MARKETING-PR', name: 'Marketing & PR' }]);
    expect(plan.users).toEqual([
      {
        id: 1,
        upn: 'anna.bianchi@contoso.com',
        displayName: 'Anna Bianchi',
        entraObjectId: anna.entraObjectId,
        sipUri: 'sip:anna.bianchi@contoso.com',
        departmentCode: 'MARKETING-PR',
        siteCode: 'LON',
        changes: [
          'upn anna.rossi@contoso.com -> anna.bianchi@contoso.com',
          'displayName Anna Rossi -> Anna Bianchi',
          'sipUri sip:anna.rossi@contoso.com -> sip:anna.bianchi@contoso.com',
          'departmentCode SALES -> MARKETING-PR',
          'siteCode MIL -> LON',
        ],
      },
    ]);
  });

  it('creates new users with their department, site by office, numbers in E.164, and the UPN as SIP address', () => {
    const plan = planDirectorySync(
      snapshot,
      [
        entra({
          id: 'a',
          userPrincipalName: 'luca@contoso.com',
          displayName: 'Luca',
          department: 'Sales',
          officeLocation: 'MIL',
          businessPhones: ['02 1234 5678'],
          mobilePhone: '+39 333 123 4567',
        }),
        entra({
          id: 'b',
          userPrincipalName: 'kate@contoso.com',
          displayName: 'Kate',
          department: 'Support',
          businessPhones: ['020 7946 0018'],
        }),
        entra({
          id: 'c',
          userPrincipalName: 'sam@contoso.com',
          displayName: 'Sam',
          department: 'support',
          officeLocation: 'Dublin',
        }),
      ],
      { defaultSiteCode: 'LON' },
    );
    expect(plan.departments).toEqual([{ code: 'SUPPORT', name: 'Support' }]);
    expect(plan.users.map((user) => [user.upn, user.departmentCode, user.siteCode, user.sipUri])).toEqual([
      ['luca@contoso.com', 'SALES', 'MIL', 'sip:luca@contoso.com'],
      ['kate@contoso.com', 'SUPPORT', 'LON', 'sip:kate@contoso.com'],
      ['sam@contoso.com', 'SUPPORT', 'LON', 'sip:sam@contoso.com'],
    ]);
    expect(plan.numbers).toEqual([
      { upn: 'luca@contoso.com', siteCode: 'MIL', number: '+390212345678', from: null },
      { upn: 'luca@contoso.com', siteCode: 'MIL', number: '+393331234567', from: null },
      { upn: 'kate@contoso.com', siteCode: 'LON', number: '+442079460018', from: null },
    ]);
  });

  it('moves a number to its new holder, and names what it cannot read or attach', () => {
    const plan = planDirectorySync(snapshot, [
      entra({
        id: 'd',
        userPrincipalName: 'new@contoso.com',
        officeLocation: 'Milano',
        businessPhones: ['+39 02 1234 2001', 'ext. 12'],
      }),
      entra({ id: 'e', userPrincipalName: 'nosite@contoso.com', businessPhones: ['+44 20 7946 0000'] }),
      entra({ id: 'f', userPrincipalName: null }),
      entra({ id: 'g', userPrincipalName: 'gone@contoso.com', accountEnabled: false }),
    ]);
    expect(plan.numbers).toEqual([
      { upn: 'new@contoso.com', siteCode: 'MIL', number: '+390212342001', from: 'anna.rossi@contoso.com' },
    ]);
    expect(plan.unreadable).toEqual([
      'new@contoso.com: "ext. 12" is not a phone number',
      'nosite@contoso.com: +44 20 7946 0000 not attached: the user has no site',
    ]);
    expect(plan.skipped).toEqual(['f: no user principal name', 'gone@contoso.com: disabled in Entra ID']);
  });

  it('gives a number two people list to the first, and says so', () => {
    const plan = planDirectorySync(snapshot, [
      entra({
        id: 'h',
        userPrincipalName: 'first@contoso.com',
        officeLocation: 'London',
        businessPhones: ['020 7946 0500'],
      }),
      entra({
        id: 'i',
        userPrincipalName: 'second@contoso.com',
        officeLocation: 'London',
        businessPhones: ['+44 20 7946 0500'],
      }),
    ]);
    expect(plan.numbers).toEqual([
      { upn: 'first@contoso.com', siteCode: 'LON', number: '+442079460500', from: null },
    ]);
    expect(plan.unreadable).toEqual([
      'second@contoso.com: +442079460500 is also listed for first@contoso.com, who keeps it',
    ]);
  });
});
