import { recordChange, requireAdmin, type AdminActor } from '../admin/admin-actor.js';
import type { StoredAlarmRule } from '../db/alarm-rule.repository.js';
import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor, type Repositories } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import { alarmRuleToStore } from './alarm-rule.js';

/** A rule as administrators read and write it. */
export interface AlarmRuleJson {
  id: number;
  name: string;
  kind: StoredAlarmRule['kind'];
  enabled: boolean;
  definition: unknown;
  recipients: unknown;
}

/**
 * Alarm rules as administrators change them (API and `ledgerline alarms`): validated per kind,
 * every change audited. The admin group of the sign-in configuration is stored with rules that
 * alert admins, since mining has no sign-in configuration to read it from.
 */
export class AlarmRuleAdmin {
  constructor(
    private readonly database: Database,
    private readonly adminGroupId: string | null,
  ) {}

  /** Every rule, by id. */
  async list(actor: AdminActor): Promise<AlarmRuleJson[]> {
    requireAdmin(actor);
    return (await repositoriesFor(this.database.kysely, this.database).alarmRules.list()).map(ruleJson);
  }

  /** Adds a rule after validating it. */
  create(actor: AdminActor, input: unknown): Promise<AlarmRuleJson> {
    requireAdmin(actor);
    const rule = this.toStore(input);
    return inTransaction(this.database, async (repos) => {
      const after = { id: await repos.alarmRules.create(rule), ...rule };
      await recordChange(repos, actor, {
        action: 'create',
        entityType: 'alarm-rule',
        entityKey: after.id,
        before: null,
        after,
      });
      return ruleJson(after);
    });
  }

  /** Replaces a rule after validating it. */
  update(actor: AdminActor, id: number, input: unknown): Promise<AlarmRuleJson> {
    requireAdmin(actor);
    const rule = this.toStore(input);
    return inTransaction(this.database, async (repos) => {
      const before = await existingRule(repos, id);
      await repos.alarmRules.update(id, rule);
      const after = { id, ...rule };
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'alarm-rule',
        entityKey: id,
        before: ruleJson(before),
        after,
      });
      return ruleJson(after);
    });
  }

  /** Turns a rule on or off. */
  async setEnabled(actor: AdminActor, id: number, enabled: boolean): Promise<AlarmRuleJson> {
    requireAdmin(actor);
    const before = await existingRule(repositoriesFor(this.database.kysely, this.database), id);
    const { id: _id, ...rule } = ruleJson(before);
    return this.update(actor, id, { ...rule, enabled });
  }

  /** Removes a rule; the alarms it raised stay as history. */
  async remove(actor: AdminActor, id: number): Promise<void> {
    requireAdmin(actor);
    await inTransaction(this.database, async (repos) => {
      const before = await existingRule(repos, id);
      await repos.alarmRules.delete(id);
      await recordChange(repos, actor, {
        action: 'delete',
        entityType: 'alarm-rule',
        entityKey: id,
        before: ruleJson(before),
        after: null,
      });
    });
  }

  private toStore(input: unknown) {
    const rule = alarmRuleToStore(input);
    return { ...rule, recipients: { ...rule.recipients, adminGroupId: this.adminGroupId } };
  }
}

async function existingRule(repos: Repositories, id: number): Promise<StoredAlarmRule> {
  const rule = await repos.alarmRules.get(id);
  if (!rule) throw new LedgerlineError('not-found', `no alarm rule ${id}`);
  return rule;
}

/** A rule as the API shows it: the admin group stored with it is an internal detail. */
function ruleJson(
  rule: Pick<StoredAlarmRule, 'id' | 'name' | 'kind' | 'enabled' | 'definition' | 'recipients'>,
): AlarmRuleJson {
  const { adminGroupId: _stored, ...recipients } = (rule.recipients ?? {}) as Record<string, unknown>;
  return {
    id: rule.id,
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    definition: rule.definition,
    recipients,
  };
}
