import { checkBillingDatabase } from './billing-database-check.js';
import { checkBotCredentials } from './bot-credentials-check.js';
import type { CheckResult, DoctorCheck, DoctorSettings } from './doctor-check.js';
import { messageOf } from './doctor-check.js';
import { checkGraph } from './graph-check.js';
import { checkLcsCdr } from './lcscdr-check.js';
import { checkMail } from './mail-check.js';
import { checkSpoolFolder } from './spool-folder-check.js';

/** The checks `ledgerline doctor` runs, in the order it prints them. */
export const DOCTOR_CHECKS: readonly DoctorCheck[] = [
  checkBillingDatabase,
  checkLcsCdr,
  checkSpoolFolder,
  checkGraph,
  checkBotCredentials,
  checkMail,
];

/** Runs every check, one after another; a check that throws counts as failed, the rest still run. */
export async function runDoctor(
  settings: DoctorSettings,
  checks: readonly DoctorCheck[] = DOCTOR_CHECKS,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      results.push(await check(settings));
    } catch (error) {
      results.push({ name: check.name, status: 'fail', summary: messageOf(error) });
    }
  }
  return results;
}

/** The results as lines a person reads: `OK    name  summary`, then `      fix: …`. */
export function formatResults(results: readonly CheckResult[]): string[] {
  const width = Math.max(...results.map((result) => result.name.length));
  return results.flatMap((result) => [
    `${(result.status === 'skipped' ? '-' : result.status.toUpperCase()).padEnd(5)} ${result.name.padEnd(width)}  ${result.summary}`,
    ...(result.fix && result.status !== 'ok' ? [`${' '.repeat(6)}fix: ${result.fix}`] : []),
  ]);
}
