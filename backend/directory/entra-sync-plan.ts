import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Department } from '../domain/department.js';
import type { Site } from '../domain/site.js';
import type { User, UserNumber } from '../domain/user.js';

/** A user as Microsoft Graph's `/users` returns it, with the properties directory sync selects. */
export interface EntraUser {
  id: string;
  userPrincipalName: string | null;
  displayName: string | null;
  department?: string | null;
  officeLocation?: string | null;
  businessPhones?: readonly string[] | null;
  mobilePhone?: string | null;
  accountEnabled?: boolean | null;
  /** SIP addresses (Skype for Business / Teams), without `sip:`. */
  imAddresses?: readonly string[] | null;
}

/** The properties directory sync asks Graph for (`$select`). */
export const ENTRA_USER_FIELDS = [
  'id',
  'userPrincipalName',
  'displayName',
  'department',
  'officeLocation',
  'businessPhones',
  'mobilePhone',
  'accountEnabled',
  'imAddresses',
] as const;

/** The directory as it is, read before a sync plans what to change. */
export interface DirectorySnapshot {
  sites: readonly Site[];
  departments: readonly Department[];
  users: readonly User[];
  numbers: readonly UserNumber[];
}

/** How to read Entra ID's users into sites. */
export interface DirectorySyncOptions {
  /** Site of a user whose office location names none (a site code); none: such users get no site. */
  defaultSiteCode?: string;
}

/** A department to create, from a `department` attribute nobody's department has yet. */
export interface NewDepartment {
  code: string;
  name: string;
}

/** A user to create or update: `id` null to create. Departments and sites by code. */
export interface UserChange {
  id: number | null;
  upn: string;
  displayName: string;
  entraObjectId: string;
  sipUri: string | null;
  departmentCode: string | null;
  siteCode: string | null;
  /** What changed, for the summary ("department Sales -> Marketing"). */
  changes: string[];
}

/** A number to give a user (by UPN) at a site: taken from whoever had it there. */
export interface NumberChange {
  upn: string;
  siteCode: string;
  number: string;
  /** The user who had it, when it moves. */
  from: string | null;
}

/** What a sync will do, and what it could not read. */
export interface DirectorySyncPlan {
  departments: NewDepartment[];
  users: UserChange[];
  numbers: NumberChange[];
  unchangedUsers: number;
  /** Users left out: no UPN, or disabled and not in the directory yet. */
  skipped: string[];
  /** Phone numbers that are not numbers of the user's site's country or abroad, and users with no site for theirs. */
  unreadable: string[];
}

/**
 * Plans a directory sync from Entra ID: each enabled user with a UPN becomes (or updates) the
 * directory user with the same Entra object id, else the same UPN; their `department` attribute
 * names a department (matched by name or code, created when new); their office location names a
 * site (by code or name, else the default site); their business and mobile phones become E.164
 * numbers at that site. Pure: the snapshot and the users in, the changes out.
 */
