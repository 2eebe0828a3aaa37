/** What a check found: works, works with a caveat, broken, or not configured. */
export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** One check's verdict, with what is wrong and how to fix it when it is not OK. */
export interface CheckResult {
  /** What was checked, e.g. "billing database". */
  name: string;
  status: CheckStatus;
  /** What was found, in a line. */
  summary: string;
  /** What to do about it (warn and fail). */
  fix?: string;
}

/** Settings the checks read: the merged environment and the places the command resolved. */
export interface DoctorSettings {
  env: Readonly<Record<string, string | undefined>>;
  /** The billing database URL (from --db, the settings or the data folder). */
  databaseUrl: string;
  /** The LcsCDR URL the recorder would read, and whether it was configured or is the default. */
  lcscdrUrl: string;
  lcscdrConfigured: boolean;
  spoolDir: string;
  /** True when the spool folder was named (--spool), false for the data folder's default. */
  spoolNamed: boolean;
}

/** A check of one outside dependency; never throws: a failure is a result. */
export type DoctorCheck = (settings: DoctorSettings) => Promise<CheckResult>;

/** A skipped check's result: what to set to have it checked. */
export function notConfigured(name: string, set: string): CheckResult {
  return { name, status: 'skipped', summary: `skipped (not configured: set ${set})` };
}

/** The message of anything thrown, for a result line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
