import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import type { DialPlan } from '../domain/dial-plan.js';
import { LedgerlineError } from '../domain/errors.js';
import {
  readDirectoryFiles,
  type DepartmentEntry,
  type DirectoryEntries,
  type DirectoryFiles,
} from './directory-files.js';

/** How many rows of each kind an import wrote. */
export interface DirectoryImportResult {
  sites: number;
  departments: number;
  users: number;
  numbers: number;
}

/**
 * Imports sites, departments, users and numbers from CSV texts: every reference (parent
 * department, a user's department and site, a number's user and site) is checked against the
 * files and the database first, then everything is written in one transaction, or nothing.
 */
export async function importDirectory(
  database: Database,
  files: DirectoryFiles,
  names: Record<keyof DirectoryFiles, string> = {
    sites: 'sites.csv',
    departments: 'departments.csv',
    users: 'users.csv',
    numbers: 'numbers.csv',
  },
): Promise<DirectoryImportResult> {
  const entries = readDirectoryFiles(files, names);
  const existing = await knownCodes(repositoriesFor(database.kysely, database));
  const ordered = checkReferences(entries, existing, names);
  if (entries.problems.length > 0) {
    throw new LedgerlineError(
      'invalid-input',
      `nothing was imported: ${entries.problems.length} problem${entries.problems.length > 1 ? 's' : ''} in the directory files`,
      entries.problems,
    );
  }
  return inTransaction(database, (repos) => write(repos, entries, ordered));
}

interface KnownCodes {
  sites: Map<string, DialPlan>;
  departments: Set<string>;
  users: Set<string>;
  /** Who (by UPN) named users already hold each SIP address and Entra object id. */
  sipOwners: Map<string, string>;
  entraOwners: Map<string, string>;
}

async function knownCodes(repos: Repositories): Promise<KnownCodes> {
  const [sites, departments, users] = await Promise.all([
    repos.sites.list(),
    repos.departments.list(),
    repos.users.list(),
  ]);
  const named = users.filter((user) => !user.anonymous && user.upn);
  return {
    sites: new Map(sites.map((site) => [site.code, site.dialPlan])),
    departments: new Set(departments.map((department) => department.code)),
    users: new Set(users.flatMap((user) => (user.upn ? [user.upn] : []))),
    sipOwners: new Map(
      named.flatMap((user) => (user.sipUri ? [[user.sipUri, user.upn as string] as const] : [])),
    ),
    entraOwners: new Map(
      named.flatMap((user) =>
        user.entraObjectId ? [[user.entraObjectId.toLowerCase(), user.upn as string] as const] : [],
      ),
    ),
  };
}

/** Adds reference problems to `entries` and returns departments parents-first. */
function checkReferences(
  entries: DirectoryEntries,
  known: KnownCodes,
  names: Record<keyof DirectoryFiles, string>,
): DepartmentEntry[] {
  const problems = entries.problems;
  const dialPlans = new Map(known.sites);
  for (const site of entries.sites) dialPlans.set(site.code, site.dialPlan);
  const departments = new Set([
    ...known.departments,
    ...entries.departments.map((department) => department.code),
  ]);
  const users = new Set([...known.users, ...entries.users.map((user) => user.upn)]);
  const where = (file: keyof DirectoryFiles, line: number) => `${names[file]} line ${line}`;

  for (const department of entries.departments) {
    if (department.parentCode !== null && !departments.has(department.parentCode)) {
      problems.push(
        `${where('departments', department.line)}, parent_code: no department "${department.parentCode}" in the file or the database`,
      );
    }
  }
  // A SIP address or Entra object id names one person: in the files and against the database.
  const sipOwners = new Map(known.sipOwners);
  const entraOwners = new Map(known.entraOwners);
  for (const user of entries.users) {
    for (const [column, value, owners] of [
      ['sip_uri', user.sipUri, sipOwners],
      ['entra_object_id', user.entraObjectId?.toLowerCase() ?? null, entraOwners],
    ] as const) {
      if (value === null) continue;
      const owner = owners.get(value);
      if (owner !== undefined && owner !== user.upn) {
        problems.push(`${where('users', user.line)}, ${column}: ${value} already belongs to ${owner}`);
      }
      owners.set(value, user.upn);
    }
  }
  for (const user of entries.users) {
    if (user.departmentCode !== null && !departments.has(user.departmentCode)) {
      problems.push(
        `${where('users', user.line)}, department_code: no department "${user.departmentCode}" in the file or the database`,
      );
    }
    if (user.siteCode !== null && !dialPlans.has(user.siteCode)) {
      problems.push(
        `${where('users', user.line)}, site_code: no site "${user.siteCode}" in the file or the database`,
      );
    }
  }
  for (const number of entries.numbers) {
    if (!users.has(number.upn))
      problems.push(
        `${where('numbers', number.line)}, upn: no user "${number.upn}" in the file or the database`,
      );
    const plan = dialPlans.get(number.siteCode);
    if (!plan) {
      problems.push(
        `${where('numbers', number.line)}, site_code: no site "${number.siteCode}" in the file or the database`,
      );
    } else if (number.kind === 'extension' && !inRanges(number.number, plan)) {
      const ranges = plan.extensionRanges.map((range) => `${range.from}-${range.to}`).join(', ') || 'none';
      problems.push(
        `${where('numbers', number.line)}, number: extension ${number.number} is outside the site's extension ranges (${ranges})`,
      );
    }
  }
  return parentsFirst(entries.departments, (line) =>
    problems.push(`${where('departments', line)}, parent_code: the departments form a cycle`),
  );
}