export function planDirectorySync(
  snapshot: DirectorySnapshot,
  entraUsers: Iterable<EntraUser>,
  options: DirectorySyncOptions = {},
): DirectorySyncPlan {
  const plan: DirectorySyncPlan = {
    departments: [],
    users: [],
    numbers: [],
    unchangedUsers: 0,
    skipped: [],
    unreadable: [],
  };
  const departments = new DepartmentNames(snapshot.departments, plan.departments);
  const sites = new SiteNames(snapshot.sites, options.defaultSiteCode);
  const byObjectId = new Map(
    snapshot.users.flatMap((user) => (user.entraObjectId ? [[user.entraObjectId.toLowerCase(), user]] : [])),
  );
  const byUpn = new Map(snapshot.users.flatMap((user) => (user.upn ? [[user.upn.toLowerCase(), user]] : [])));
  const usersById = new Map(snapshot.users.map((user) => [user.id, user]));
  const departmentCodes = new Map(snapshot.departments.map((department) => [department.id, department.code]));
  const siteCodes = new Map(snapshot.sites.map((site) => [site.id, site.code]));
  // Who holds each number at each site now (a directory user's id), and who claims it in Entra ID.
  const holders = new Map(
    snapshot.numbers.map((number) => [`${number.siteId}|${number.number}`, number.userId]),
  );
  const claimed = new Map<string, string>();

  for (const entra of entraUsers) {
    const upn = entra.userPrincipalName?.trim().toLowerCase() ?? '';
    if (!upn) {
      plan.skipped.push(`${entra.id}: no user principal name`);
      continue;
    }
    const existing = byObjectId.get(entra.id.toLowerCase()) ?? byUpn.get(upn);
    if (entra.accountEnabled === false && !existing) {
      plan.skipped.push(`${upn}: disabled in Entra ID`);
      continue;
    }
    const site = sites.find(entra.officeLocation ?? null);
    const wanted = {
      upn,
      displayName: entra.displayName?.trim() || upn,
      entraObjectId: entra.id.toLowerCase(),
      sipUri: sipAddressOf(entra, existing),
      departmentCode: departments.codeFor(entra.department ?? null),
      siteCode: site?.code ?? null,
    };
    if (existing) {
      const was = {
        upn: existing.upn ?? '',
        displayName: existing.displayName,
        entraObjectId: existing.entraObjectId?.toLowerCase() ?? null,
        sipUri: existing.sipUri,
        departmentCode:
          existing.departmentId === null ? null : (departmentCodes.get(existing.departmentId) ?? null),
        siteCode: existing.siteId === null ? null : (siteCodes.get(existing.siteId) ?? null),
      };
      // An attribute Entra ID leaves empty does not take away what the directory has.
      if (wanted.departmentCode === null) wanted.departmentCode = was.departmentCode;
      if (wanted.siteCode === null) wanted.siteCode = was.siteCode;
      const changes = (Object.keys(wanted) as (keyof typeof wanted)[])
        .filter((key) => wanted[key] !== was[key])
        .map((key) => `${key} ${was[key] ?? '(none)'} -> ${wanted[key] ?? '(none)'}`);
      if (changes.length > 0) plan.users.push({ id: existing.id, ...wanted, changes });
      else plan.unchangedUsers++;
    } else {
      plan.users.push({ id: null, ...wanted, changes: ['new'] });
    }

    const phones = [...(entra.businessPhones ?? []), ...(entra.mobilePhone ? [entra.mobilePhone] : [])];
    const siteCode = wanted.siteCode;
    const siteOfUser = siteCode === null ? null : sites.byCode(siteCode);
    for (const phone of phones) {
      if (!siteOfUser) {
        plan.unreadable.push(`${upn}: ${phone} not attached: the user has no site`);
        continue;
      }
      const parsed = parsePhoneNumberFromString(phone, siteOfUser.dialPlan.country as CountryCode);
      if (!parsed?.isValid()) {
        plan.unreadable.push(`${upn}: "${phone}" is not a phone number`);
        continue;
      }
      const key = `${siteOfUser.id}|${parsed.number}`;
      const first = claimed.get(key);
      if (first !== undefined) {
        if (first !== upn)
          plan.unreadable.push(`${upn}: ${parsed.number} is also listed for ${first}, who keeps it`);
        continue;
      }
      claimed.set(key, upn);
      const holder = holders.get(key);
      if (holder !== undefined && holder === existing?.id) continue;
      const from =
        holder === undefined
          ? null
          : (usersById.get(holder)?.upn ?? usersById.get(holder)?.displayName ?? null);
      plan.numbers.push({
        upn,
        siteCode: siteOfUser.code,
        number: parsed.number,
        from: holder === undefined ? null : (from ?? `user ${holder}`),
      });
    }
  }
  return plan;
}

function sipAddressOf(entra: EntraUser, existing: User | undefined): string | null {
  const im = entra.imAddresses?.find((address) => address.includes('@'));
  if (im) return `sip:${im.replace(/^sip:/i, '').toLowerCase()}`;
  // Without a SIP address in Entra ID the directory's stays; a new user's is their UPN, as in
  // most Skype for Business and Teams tenants.
  if (existing) return existing.sipUri;
  return entra.userPrincipalName ? `sip:${entra.userPrincipalName.toLowerCase()}` : null;
}

/** Departments by name and code, creating codes for new names. */
class DepartmentNames {
  private readonly byName = new Map<string, string>();
  private readonly codes = new Set<string>();

  constructor(
    existing: readonly Department[],
    private readonly created: NewDepartment[],
  ) {
    for (const department of existing) {
      this.byName.set(department.name.trim().toLowerCase(), department.code);
      this.byName.set(department.code.toLowerCase(), department.code);
      this.codes.add(department.code);
    }
  }

  codeFor(name: string | null): string | null {
    const text = name?.trim();
    if (!text) return null;
    const known = this.byName.get(text.toLowerCase());
    if (known) return known;
    const base =
      text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 56) || 'DEPARTMENT';
    let code = base;
    for (let n = 2; this.codes.has(code); n++) code = `${base}-${n}`;
    this.codes.add(code);
    this.byName.set(text.toLowerCase(), code);
    this.created.push({ code, name: text.slice(0, 200) });
    return code;
  }
}

/** Sites by code and name, for reading office locations. */
class SiteNames {
  private readonly sites: readonly Site[];
  private readonly fallback: Site | null;

  constructor(sites: readonly Site[], defaultCode: string | undefined) {
    this.sites = sites;
    this.fallback =
      defaultCode === undefined ? null : (sites.find((site) => site.code === defaultCode) ?? null);
  }

  byCode(code: string): Site | null {
    return this.sites.find((site) => site.code === code) ?? null;
  }

  /** The site an office location names: its code or name exactly, else as a word in it, else the default. */
  find(office: string | null): Site | null {
    const text = office?.trim().toLowerCase() ?? '';
    if (text) {
      const exact = this.sites.find(
        (site) => site.code.toLowerCase() === text || site.name.toLowerCase() === text,
      );
      if (exact) return exact;
      const words = new Set(text.split(/[^\p{L}\p{N}]+/u));
      const named = this.sites.find(
        (site) => words.has(site.code.toLowerCase()) || words.has(site.name.toLowerCase()),
      );
      if (named) return named;
    }
    return this.fallback;
  }
}
