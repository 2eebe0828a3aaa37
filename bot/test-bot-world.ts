import { parseAuthConfig, type AuthConfig } from '../backend/auth/auth-config.js';
import { createAuthenticator } from '../backend/auth/authenticator.js';
import type { Database } from '../backend/db/database.js';
import { migrateToLatest } from '../backend/db/migrations/migrate.js';
import { repositoriesFor, type Repositories } from '../backend/db/repositories.js';
import { ReportService } from '../backend/reports/report.service.js';
import { seedReportData, type ReportData } from '../backend/reports/test-report-data.js';
import { EntraStandIn } from '../backend/testing/entra-stand-in.js';
import { AlarmService } from '../backend/alarms/alarm.service.js';
import { alarmServiceSource } from './alarm-source.js';
import { BillingBotService } from './billing-bot.service.js';
import type { BotLog } from './bot-error-reply.js';
import { directoryPrincipals } from './bot-principals.js';
import { ConversationRegistry } from './conversation-registry.js';

export const TENANT = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const CLIENT_ID = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
export const CLIENT_SECRET = 'bot-test-secret';
/** The Azure Bot's app registration in the same tenant. */
export const BOT_APP_ID = '4e5f6071-8293-4dae-9f20-3b4c5d6e7f80';
export const BOT_SECRET = 'bot-app-secret';
export const ADMIN_GROUP = '2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e';
export const SALES_GROUP = '3d4e5f60-7182-4c9d-8e1f-2a3b4c5d6e7f';
/** Entra object ids of the people the tests write as. */
export const PEOPLE = {
  anna: 'a0000000-0000-4000-8000-00000000a001', // employee in Sales
  bruno: 'b0000000-0000-4000-8000-00000000b002', // supervisor of Sales (and Sales North)
  carla: 'c0000000-0000-4000-8000-00000000c003', // admin
  stranger: 'd0000000-0000-4000-8000-00000000d004', // in the tenant, not in the directory
} as const;
/** 5 December 2026 in Milan: "last month" is the November of the report data set. */
export const TODAY = new Date('2026-12-05T10:00:00Z');
export const TAB_URL = 'https://ledgerline.contoso.com';

/** A billing database with the report data set, a local Entra ID, and the bot's services on them. */
export interface BotWorld {
  database: Database;
  repos: Repositories;
  data: ReportData;
  entra: EntraStandIn;
  authConfig: AuthConfig;
  service: BillingBotService;
  registry: ConversationRegistry;
  logged: string[];
  close(): Promise<void>;
}

/**
 * Sets up the world on a freshly opened, empty database. `botAppId` differs per engine in tests
 * that post as the bot: the SDK keeps the bot's tokens per app id for the life of the process.
 */
export async function openBotWorld(database: Database, botAppId: string = BOT_APP_ID): Promise<BotWorld> {
  await migrateToLatest(database);
  const data = await seedReportData(database);
  const repos = repositoriesFor(database.kysely, database);
  const sales = await repos.departments.get(data.departments.sales);
  if (sales) await repos.departments.update(sales.id, { ...sales, supervisorGroupId: SALES_GROUP });
  for (const [key, objectId] of [
    ['anna', PEOPLE.anna],
    ['bruno', PEOPLE.bruno],
    ['carla', PEOPLE.carla],
  ] as const) {
    const user = await repos.users.get(data.users[key]);
    if (user)
      await repos.users.update(user.id, { ...user, upn: user.upn as string, entraObjectId: objectId });
  }
  const entra = await EntraStandIn.start({
    tenantId: TENANT,
    clients: [
      { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      { clientId: botAppId, clientSecret: BOT_SECRET },
    ],
    memberships: {
      [PEOPLE.bruno]: [SALES_GROUP],
      [PEOPLE.carla]: [ADMIN_GROUP],
      [PEOPLE.anna]: [],
      [PEOPLE.stranger]: [],
    },
  });
  const authConfig = parseAuthConfig({
    tenantId: TENANT,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    authorityUrl: entra.url,
    graphUrl: entra.url,
    adminGroupId: ADMIN_GROUP,
  });
  const logged: string[] = [];
  const log: BotLog = {
    warn: (message) => logged.push(`warn ${message}`),
    error: (message, fields) => logged.push(`error ${message} ${JSON.stringify(fields)}`),
  };
  const service = new BillingBotService({
    repos,
    reports: new ReportService(repos),
    principals: directoryPrincipals(createAuthenticator(authConfig, repos)),
    alarms: alarmServiceSource(new AlarmService(database, () => TODAY.getTime())),
    tabUrl: TAB_URL,
    timeZone: 'Europe/Rome',
    now: () => TODAY,
    log,
  });
  return {
    database,
    repos,
    data,
    entra,
    authConfig,
    service,
    registry: new ConversationRegistry(repos),
    logged,
    close: async () => {
      await entra.close();
      await database.close();
    },
  };
}