function inRanges(extension: string, plan: DialPlan): boolean {
  return plan.extensionRanges.some(
    (range) => extension.length === range.from.length && extension >= range.from && extension <= range.to,
  );
}

function parentsFirst(departments: DepartmentEntry[], onCycle: (line: number) => void): DepartmentEntry[] {
  const byCode = new Map(departments.map((department) => [department.code, department]));
  const ordered: DepartmentEntry[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (department: DepartmentEntry) => {
    const current = state.get(department.code);
    if (current === 'done') return;
    if (current === 'visiting') {
      onCycle(department.line);
      return;
    }
    state.set(department.code, 'visiting');
    const parent = department.parentCode === null ? undefined : byCode.get(department.parentCode);
    if (parent) visit(parent);
    state.set(department.code, 'done');
    ordered.push(department);
  };
  departments.forEach(visit);
  return ordered;
}

async function write(
  repos: Repositories,
  entries: DirectoryEntries,
  departments: DepartmentEntry[],
): Promise<DirectoryImportResult> {
  const siteIds = new Map<string, number>();
  for (const site of entries.sites) {
    siteIds.set(
      site.code,
      await repos.sites.save({
        code: site.code,
        name: site.name,
        timeZone: site.timeZone,
        currency: site.currency,
        dialPlan: site.dialPlan,
      }),
    );
  }
  const siteId = async (code: string) =>
    siteIds.get(code) ?? (await repos.sites.findByCode(code))?.id ?? null;

  const departmentIds = new Map<string, number>();
  const departmentId = async (code: string) =>
    departmentIds.get(code) ?? (await repos.departments.findByCode(code))?.id ?? null;
  for (const department of departments) {
    const parentId = department.parentCode === null ? null : await departmentId(department.parentCode);
    departmentIds.set(
      department.code,
      await repos.departments.save({
        code: department.code,
        name: department.name,
        parentId,
        costCenter: department.costCenter,
        supervisorGroupId: department.supervisorGroupId,
      }),
    );
  }

  const userIds = new Map<string, number>();
  for (const user of entries.users) {
    userIds.set(
      user.upn,
      await repos.users.save({
        upn: user.upn,
        displayName: user.displayName,
        entraObjectId: user.entraObjectId,
        sipUri: user.sipUri,
        departmentId: user.departmentCode === null ? null : await departmentId(user.departmentCode),
        siteId: user.siteCode === null ? null : await siteId(user.siteCode),
      }),
    );
  }
  for (const number of entries.numbers) {
    const userId = userIds.get(number.upn) ?? (await repos.users.findByUpn(number.upn))?.id;
    const site = await siteId(number.siteCode);
    if (userId === undefined || site === null)
      throw new Error(`unresolved reference in ${number.upn} / ${number.siteCode}`);
    await repos.users.setNumber({ userId, siteId: site, kind: number.kind, number: number.number });
  }
  return {
    sites: entries.sites.length,
    departments: entries.departments.length,
    users: entries.users.length,
    numbers: entries.numbers.length,
  };
}
