import { existsSync } from 'node:fs';
import { connect } from '../db/connect.js';
import { checkDatabase } from '../db/database-check.js';
import { pendingMigrations } from '../db/migrations/migrate.js';
import { sqliteFileOf } from '../db/sqlite/sqlite-connection.js';
import { messageOf, type CheckResult, type DoctorSettings } from './doctor-check.js';

const NAME = 'billing database';

/** The billing database answers and its schema has every migration (what every command needs). */
export async function checkBillingDatabase(settings: DoctorSettings): Promise<CheckResult> {
  const file = sqliteFileOf(settings.databaseUrl);
  if (file !== null && !existsSync(file))
    return {
      name: NAME,
      status: 'fail',
      summary: `no billing database at ${file}`,
      fix: 'run `ledgerline migrate` to create it, or choose another with --db, LEDGERLINE_DB_URL or database.url',
    };
  let database;
  try {
    database = connect(settings.databaseUrl);
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: messageOf(error),
      fix: 'correct LEDGERLINE_DB_URL (or --db)',
    };
  }
  try {
    await checkDatabase(database);
    const pending = await pendingMigrations(database);
    if (pending.length > 0)
      return {
        name: NAME,
        status: 'fail',
        summary: `${database.description} is not up to date (${pending.join(', ')} not applied)`,
        fix: 'run `ledgerline migrate` (back the database up first)',
      };
    return { name: NAME, status: 'ok', summary: `${database.description}: answers, schema up to date` };
  } catch (error) {
    return {
      name: NAME,
      status: 'fail',
      summary: messageOf(error),
      fix: 'check the server is running, and the URL, user and password in LEDGERLINE_DB_URL',
    };
  } finally {
    await database.close();
  }
}
