import { stringify } from 'csv-stringify/sync';
import { DIRECTORY_COLUMNS, type DirectoryFiles } from '../directory/directory-files.js';
import type { DemoCompany } from './demo-company.js';

function csv(columns: readonly string[], rows: readonly (string | null)[][]): string {
  return stringify(
    rows.map((row) => row.map((value) => value ?? '')),
    { header: true, columns: [...columns] },
  );
}

/**
 * The demo company as the four directory CSV files of docs/directory.md, so the demo loads it the
 * way an administrator loads a real company (`ledgerline directory import`), through the same checks.
 */
export function demoDirectoryFiles(company: DemoCompany): Required<DirectoryFiles> {
  return {
    sites: csv(
      DIRECTORY_COLUMNS.sites,
      company.sites.map(({ code, name, timeZone, currency, dialPlan }) => [
        code,
        name,
        dialPlan.country,
        timeZone,
        currency,
        dialPlan.outsideLineCode,
        dialPlan.internationalPrefix,
        dialPlan.nationalPrefix,
        dialPlan.extensionRanges.map((range) => `${range.from}-${range.to}`).join('|'),
        dialPlan.localAreaCodes.join('|'),
      ]),
    ),
    departments: csv(
      DIRECTORY_COLUMNS.departments,
      company.departments.map((department) => [
        department.code,
        department.name,
        department.parentCode,
        department.costCenter,
        department.supervisorGroupId,
      ]),
    ),
    users: csv(
      DIRECTORY_COLUMNS.users,
      company.users.map((user) => [
        user.upn,
        user.displayName,
        user.departmentCode,
        user.siteCode,
        user.sipUri,
        user.entraObjectId,
      ]),
    ),
    numbers: csv(
      DIRECTORY_COLUMNS.numbers,
      company.users.flatMap((user) => [
        [user.upn, user.siteCode, user.extension],
        ...(user.did === null ? [] : [[user.upn, user.siteCode, user.did]]),
      ]),
    ),
  };
}
