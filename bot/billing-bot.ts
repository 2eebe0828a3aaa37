import type { ApiRoute } from '../backend/api/api-route.js';
import type { Database } from '../backend/db/database.js';
import { repositoriesFor } from '../backend/db/repositories.js';
import { ReportService } from '../backend/reports/report.service.js';
import { AlarmService } from '../backend/alarms/alarm.service.js';
import { alarmServiceSource } from './alarm-source.js';
import { botEndpoint, createBotAdapter, type BotAdapter } from './bot-adapter.js';
import type { BotConfig } from './bot-config.js';
import type { BotLog } from './bot-error-reply.js';
import type { PrincipalSource } from './bot-principals.js';
import { botRoutes } from './bot-route.js';
import { BillingBotService } from './billing-bot.service.js';
import { ConversationRegistry } from './conversation-registry.js';
import { LedgerlineBot } from './ledgerline-bot.js';
import { TeamsNotifier } from './teams-notifier.js';

/** What the billing bot is built from. */
export interface BillingBotSetup {
  database: Database;
  /** The Azure Bot's settings; null runs the bot unauthenticated (only demo mode may). */
  config: BotConfig | null;
  principals: PrincipalSource;
  tabUrl: string | null;
  timeZone: string;
  maskDigits: number;
  log: BotLog;
}

/** The bot, ready to mount: its route and its notifier for proactive delivery. */
export interface BillingBot {
  routes: ApiRoute[];
  notifier: TeamsNotifier;
  /** The adapter, for delivery made outside a turn (the outbox's Teams notifier). */
  adapter: BotAdapter;
  appId: string;
}

/** The billing bot's composition root: adapter, handler, services and the notifier. */
export function createBillingBot(setup: BillingBotSetup): BillingBot {
  const repos = repositoriesFor(setup.database.kysely, setup.database);
  const service = new BillingBotService({
    repos,
    reports: new ReportService(repos, { maskedDigits: setup.maskDigits }),
    principals: setup.principals,
    alarms: alarmServiceSource(new AlarmService(setup.database)),
    tabUrl: setup.tabUrl,
    timeZone: setup.timeZone,
    log: setup.log,
  });
  const handler = new LedgerlineBot(service, new ConversationRegistry(repos));
  const adapter = createBotAdapter(setup.config);
  adapter.adapter.onTurnError = async (context, error) => {
    setup.log.error('bot: a turn failed', {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    if (context.activity.type === 'message')
      await context.sendActivity(
        'Something went wrong on my side, and it has been logged. Please try again later.',
      );
  };
  return {
    routes: botRoutes(botEndpoint(adapter, (context) => handler.run(context))),
    notifier: new TeamsNotifier(adapter, repos),
    adapter,
    appId: adapter.appId,
  };
}
