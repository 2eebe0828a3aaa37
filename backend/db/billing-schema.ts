import type { Generated } from 'kysely';

/**
 * The billing database as Kysely sees it. Times are UTC epoch milliseconds; money columns end in
 * `_micro` (integer micro-units); booleans are 0/1 smallints so every engine reads them alike;
 * JSON columns hold validated documents written by their repository only.
 */
export interface BillingSchema {
  sites: SiteTable;
  departments: DepartmentTable;
  users: UserTable;
  user_numbers: UserNumberTable;
  carriers: CarrierTable;
  tariff_plans: TariffPlanTable;
  rates: RateTable;
  routing_rules: RoutingRuleTable;
  calls: CallTable;
  daily_rollups: DailyRollupTable;
  daily_site_rollups: DailySiteRollupTable;
  spool_files: SpoolFileTable;
  rejects: RejectTable;
  recorder_checkpoints: RecorderCheckpointTable;
  recorder_seen: RecorderSeenTable;
  audit_log: AuditLogTable;
  bot_conversations: BotConversationTable;
  bot_channel_settings: BotChannelSettingTable;
  bot_subscriptions: BotSubscriptionTable;
  alarm_rules: AlarmRuleTable;
  alarms: AlarmTable;
  report_schedules: ReportScheduleTable;
  schedule_runs: ScheduleRunTable;
  outbox: OutboxTable;
}

/** A place with its own time zone, currency and dial plan. */
export interface SiteTable {
  id: Generated<number>;
  code: string;
  name: string;
  country: string;
  time_zone: string;
  currency: string;
  outside_line_code: string | null;
  international_prefix: string;
  national_prefix: string | null;
  /** JSON: ExtensionRange[] */
  extension_ranges: string;
  /** JSON: string[] */
  local_area_codes: string;
}

/** A node of the organization tree; supervisors are members of its Entra group. */
export interface DepartmentTable {
  id: Generated<number>;
  code: string;
  name: string;
  parent_id: number | null;
  cost_center: string | null;
  supervisor_group_id: string | null;
}

/** A person (or an anonymous extension) calls are charged to. */
export interface UserTable {
  id: Generated<number>;
  upn: string | null;
  display_name: string;
  entra_object_id: string | null;
  sip_uri: string | null;
  department_id: number | null;
  site_id: number | null;
  anonymous: number;
  created_at: number;
}

/** A user's phone number (E.164) or extension at a site. */
export interface UserNumberTable {
  id: Generated<number>;
  user_id: number;
  site_id: number;
  kind: 'e164' | 'extension';
  number: string;
}

/** A telephone company whose tariff prices calls. */
export interface CarrierTable {
  id: Generated<number>;
  code: string;
  name: string;
}

/** A carrier's plan, in force from `active_from` until the next. */
export interface TariffPlanTable {
  id: Generated<number>;
  carrier_id: number;
  name: string;
  currency: string;
  active_from: number;
  rounding_decimals: number;
  rounding_method: 'up' | 'down' | 'half-up';
  /** JSON: TimeBand[] */
  time_bands: string;
  imported_at: number;
}

/** One destination's price within a plan. */
export interface RateTable {
  id: Generated<number>;
  plan_id: number;
  prefix: string | null;
  dest_class: string | null;
  country: string | null;
  label: string;
  connect_fee_micro: number;
  /** JSON: PriceInterval[] */
  intervals: string;
  /** JSON: Record<string, PriceInterval[]> */
  band_intervals: string;
  min_charge_micro: number;
  max_cost_micro: number | null;
  unanswered_charge_micro: number;
}

/** Which carrier a call goes out on. */
export interface RoutingRuleTable {
  id: Generated<number>;
  priority: number;
  site_id: number | null;
  trunk: string | null;
  prefix: string | null;
  carrier_id: number;
}

