import type { Kysely, Selectable } from 'kysely';
import type { AlarmRuleTable, BillingSchema } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';
import { insertReturningId } from './inserted-id.js';

/** An alarm rule as stored: its definition and recipients are the JSON the alarm engine validated. */
export interface StoredAlarmRule {
  id: number;
  name: string;
  kind: AlarmRuleTable['kind'];
  enabled: boolean;
  definition: unknown;
  recipients: unknown;
  createdAt: number;
  updatedAt: number;
}

/** A rule's fields as saved. */
export type AlarmRuleFields = Pick<
  StoredAlarmRule,
  'name' | 'kind' | 'enabled' | 'definition' | 'recipients'
>;

/** The alarm rules administrators keep. */
export class AlarmRuleRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every rule, by id; only the enabled ones of these kinds when asked. */
  async list(
    filter: { enabledOnly?: boolean; kinds?: readonly AlarmRuleTable['kind'][] } = {},
  ): Promise<StoredAlarmRule[]> {
    let query = this.db.selectFrom('alarm_rules').selectAll().orderBy('id');
    if (filter.enabledOnly) query = query.where('enabled', '=', 1);
    if (filter.kinds) {
      if (filter.kinds.length === 0) return [];
      query = query.where('kind', 'in', [...filter.kinds]);
    }
    return (await query.execute()).map(toRule);
  }

  /** The rule with this id, if any. */
  async get(id: number): Promise<StoredAlarmRule | undefined> {
    const row = await this.db.selectFrom('alarm_rules').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRule(row);
  }

  /** The rule with this name, if any (names are what the demo installs rules by). */
  async findByName(name: string): Promise<StoredAlarmRule | undefined> {
    const row = await this.db
      .selectFrom('alarm_rules')
      .selectAll()
      .where('name', '=', name)
      .orderBy('id')
      .executeTakeFirst();
    return row && toRule(row);
  }

  /** Adds a rule; returns its id. */
  create(rule: AlarmRuleFields): Promise<number> {
    const at = this.now();
    return insertReturningId(
      this.adapter.capabilities,
      this.db.insertInto('alarm_rules').values({ ...toColumns(rule), created_at: at, updated_at: at }),
    );
  }

  /** Replaces a rule's fields. */
  async update(id: number, rule: AlarmRuleFields): Promise<void> {
    await this.db
      .updateTable('alarm_rules')
      .set({ ...toColumns(rule), updated_at: this.now() })
      .where('id', '=', id)
      .execute();
  }

  /** Removes a rule (its alarms stay, as history). */
  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('alarm_rules').where('id', '=', id).execute();
  }
}

function toColumns(rule: AlarmRuleFields) {
  return {
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled ? 1 : 0,
    definition_json: JSON.stringify(rule.definition),
    recipients_json: JSON.stringify(rule.recipients),
  };
}

function toRule(row: Selectable<AlarmRuleTable>): StoredAlarmRule {
  return {
    id: Number(row.id),
    name: row.name,
    kind: row.kind,
    enabled: Number(row.enabled) === 1,
    definition: JSON.parse(row.definition_json) as unknown,
    recipients: JSON.parse(row.recipients_json) as unknown,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
