import { startAlarmEvaluator } from '../alarms/alarm-evaluator.js';
import type { GraphTokenSource } from '../auth/graph-token-source.js';
import type { NotifySettings } from '../config/notify-settings.js';
import type { Database } from '../db/database.js';
import { repositoriesFor } from '../db/repositories.js';
import type { Principal } from '../domain/principal.js';
import type { GroupMembers } from '../notify/graph-group-members.js';
import { createNotifiers } from '../notify/notifier.js';
import { startOutboxWorker } from '../notify/outbox-worker.js';
import { loadCompanyLogo } from '../reports/company-logo.js';
import { startReportScheduler, type ReportSchedulerOptions } from '../schedules/report-scheduler.js';
import type { ReportScheduler } from '../schedules/report-scheduler.js';
import type { Reporter } from './reporter.js';
import type { BotAdapter } from '../../bot/bot-adapter.js';
import type { PrincipalSource } from '../../bot/bot-principals.js';

/** What the server runs besides answering requests: alarms, scheduled reports and delivery. */
export interface AutomationSettings {
  notify: NotifySettings;
  /** The company's time zone: bot subscriptions are sent at 07:00 there. */
  timeZone: string;
  /** The tab's address, for the links in cards and e-mails. */
  tabUrl: string | null;
  /** A PNG or JPEG file for PDF and HTML reports. */
  logoFile: string | null;
  /** How often budget, anomaly and health rules are evaluated. */
  alarmIntervalMs: number;
  maskDigits: number;
}

/** What automation is started with, beyond its settings. */
export interface AutomationSetup {
  database: Database;
  spoolDir: string;
  reporter: Reporter;
  settings: AutomationSettings;
  /** Whose rights a report sent to a person is made with; null without sign-in settings. */
  principals: PrincipalSource | null;
  /** The bot, for Teams delivery; null without one. */
  bot: BotAdapter | null;
  /** App-only Graph access (group members, Graph mail); null without a client secret. */
  graph: { graphUrl: string; tokens: Pick<GraphTokenSource, 'appOnly'> } | null;
  /** Group members from elsewhere than Graph (the demo's personas). */
  groupMembers?: GroupMembers;
  now?: () => number;
}

/** Automation, running. */
export interface RunningAutomation {
  /** For "send now" in the admin API. */
  reportScheduler: ReportScheduler;
  stop(): Promise<void>;
}

/**
 * Starts the alarm evaluator, the report scheduler and the outbox worker. Each is safe with
 * several servers on one database (unique alarm keys, leased runs and messages), so every server
 * runs all three.
 */
export async function startAutomation(setup: AutomationSetup): Promise<RunningAutomation> {
  const { database, reporter, settings } = setup;
  const now = setup.now ?? Date.now;
  const made = createNotifiers({
    settings: settings.notify,
    bot: setup.bot,
    repos: repositoriesFor(database.kysely, database),
    graph: setup.graph,
  });
  const notifiers = setup.groupMembers ? { ...made, groups: setup.groupMembers } : made;
  if (!notifiers.email)
    reporter.info(
      'alarms and reports are not sent by e-mail: set LEDGERLINE_MAIL_TRANSPORT (docs/configuration.md)',
    );
  if (!notifiers.teams) reporter.info('alarms and reports are not sent to Teams: the bot is not configured');
  const logo = settings.logoFile ? await loadCompanyLogo(settings.logoFile) : null;
  const alarms = startAlarmEvaluator({
    database,
    now,
    intervalMs: settings.alarmIntervalMs,
    spoolDir: setup.spoolDir,
    reporter,
  });
  const schedulerOptions: ReportSchedulerOptions = {
    database,
    now,
    principals: { principalOf: (person) => principalOf(setup, person) },
    reporter,
    logo,
    maskedDigits: settings.maskDigits,
    tabUrl: settings.tabUrl,
    timeZone: settings.timeZone,
    groups: notifiers.groups,
  };
  const scheduler = startReportScheduler(schedulerOptions);
  const outbox = startOutboxWorker({
    database,
    notifiers,
    now,
    maxAttempts: settings.notify.maxAttempts,
    tabUrl: settings.tabUrl,
    reporter,
  });
  return {
    reportScheduler: scheduler.scheduler,
    async stop() {
      await Promise.all([alarms.stop(), scheduler.stop(), outbox.stop()]);
    },
  };
}

/**
 * A schedule's recipient as the bot's principal source knows people: by Entra object id (the
 * scheduler has already taken it from the directory when the schedule names the person by UPN).
 */
async function principalOf(
  { principals }: AutomationSetup,
  person: { objectId: string | null; upn: string | null },
): Promise<Principal | null> {
  return principals?.principalOf({ objectId: person.objectId, teamsUserId: '', name: person.upn }) ?? null;
}