/** A rated call: the CallRecord as recorded plus everything the miner worked out. */
export interface CallTable {
  id: Generated<number>;
  source: string;
  source_id: string;
  started_at: number;
  answered_at: number | null;
  ended_at: number;
  duration_sec: number;
  ring_sec: number;
  direction: 'outbound' | 'inbound' | 'internal';
  answered: number;
  response_code: number | null;
  caller_uri: string | null;
  caller_number: string | null;
  callee_uri: string | null;
  callee_number: string | null;
  trunk: string | null;
  source_site: string | null;
  caller_normalized: string | null;
  callee_normalized: string | null;
  user_id: number | null;
  department_id: number | null;
  site_id: number | null;
  carrier_id: number | null;
  plan_id: number | null;
  rate_id: number | null;
  /** The external number the call was rated on (E.164), if any. */
  dest_number: string | null;
  dest_class: string;
  dest_country: string | null;
  label: string | null;
  cost_micro: number;
  currency: string | null;
  billed_sec: number;
  rating_status: 'rated' | 'unrated' | 'free';
  rating_reason: string | null;
  local_day: number;
  local_hour: number;
  local_weekday: number;
  spool_file_id: number | null;
  mined_at: number;
}

/**
 * Sums of calls per local day and reporting dimensions, kept by the miner so dashboards never
 * scan calls. Dimension columns are never null (0 or '' stand for "none") so the key is one
 * unique index on every engine.
 */
export interface DailyRollupTable {
  local_day: number;
  site_id: number;
  department_id: number;
  user_id: number;
  carrier_id: number;
  dest_class: string;
  dest_country: string;
  direction: string;
  calls: number;
  answered: number;
  duration_sec: number;
  billed_sec: number;
  cost_micro: number;
  unrated: number;
}

/**
 * The daily rollups summed over departments and users: one row per day, site, carrier,
 * destination class, country and direction, a fraction of the per-user rows. Company-wide reports
 * that neither filter nor group by department or user read these.
 */
export type DailySiteRollupTable = Omit<DailyRollupTable, 'department_id' | 'user_id'>;

/** A spool file the miner has taken in, with what it found. */
export interface SpoolFileTable {
  id: Generated<number>;
  name: string;
  status: 'done';
  lines: number;
  calls: number;
  duplicates: number;
  rejected: number;
  finished_at: number;
}

/** A spool line that could not be taken in, kept with the reason. */
export interface RejectTable {
  id: Generated<number>;
  file: string;
  line: number;
  reason: string;
  raw: string | null;
  created_at: number;
}

/** Where a recorder source stopped reading, so a restart resumes exactly there. */
export interface RecorderCheckpointTable {
  source: string;
  position: string;
  updated_at: number;
}

/** A session a recorder has written out, kept while it may still be read again (its look-back). */
export interface RecorderSeenTable {
  source: string;
  session_key: string;
  started_at: number;
}

/** One change made through administration: who, when, what, and the entity before and after. */
export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_object_id: string;
  actor_name: string | null;
  action: 'create' | 'update' | 'delete' | 'import' | 'rerate';
  entity_type: string;
  entity_key: string;
  /** JSON: the entity before the change (null when created). */
  before_json: string | null;
  /** JSON: the entity after the change (null when deleted). */
  after_json: string | null;
  request_id: string | null;
}

/** A conversation the bot is installed in, with the reference it needs to post there later. */
export interface BotConversationTable {
  conversation_id: string;
  kind: 'personal' | 'groupChat' | 'channel';
  tenant_id: string | null;
  /** The team, for a channel conversation (its General channel's id, as Teams names teams). */
  team_id: string | null;
  /** The Teams channel id, for a channel conversation. */
  channel_id: string | null;
  /** Whose personal chat it is (Entra object id), for a personal conversation. */
  user_object_id: string | null;
  service_url: string;
  /** JSON: the Bot Framework ConversationReference. */
  reference_json: string;
  installed_at: number;
}

