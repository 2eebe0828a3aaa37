import { sql, type Kysely } from 'kysely';
import type { Scope } from '../domain/role.js';
import type { AlarmTable, BillingSchema } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { limitRows } from './row-limit.js';
import { scopeCondition } from './scope-filter.js';

/** An alarm as everyone reads it: the row plus its rule's name and kind. */
export interface AlarmRecord {
  id: number;
  ruleId: number;
  /** The rule's name (or `rule {id}` once the rule is deleted). */
  ruleName: string;
  kind: string;
  subjectKey: string;
  subjectLabel: string;
  windowKey: string;
  severity: AlarmTable['severity'];
  detail: string;
  measured: Record<string, unknown>;
  userId: number | null;
  departmentId: number | null;
  siteId: number | null;
  callId: number | null;
  status: AlarmTable['status'];
  raisedAt: number;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
}

/** What raising an alarm writes. */
export type NewAlarm = Pick<
  AlarmRecord,
  | 'ruleId'
  | 'subjectKey'
  | 'windowKey'
  | 'subjectLabel'
  | 'severity'
  | 'detail'
  | 'measured'
  | 'userId'
  | 'departmentId'
  | 'siteId'
  | 'callId'
  | 'raisedAt'
>;

/** Which alarms to list: by state (`all` for every one), newest first, within a scope. */
export interface AlarmFilter {
  scope: Scope;
  status: AlarmTable['status'] | 'all';
  limit: number;
}

const NEW_ALARM_COLUMNS = [
  'rule_id',
  'subject_key',
  'window_key',
  'subject_label',
  'severity',
  'detail',
  'measured_json',
  'user_id',
  'department_id',
  'site_id',
  'call_id',
  'status',
  'raised_at',
] as const;

/**
 * Alarms raised: once per rule, subject and window (the unique key decides, so two evaluators
 * racing write one row), then acknowledged and, for health alarms, resolved.
 */
export class AlarmRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /**
   * Writes the alarm unless its rule, subject and window have one already; returns the new id, or
   * null when it was there. Never fails on the key, so the miner's transaction goes on.
   */
  async raise(alarm: NewAlarm): Promise<number | null> {
    const values = {
      rule_id: alarm.ruleId,
      subject_key: alarm.subjectKey,
      window_key: alarm.windowKey,
      subject_label: alarm.subjectLabel.slice(0, 256),
      severity: alarm.severity,
      detail: alarm.detail,
      measured_json: JSON.stringify(alarm.measured),
      user_id: alarm.userId,
      department_id: alarm.departmentId,
      site_id: alarm.siteId,
      call_id: alarm.callId,
      status: 'open' as const,
      raised_at: alarm.raisedAt,
    };
    if (this.adapter.capabilities.upsert === 'merge') {
      const columns = sql.join(NEW_ALARM_COLUMNS.map((column) => sql.ref(column)));
      const source = sql.join(NEW_ALARM_COLUMNS.map((column) => sql`s.${sql.ref(column)}`));
      const result = await sql<{ id: number }>`merge into alarms with (holdlock) as t
using (values (${sql.join(NEW_ALARM_COLUMNS.map((column) => values[column]))})) as s (${columns})
on t.rule_id = s.rule_id and t.subject_key = s.subject_key and t.window_key = s.window_key
when not matched then insert (${columns}) values (${source})
output inserted.id;`.execute(this.db);
      const row = result.rows[0];
      return row ? Number(row.id) : null;
    }
    const row = await this.db
      .insertInto('alarms')
      .values(values)
      .onConflict((conflict) => conflict.columns(['rule_id', 'subject_key', 'window_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? Number(row.id) : null;
  }

  /** The alarm with this id, if any. */
  async get(id: number): Promise<AlarmRecord | null> {
    const row = await this.select().where('alarms.id', '=', id).executeTakeFirst();
    return row ? toAlarm(row) : null;
  }

  /** The alarm with this id if the scope may see it. */
  async getVisible(id: number, scope: Scope): Promise<AlarmRecord | null> {
    const row = await this.select()
      .where('alarms.id', '=', id)
      .where((eb) => scopeCondition(eb, scope))
      .executeTakeFirst();
    return row ? toAlarm(row) : null;
  }

  /** Alarms the scope may see, newest first. */
  async list(filter: AlarmFilter): Promise<AlarmRecord[]> {
    let query = this.select()
      .where((eb) => scopeCondition(eb, filter.scope))
      .orderBy('alarms.raised_at', 'desc')
      .orderBy('alarms.id', 'desc');
    if (filter.status !== 'all') query = query.where('alarms.status', '=', filter.status);
    const rows = await limitRows(query, this.adapter.capabilities, filter.limit).execute();
    return rows.map(toAlarm);
  }

  /** Marks an open alarm acknowledged; an alarm acknowledged or resolved before keeps what it had. */
  async acknowledge(id: number, by: string, at: number): Promise<void> {
    await this.db
      .updateTable('alarms')
      .set({ status: 'acknowledged', acknowledged_by: by.slice(0, 256), acknowledged_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .execute();
  }

  /** Whether a rule has an alarm on this subject that is not resolved yet. */
  async hasUnresolved(ruleId: number, subjectKey: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('alarms')
      .select('id')
      .where('rule_id', '=', ruleId)
      .where('subject_key', '=', subjectKey)
      .where('status', '<>', 'resolved')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** How many alarms a rule has raised on a subject, resolved ones included. */
  async countFor(ruleId: number, subjectKey: string): Promise<number> {
    const row = await this.db
      .selectFrom('alarms')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('rule_id', '=', ruleId)
      .where('subject_key', '=', subjectKey)
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Resolves a rule's unresolved alarms on a subject (its condition cleared); returns how many. */
  async resolve(ruleId: number, subjectKey: string, at: number): Promise<number> {
    const result = await this.db
      .updateTable('alarms')
      .set({ status: 'resolved', resolved_at: at })
      .where('rule_id', '=', ruleId)
      .where('subject_key', '=', subjectKey)
      .where('status', '<>', 'resolved')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  private select() {
    return this.db
      .selectFrom('alarms')
      .leftJoin('alarm_rules', 'alarm_rules.id', 'alarms.rule_id')
      .selectAll('alarms')
      .select(['alarm_rules.name as rule_name', 'alarm_rules.kind as rule_kind']);
  }
}

type AlarmRow = Omit<AlarmTable, 'id'> & { id: number; rule_name: string | null; rule_kind: string | null };

function toAlarm(row: AlarmRow): AlarmRecord {
  const optional = (value: number | null) => (value === null ? null : Number(value));
  return {
    id: Number(row.id),
    ruleId: Number(row.rule_id),
    ruleName: row.rule_name ?? `rule ${row.rule_id}`,
    kind: row.rule_kind ?? 'unknown',
    subjectKey: row.subject_key,
    subjectLabel: row.subject_label,
    windowKey: row.window_key,
    severity: row.severity,
    detail: row.detail,
    measured: JSON.parse(row.measured_json) as Record<string, unknown>,
    userId: optional(row.user_id),
    departmentId: optional(row.department_id),
    siteId: optional(row.site_id),
    callId: optional(row.call_id),
    status: row.status,
    raisedAt: Number(row.raised_at),
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: optional(row.acknowledged_at),
    resolvedAt: optional(row.resolved_at),
  };
}
