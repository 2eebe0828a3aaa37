import { describe, expect, it } from 'vitest';
import type { Department } from '../admin-types';
import { departmentBody, departmentDraftOf, indentDepartments, selfAndBelow } from './department-tree';
import { NEW_SITE, siteBody } from './site-form';
import { numberBody } from './user-number-form';

const department = (id: number, name: string, parentId: number | null): Department => ({
  id,
  code: name.toUpperCase(),
  name,
  parentId,
  costCenter: null,
  supervisorGroupId: null,
});

describe('the site form', () => {
  it('reads lists written with commas into the dial plan', () => {
    const read = siteBody({
      ...NEW_SITE,
      code: 'MIL',
      name: ' Milano ',
      currency: 'eur',
      country: 'it',
      extensionRanges: '2000-2999, 3100-3199',
      localAreaCodes: '02; 031',
    });
    expect(read).toEqual({
      ok: true,
      body: {
        code: 'MIL',
        name: 'Milano',
        timeZone: 'Europe/Rome',
        currency: 'EUR',
        dialPlan: {
          country: 'IT',
          outsideLineCode: '0',
          internationalPrefix: '00',
          nationalPrefix: null,
          extensionRanges: [
            { from: '2000', to: '2999' },
            { from: '3100', to: '3199' },
          ],
          localAreaCodes: ['02', '031'],
        },
      },
    });
  });

  it('names the fields the API would refuse', () => {
    expect(
      siteBody({ ...NEW_SITE, code: '', name: 'X', timeZone: 'Mars/Olympus', extensionRanges: '2999-2000' }),
    ).toEqual({ ok: false, problems: ['code', 'timeZone', 'extensionRanges'] });
  });
});

describe('departments', () => {
  const departments = [
    department(3, 'Sales Italy', 1),
    department(1, 'Sales', null),
    department(4, 'Milan desk', 3),
    department(2, 'Finance', null),
  ];

  it('are shown as a tree, each under its parent, siblings by name', () => {
    expect(indentDepartments(departments).map(({ department: d, depth }) => `${depth}:${d.name}`)).toEqual([
      '0:Finance',
      '0:Sales',
      '1:Sales Italy',
      '2:Milan desk',
    ]);
  });

  it('cannot be put under themselves or what is below them', () => {
    expect([...selfAndBelow(departments, 1)].sort()).toEqual([1, 3, 4]);
  });

  it('send the parent and empty fields as null, and refuse a group id that is not a GUID', () => {
    const draft = { ...departmentDraftOf(null), code: 'HR', name: 'People', parentId: '2' };
    expect(departmentBody(draft)).toEqual({
      ok: true,
      body: { code: 'HR', name: 'People', parentId: 2, costCenter: null, supervisorGroupId: null },
    });
    expect(departmentBody({ ...draft, supervisorGroupId: 'sales-managers' })).toEqual({
      ok: false,
      problems: ['supervisorGroupId'],
    });
  });
});

describe('a user’s number', () => {
  it('is an E.164 number without spacing, or an extension', () => {
    expect(numberBody({ siteId: '1', number: '+39 02 1234-5678', reassign: false })).toEqual({
      ok: true,
      body: { siteId: 1, number: '+390212345678', reassign: false },
    });
    expect(numberBody({ siteId: '1', number: '2001', reassign: true })).toMatchObject({ ok: true });
    expect(numberBody({ siteId: '1', number: '02 1234', reassign: false })).toMatchObject({ ok: true });
    expect(numberBody({ siteId: '1', number: 'abc', reassign: false })).toEqual({
      ok: false,
      problem: 'number',
    });
    expect(numberBody({ siteId: '', number: '2001', reassign: false })).toEqual({
      ok: false,
      problem: 'siteId',
    });
  });
});
