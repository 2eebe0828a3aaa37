import type { DialPlan, ExtensionRange } from '../domain/dial-plan.js';
import { readCsvRows, type CsvRow } from './csv-rows.js';

/** A site row of sites.csv. */
export interface SiteEntry {
  line: number;
  code: string;
  name: string;
  timeZone: string;
  currency: string;
  dialPlan: DialPlan;
}

/** A department row of departments.csv (the parent by code). */
export interface DepartmentEntry {
  line: number;
  code: string;
  name: string;
  parentCode: string | null;
  costCenter: string | null;
  supervisorGroupId: string | null;
}

/** A user row of users.csv (department and site by code). */
export interface UserEntry {
  line: number;
  upn: string;
  displayName: string;
  departmentCode: string | null;
  siteCode: string | null;
  sipUri: string | null;
  entraObjectId: string | null;
}

/** A number row of numbers.csv. */
export interface NumberEntry {
  line: number;
  upn: string;
  siteCode: string;
  kind: 'e164' | 'extension';
  number: string;
}

/** The directory files of one import, each optional. */
export interface DirectoryFiles {
  sites?: string;
  departments?: string;
  users?: string;
  numbers?: string;
}

/** What the files say, with every problem found in them (file, line and field). */
export interface DirectoryEntries {
  sites: SiteEntry[];
  departments: DepartmentEntry[];
  users: UserEntry[];
  numbers: NumberEntry[];
  problems: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DIGITS = /^\d{1,8}$/;
/** Whether the runtime knows an IANA zone (its canonical list leaves out aliases such as Asia/Kolkata). */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Column names of each file, in the order the documentation gives them. */
export const DIRECTORY_COLUMNS = {
  sites: [
    'code',
    'name',
    'country',
    'time_zone',
    'currency',
    'outside_line_code',
    'international_prefix',
    'national_prefix',
    'extension_ranges',
    'local_area_codes',
  ],
  departments: ['code', 'name', 'parent_code', 'cost_center', 'supervisor_group_id'],
  users: ['upn', 'display_name', 'department_code', 'site_code', 'sip_uri', 'entra_object_id'],
  numbers: ['upn', 'site_code', 'number'],
} as const;

const REQUIRED = {
  sites: ['code', 'name', 'country', 'time_zone', 'currency'],
  departments: ['code', 'name'],
  users: ['upn', 'display_name'],
  numbers: ['upn', 'site_code', 'number'],
};

/**
 * Reads directory CSV files into entries, collecting every problem instead of stopping at the
 * first, so one run tells the administrator everything to fix. Pure: texts in, entries out.
 */
export function readDirectoryFiles(
  files: DirectoryFiles,
  names: Record<keyof DirectoryFiles, string>,
): DirectoryEntries {
  const result: DirectoryEntries = { sites: [], departments: [], users: [], numbers: [], problems: [] };
  const rows = (kind: keyof DirectoryFiles): CsvRow[] => {
    const text = files[kind];
    return text === undefined ? [] : readCsvRows(text, names[kind], REQUIRED[kind]);
  };
  for (const row of rows('sites')) collect(result, names.sites, row, readSite, result.sites);
  for (const row of rows('departments'))
    collect(result, names.departments, row, readDepartment, result.departments);
  for (const row of rows('users')) collect(result, names.users, row, readUser, result.users);
  for (const row of rows('numbers')) collect(result, names.numbers, row, readNumber, result.numbers);
  duplicates(result, names.sites, result.sites, (site) => site.code);
  duplicates(result, names.departments, result.departments, (department) => department.code);
  duplicates(result, names.users, result.users, (user) => user.upn);
  duplicates(result, names.numbers, result.numbers, (number) => `${number.siteCode} ${number.number}`);
  return result;
}

type Problems = string[];
type Reader<T> = (row: CsvRow, problems: Problems) => Omit<T, 'line'>;

function collect<T extends { line: number }>(
  result: DirectoryEntries,
  file: string,
  row: CsvRow,
  read: Reader<T>,
  into: T[],
) {
  const problems: Problems = [];
  const entry = read(row, problems);
  if (problems.length === 0) into.push({ ...entry, line: row.line } as T);
  else result.problems.push(...problems.map((problem) => `${file} line ${row.line}, ${problem}`));
}

function duplicates<T extends { line: number }>(
  result: DirectoryEntries,
  file: string,
  entries: T[],
  key: (entry: T) => string,
) {
  const first = new Map<string, number>();
  for (const entry of entries) {
    const seen = first.get(key(entry));
    if (seen !== undefined)
      result.problems.push(`${file} line ${entry.line}: "${key(entry)}" is already on line ${seen}`);
    else first.set(key(entry), entry.line);
  }
}

function text(
  row: CsvRow,
  column: string,
  problems: Problems,
  required: boolean,
  pattern?: RegExp,
  hint?: string,
): string | null {
  const value = row.values[column]?.trim() ?? '';
  if (value === '') {
    if (required) problems.push(`${column}: required`);
    return null;
  }
  if (pattern && !pattern.test(value)) problems.push(`${column}: "${value}" ${hint ?? 'is not valid'}`);
  return value;
}

function list(value: string | null): string[] {
  return value === null ? [] : value.split(/[\s|]+/).filter(Boolean);
}

function readSite(row: CsvRow, problems: Problems): Omit<SiteEntry, 'line'> {
  const code = text(row, 'code', problems, true, CODE, 'must be letters, digits, "-", "_" or "."') ?? '';
  const country = (
    text(row, 'country', problems, true, /^[A-Za-z]{2}$/, 'is not a two-letter country code') ?? ''
  ).toUpperCase();
  const timeZone = text(row, 'time_zone', problems, true) ?? '';
  if (timeZone && !knownZone(timeZone))
    problems.push(`time_zone: "${timeZone}" is not an IANA time zone (e.g. Europe/Rome)`);
  const currency = (
    text(row, 'currency', problems, true, /^[A-Za-z]{3}$/, 'is not a three-letter currency code') ?? ''
  ).toUpperCase();
  const extensionRanges: ExtensionRange[] = [];
  for (const range of list(text(row, 'extension_ranges', problems, false))) {
    const match = /^(\d{1,8})-(\d{1,8})$/.exec(range);
    if (!match || match[1]!.length !== match[2]!.length || Number(match[1]) > Number(match[2])) {
      problems.push(
        `extension_ranges: "${range}" is not a range like 2000-2999 (same number of digits, low to high)`,
      );
    } else extensionRanges.push({ from: match[1]!, to: match[2]! });
  }
  const localAreaCodes = list(text(row, 'local_area_codes', problems, false));
  for (const areaCode of localAreaCodes) {
    if (!/^\d{1,6}$/.test(areaCode)) problems.push(`local_area_codes: "${areaCode}" is not an area code`);
  }
  return {
    code,
    name: text(row, 'name', problems, true) ?? '',
    timeZone,
    currency,
    dialPlan: {
      country,
      outsideLineCode: text(row, 'outside_line_code', problems, false, DIGITS, 'must be digits'),
      internationalPrefix:
        text(row, 'international_prefix', problems, false, DIGITS, 'must be digits') ?? '00',
      nationalPrefix: text(row, 'national_prefix', problems, false, DIGITS, 'must be digits'),
      extensionRanges,
      localAreaCodes,
    },
  };
}

function readDepartment(row: CsvRow, problems: Problems): Omit<DepartmentEntry, 'line'> {
  return {
    code: text(row, 'code', problems, true, CODE, 'must be letters, digits, "-", "_" or "."') ?? '',
    name: text(row, 'name', problems, true) ?? '',
    parentCode: text(row, 'parent_code', problems, false),
    costCenter: text(row, 'cost_center', problems, false),
    supervisorGroupId: text(
      row,
      'supervisor_group_id',
      problems,
      false,
      GUID,
      'is not an Entra group id (a GUID)',
    ),
  };
}

function readUser(row: CsvRow, problems: Problems): Omit<UserEntry, 'line'> {
  const sipUri = text(
    row,
    'sip_uri',
    problems,
    false,
    /^(sip:)?[^\s@]+@[^\s@]+$/i,
    'is not a SIP URI (sip:user@domain)',
  );
  return {
    upn: (
      text(row, 'upn', problems, true, UPN, 'is not a user principal name (user@domain)') ?? ''
    ).toLowerCase(),
    displayName: text(row, 'display_name', problems, true) ?? '',
    departmentCode: text(row, 'department_code', problems, false),
    siteCode: text(row, 'site_code', problems, false),
    sipUri:
      sipUri === null
        ? null
        : sipUri.toLowerCase().startsWith('sip:')
          ? sipUri.toLowerCase()
          : `sip:${sipUri.toLowerCase()}`,
    entraObjectId: text(row, 'entra_object_id', problems, false, GUID, 'is not an Entra object id (a GUID)'),
  };
}

function readNumber(row: CsvRow, problems: Problems): Omit<NumberEntry, 'line'> {
  const raw = (text(row, 'number', problems, true) ?? '').replace(/[\s().-]/g, '');
  const kind = raw.startsWith('+') ? 'e164' : 'extension';
  if (raw && kind === 'e164' && !/^\+[1-9]\d{5,14}$/.test(raw))
    problems.push(`number: "${raw}" is not an E.164 number (+ and 6 to 15 digits)`);
  if (raw && kind === 'extension' && !/^\d{1,8}$/.test(raw))
    problems.push(`number: "${raw}" is neither +E.164 nor an extension`);
  return {
    upn: (text(row, 'upn', problems, true, UPN, 'is not a user principal name') ?? '').toLowerCase(),
    siteCode: text(row, 'site_code', problems, true) ?? '',
    kind,
    number: raw,
  };
}
