import type { Kysely } from 'kysely';
import { AlarmMeasureRepository } from './alarm-measure.repository.js';
import { AlarmRuleRepository } from './alarm-rule.repository.js';
import { AlarmRepository } from './alarm.repository.js';
import { AuditLogRepository } from './audit-log.repository.js';
import type { BillingSchema } from './billing-schema.js';
import { BotChannelSettingRepository } from './bot-channel-setting.repository.js';
import { BotConversationRepository } from './bot-conversation.repository.js';
import { BotSubscriptionRepository } from './bot-subscription.repository.js';
import { CallListRepository } from './call-list.repository.js';
import { CallRepository } from './call.repository.js';
import { CarrierRepository } from './carrier.repository.js';
import { CheckpointRepository } from './checkpoint.repository.js';
import type { Database } from './database.js';
import { DepartmentRepository } from './department.repository.js';
import { RecorderSeenRepository } from './recorder-seen.repository.js';
import { RejectRepository } from './reject.repository.js';
import { OutboxRepository } from './outbox.repository.js';
import { ReportScheduleRepository } from './report-schedule.repository.js';
import { ReportRepository } from './report.repository.js';
import { RollupRepository } from './rollup.repository.js';
import { RoutingRuleRepository } from './routing-rule.repository.js';
import { ScheduleRunRepository } from './schedule-run.repository.js';
import { SiteRepository } from './site.repository.js';
import { SpoolFileRepository } from './spool-file.repository.js';
import { TariffPlanRepository } from './tariff-plan.repository.js';
import { UserRepository } from './user.repository.js';

/** Every repository, bound to one connection or transaction. */
export interface Repositories {
  sites: SiteRepository;
  departments: DepartmentRepository;
  users: UserRepository;
  carriers: CarrierRepository;
  tariffPlans: TariffPlanRepository;
  routingRules: RoutingRuleRepository;
  calls: CallRepository;
  rollups: RollupRepository;
  reports: ReportRepository;
  callList: CallListRepository;
  spoolFiles: SpoolFileRepository;
  rejects: RejectRepository;
  checkpoints: CheckpointRepository;
  recorderSeen: RecorderSeenRepository;
  auditLog: AuditLogRepository;
  botConversations: BotConversationRepository;
  botChannelSettings: BotChannelSettingRepository;
  botSubscriptions: BotSubscriptionRepository;
  outbox: OutboxRepository;
  schedules: ReportScheduleRepository;
  scheduleRuns: ScheduleRunRepository;
  alarmRules: AlarmRuleRepository;
  alarms: AlarmRepository;
  alarmMeasures: AlarmMeasureRepository;
}

/** What repositories need of the engine besides a Kysely instance. */
export type EngineAccess = Pick<Database, 'adapter' | 'bulk'>;

/** Repositories on `db` (the database itself or a transaction of it). */
export function repositoriesFor(
  db: Kysely<BillingSchema>,
  engine: EngineAccess,
  now: () => number = Date.now,
): Repositories {
  const { adapter, bulk } = engine;
  return {
    sites: new SiteRepository(db, adapter),
    departments: new DepartmentRepository(db, adapter),
    users: new UserRepository(db, adapter, now),
    carriers: new CarrierRepository(db, adapter),
    tariffPlans: new TariffPlanRepository(db, adapter, bulk, now),
    routingRules: new RoutingRuleRepository(db, adapter),
    calls: new CallRepository(db, adapter, bulk, now),
    rollups: new RollupRepository(db, adapter, bulk),
    reports: new ReportRepository(db, adapter),
    callList: new CallListRepository(db, adapter),
    spoolFiles: new SpoolFileRepository(db, adapter, now),
    rejects: new RejectRepository(db, adapter, bulk, now),
    checkpoints: new CheckpointRepository(db, now),
    recorderSeen: new RecorderSeenRepository(db, adapter, bulk),
    auditLog: new AuditLogRepository(db, adapter, now),
    botConversations: new BotConversationRepository(db, now),
    botChannelSettings: new BotChannelSettingRepository(db, now),
    botSubscriptions: new BotSubscriptionRepository(db, adapter, now),
    outbox: new OutboxRepository(db, adapter, now),
    schedules: new ReportScheduleRepository(db, adapter, now),
    scheduleRuns: new ScheduleRunRepository(db, adapter, now),
    alarmRules: new AlarmRuleRepository(db, adapter, now),
    alarms: new AlarmRepository(db, adapter),
    alarmMeasures: new AlarmMeasureRepository(db),
  };
}

/**
 * Runs `work` in one transaction with repositories bound to it: everything it writes commits
 * together or not at all.
 */
export function inTransaction<T>(
  database: Database,
  work: (repositories: Repositories) => Promise<T>,
): Promise<T> {
  return database.kysely.transaction().execute((trx) => work(repositoriesFor(trx, database)));
}
