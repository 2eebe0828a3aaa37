import { madeUpObjectId } from '../auth/demo-sign-in.js';
import type { Database } from '../db/database.js';
import type { ReportScheduleInput } from '../db/report-schedule.repository.js';
import { repositoriesFor } from '../db/repositories.js';
import { reportScheduleInputSchema } from '../schedules/schedule-definition.js';
import { DEMO_COMPANY, type DemoCompany } from './demo-company.js';

/** The demo team's Finance channel, where the weekly card is posted once the bot is installed there. */
export const DEMO_FINANCE_CHANNEL = 'channel:19:contoso-trading@thread.tacv2/19:finance@thread.tacv2';

/**
 * The demo company's scheduled reports: the monthly cost by department as a PDF e-mailed to the
 * Sales supervisor (made with their rights, so it holds their departments only), and a weekly
 * top-destinations card to the Finance channel (the schedule's own, company-wide scope).
 */
export function demoSchedules(company: DemoCompany = DEMO_COMPANY): ReportScheduleInput[] {
  const timeZone = company.sites[0]?.timeZone ?? 'Europe/Rome';
  return [
    {
      name: 'Monthly department cost',
      report: 'departments',
      filters: {},
      period: 'last-month',
      format: 'pdf',
      recipients: [`person:${company.personas.supervisor.upn}`],
      cron: '0 7 1 * *',
      timeZone,
      enabled: true,
    },
    {
      name: 'Weekly top destinations',
      report: 'destinations',
      filters: {},
      period: 'last-week',
      format: 'card',
      recipients: [DEMO_FINANCE_CHANNEL],
      cron: '0 8 * * 1',
      timeZone,
      enabled: true,
    },
  ].map((schedule) => reportScheduleInputSchema.parse(schedule));
}

/**
 * Installs the demo's schedules that are not there yet (by name), created by the demo's admin
 * persona, and lets the Finance channel they post to see the company's figures; returns how many
 * schedules were added. Running it again adds nothing.
 */
export async function installDemoSchedules(
  database: Database,
  company: DemoCompany = DEMO_COMPANY,
  now: () => number = Date.now,
): Promise<number> {
  const repos = repositoriesFor(database.kysely, database, now);
  const existing = new Set((await repos.schedules.list()).map((schedule) => schedule.name));
  const admin = await repos.users.findByUpn(company.personas.admin.upn);
  const createdBy = admin?.entraObjectId ?? madeUpObjectId(company.personas.admin.upn);
  let added = 0;
  for (const schedule of demoSchedules(company)) {
    if (existing.has(schedule.name)) continue;
    await repos.schedules.create(schedule, createdBy);
    added++;
  }
  // The Finance channel is shown the company's figures, as an admin would say with `channel show company`.
  const [teamId = '', channelId = ''] = DEMO_FINANCE_CHANNEL.slice('channel:'.length).split('/');
  if (!(await repos.botChannelSettings.get(channelId)))
    await repos.botChannelSettings.set(channelId, { kind: 'company' }, createdBy, teamId);
  return added;
}
