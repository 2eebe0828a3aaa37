import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { readDirectoryFiles } from '../directory/directory-files.js';
import { NumberClassifier } from '../miner/number-classifier.js';
import { parseTariffFile } from '../tariffs/tariff-file.js';
import { buildDemoCompany, DEMO_COMPANY } from './demo-company.js';
import { demoDirectoryFiles } from './demo-directory-files.js';

const company = DEMO_COMPANY;
const classifier = new NumberClassifier(new Map(company.sites.map((site) => [site.code, site.dialPlan])));

describe('the demo company', () => {
  it('has about 300 people in two sites, a few of them without a direct number', () => {
    expect(company.users.length).toBeGreaterThanOrEqual(280);
    expect(company.users.length).toBeLessThanOrEqual(320);
    expect(company.users.filter((user) => user.siteCode === 'MIL').length).toBeGreaterThan(150);
    expect(company.users.filter((user) => user.siteCode === 'LON').length).toBeGreaterThan(90);
    const withoutDid = company.users.filter((user) => user.did === null);
    expect(withoutDid.length).toBeGreaterThanOrEqual(5);
    expect(withoutDid.length).toBeLessThan(30);
  });

  it('gives everyone a unique address, name and SIP URI', () => {
    for (const key of ['upn', 'displayName', 'sipUri', 'entraObjectId'] as const) {
      expect(new Set(company.users.map((user) => user[key])).size).toBe(company.users.length);
    }
    for (const user of company.users) {
      expect(user.upn).toMatch(/^[a-z]+\.[a-z]+@contoso\.com$/);
      expect(user.sipUri).toBe(`sip:${user.upn}`);
    }
  });

  it('gives extensions inside the site range, one person each', () => {
    for (const site of company.sites) {
      const people = company.users.filter((user) => user.siteCode === site.code);
      const extensions = people.map((user) => user.extension);
      expect(new Set(extensions).size).toBe(people.length);
      const [range] = site.dialPlan.extensionRanges;
      for (const extension of extensions) {
        expect(extension >= range!.from && extension <= range!.to, extension).toBe(true);
      }
      for (const phone of company.unlistedPhones.filter((p) => p.siteCode === site.code)) {
        expect(extensions).not.toContain(phone.extension);
      }
    }
  });

  it('gives valid direct numbers in the site block, each mapping to one person and their extension', () => {
    const owners = new Map<string, string[]>();
    for (const user of company.users) {
      if (user.did === null) continue;
      owners.set(user.did, [...(owners.get(user.did) ?? []), user.upn]);
      const site = company.sites.find((candidate) => candidate.code === user.siteCode)!;
      const phone = parsePhoneNumberFromString(user.did);
      expect(phone?.isValid(), user.did).toBe(true);
      expect(phone?.country).toBe(site.dialPlan.country);
      expect(user.did).toBe(`${site.didPrefix}${user.extension}`);
      // Dialled from its own site, a colleague's DID is a local call.
      expect(classifier.classify(site.code, user.did).destClass).toBe('local');
    }
    for (const [did, upns] of owners) expect(upns, did).toHaveLength(1);
    for (const site of company.sites) {
      expect(owners.has(site.mainNumber), site.mainNumber).toBe(true);
      expect(parsePhoneNumberFromString(site.mainNumber)?.isValid()).toBe(true);
    }
  });

  it('has a department tree with cost centers and distinct supervisor groups', () => {
    const codes = new Set(company.departments.map((department) => department.code));
    for (const department of company.departments) {
      if (department.parentCode !== null) expect(codes.has(department.parentCode)).toBe(true);
      expect(department.costCenter).toMatch(/^CC-\d{3}$/);
    }
    const groups = company.departments.map((department) => department.supervisorGroupId);
    expect(new Set([...groups, company.adminGroupId]).size).toBe(groups.length + 1);
    for (const user of company.users) expect(codes.has(user.departmentCode)).toBe(true);
    expect(
      company.departments.filter((department) => department.parentCode === 'SALES').map((d) => d.code),
    ).toEqual(expect.arrayContaining(['SALES-IT', 'SALES-UK']));
  });

  it('maps every gateway to its site, and names personas that exist', () => {
    expect(company.siteByGateway).toEqual({
      'gw-mil-1.contoso.com': 'MIL',
      'gw-mil-2.contoso.com': 'MIL',
      'gw-lon-1.contoso.com': 'LON',
    });
    const upns = new Set(company.users.map((user) => user.upn));
    for (const persona of Object.values(company.personas)) expect(upns.has(persona.upn)).toBe(true);
  });

  it('writes directory files the import reads without a problem', () => {
    const entries = readDirectoryFiles(demoDirectoryFiles(company), {
      sites: 'sites.csv',
      departments: 'departments.csv',
      users: 'users.csv',
      numbers: 'numbers.csv',
    });
    expect(entries.problems).toEqual([]);
    expect(entries.sites.map((site) => site.dialPlan)).toEqual(company.sites.map((site) => site.dialPlan));
    expect(entries.users).toHaveLength(company.users.length);
    expect(entries.numbers).toHaveLength(
      company.users.length + company.users.filter((user) => user.did !== null).length,
    );
  });

  it('has tariff files that parse, one per site carrier, in the site currency', () => {
    for (const site of company.sites) {
      const carrier = company.carriers.find((candidate) => candidate.code === site.carrierCode)!;
      const tariff = parseTariffFile(carrier.tariffYaml, { fileName: `${carrier.code}.yaml` });
      expect(tariff.carrier).toEqual({ code: carrier.code, name: carrier.name });
      expect(tariff.plan.currency).toBe(site.currency);
      expect(tariff.plan.rates.length).toBeGreaterThan(20);
      expect(tariff.plan.timeBands.length).toBe(3);
    }
  });

  it('is the same for the same seed, and other people for another', () => {
    expect(buildDemoCompany()).toEqual(DEMO_COMPANY);
    const other = buildDemoCompany('another seed');
    expect(other.users.map((user) => user.upn)).not.toEqual(company.users.map((user) => user.upn));
    expect(other.users.map((user) => user.extension)).toEqual(company.users.map((user) => user.extension));
  });
});
