import { describeConnectionError } from '../db/database-check.js';
import { openCdrSource } from '../recorder/cdr-source-factory.js';
import type { CdrSource } from '../recorder/cdr-source.js';
import { messageOf, notConfigured, type CheckResult, type DoctorSettings } from './doctor-check.js';

const NAME = 'LcsCDR call records';

/**
 * The recorder's source answers and its login can read what the recorder reads: a session joined
 * to its VoIP details, users, phones, gateways and Mediation Servers, and the purge settings. Only
 * reads (a SQLite replica is opened read-only).
 */
export async function checkLcsCdr(settings: DoctorSettings): Promise<CheckResult> {
  if (!settings.lcscdrConfigured) return notConfigured(NAME, 'LEDGERLINE_LCSCDR_URL or recorder.lcscdrUrl');
  let source: CdrSource;
  try {
    source = openCdrSource(settings.lcscdrUrl);
  } catch (error) {
    return { name: NAME, status: 'fail', summary: messageOf(error), fix: 'correct LEDGERLINE_LCSCDR_URL' };
  }
  try {
    const batch = await source.read(null, 1);
    const purge = await source.purgeHorizon(Date.now());
    const kept = purge ? `, LcsCDR keeps ${purge.keepDays} days` : ', LcsCDR does not purge';
    return {
      name: NAME,
      status: batch.last === null ? 'warn' : 'ok',
      summary: `${source.description}: ${batch.last === null ? 'readable but holds no sessions' : `readable, oldest session ${batch.last}`}${kept}`,
      ...(batch.last === null
        ? { fix: 'check this is the LcsCDR of the pool that records calls (CDR must be enabled)' }
        : {}),
    };
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: `cannot read ${source.description}: ${describeConnectionError(error)}`,
      fix: 'check the server and the login: it needs read access (db_datareader) on LcsCDR, see infra/sql/lcscdr-readonly-login.sql',
    };
  } finally {
    await source.close();
  }
}