/** What a shared conversation (a channel or a group chat) may be shown, as an admin set it. */
export interface BotChannelSettingTable {
  /** The Teams channel id, or the group chat's conversation id. */
  conversation_key: string;
  /** The channel's team (its General channel's id); null for a group chat. */
  team_id: string | null;
  department_id: number | null;
  /** 1 when company-wide figures may be shown there. */
  company_wide: number;
  /** Entra object id of the admin who set it. */
  updated_by: string;
  updated_at: number;
}

/** A report a chat or channel subscribed to; the scheduler sends it. */
export interface BotSubscriptionTable {
  id: Generated<number>;
  /** The chat's conversation id, or the Teams channel id. */
  conversation_key: string;
  /** Where the report is posted (the conversation the subscription was made in). */
  conversation_id: string;
  /** The channel's team (its General channel's id); null for a chat. */
  team_id: string | null;
  report: string;
  schedule: 'daily' | 'weekly' | 'monthly';
  /** Whose rights the report is made with in a personal or group chat (Entra object id). */
  subscriber_object_id: string;
  created_at: number;
}

/** An alarm rule: what to watch (a kind and its definition) and whom to tell. */
export interface AlarmRuleTable {
  id: Generated<number>;
  name: string;
  kind: 'budget' | 'single_call' | 'destination' | 'out_of_hours' | 'anomaly' | 'health';
  enabled: number;
  /** The kind's own settings (thresholds, window, subject…), validated by the alarm engine. */
  definition_json: string;
  /** Whom an alarm of this rule is sent to (the user, their supervisors, admins, addresses, chats). */
  recipients_json: string;
  created_at: number;
  updated_at: number;
}

/** An alarm raised: once per rule, subject and window, then open, acknowledged or resolved. */
export interface AlarmTable {
  id: Generated<number>;
  rule_id: number;
  /** What it is about, e.g. `user:12`, `department:3`, `call:481`, `system`. */
  subject_key: string;
  /** The window it fired in, e.g. `2026-12` for a monthly budget, the call id for a single call. */
  window_key: string;
  subject_label: string;
  severity: 'info' | 'warning' | 'critical';
  /** What was measured against the threshold, in words. */
  detail: string;
  measured_json: string;
  /** Whose and which department's alarm it is, so scopes apply to alarms as to calls. */
  user_id: number | null;
  department_id: number | null;
  site_id: number | null;
  call_id: number | null;
  status: 'open' | 'acknowledged' | 'resolved';
  raised_at: number;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  resolved_at: number | null;
}

/** A report sent on a schedule (a cron expression in a time zone) to its recipients. */
export interface ReportScheduleTable {
  id: Generated<number>;
  name: string;
  report: string;
  filters_json: string;
  /** yesterday | last-week | last-month | month-to-date … */
  period: string;
  format: 'card' | 'pdf' | 'xlsx' | 'csv' | 'html';
  recipients_json: string;
  cron: string;
  time_zone: string;
  enabled: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** One run of a schedule at one due time; the unique key and the lease make it run once. */
export interface ScheduleRunTable {
  id: Generated<number>;
  schedule_id: number;
  due_at: number;
  claimed_by: string;
  lease_until: number;
  status: 'running' | 'done' | 'failed';
  started_at: number;
  finished_at: number | null;
  error: string | null;
}

/** A message to send, written in the transaction of what caused it; sent once by the worker. */
export interface OutboxTable {
  id: Generated<number>;
  kind: 'alarm' | 'report';
  channel: 'teams' | 'email';
  /** A conversation id, `channel:{teamId}/{channelId}`, `person:{objectId}` or an e-mail address. */
  recipient: string;
  /** Unique per message, so writing the same message twice keeps one. */
  dedupe_key: string;
  payload_json: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  /** Where it went (conversation and activity ids, message id), once sent. */
  delivery_json: string | null;
  created_at: number;
  sent_at: number | null;
}
