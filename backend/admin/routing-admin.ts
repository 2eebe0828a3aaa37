import type { Database } from '../db/database.js';
import { inTransaction, repositoriesFor } from '../db/repositories.js';
import { LedgerlineError } from '../domain/errors.js';
import type { RoutingRule } from '../rating/routing-rule.js';
import { recordChange, requireAdmin, type AdminActor } from './admin-actor.js';

/** A routing rule as an administrator gives it (without its stored id). */
export type RoutingRuleInput = Omit<RoutingRule, 'id'>;

/**
 * The routing rules, read and replaced as one list: they only make sense together (priority
 * and specificity decide between them), so one change is one list and one audit row.
 */
export class RoutingAdmin {
  constructor(private readonly database: Database) {}

  /** Every rule, by priority. */
  async list(actor: AdminActor): Promise<RoutingRule[]> {
    requireAdmin(actor);
    return repositoriesFor(this.database.kysely, this.database).routingRules.list();
  }

  /**
   * Replaces every rule with `rules`, after checking that their sites and carriers exist and that
   * no two rules say the same thing; every problem in one invalid-input error.
   */
  async replaceAll(actor: AdminActor, rules: readonly RoutingRuleInput[]): Promise<RoutingRule[]> {
    requireAdmin(actor);
    return inTransaction(this.database, async (repos) => {
      const sites = new Set((await repos.sites.list()).map((site) => site.id));
      const carriers = new Set((await repos.carriers.list()).map((carrier) => carrier.id));
      const problems: string[] = [];
      const seen = new Map<string, number>();
      rules.forEach((rule, index) => {
        if (rule.siteId !== null && !sites.has(rule.siteId))
          problems.push(`rules.${index}.siteId: no site ${rule.siteId}`);
        if (!carriers.has(rule.carrierId))
          problems.push(`rules.${index}.carrierId: no carrier ${rule.carrierId}`);
        const key = JSON.stringify([
          rule.priority,
          rule.siteId,
          rule.trunk?.toLowerCase() ?? null,
          rule.prefix,
        ]);
        const first = seen.get(key);
        if (first !== undefined)
          problems.push(`rules.${index}: matches the same calls at the same priority as rules.${first}`);
        else seen.set(key, index);
      });
      if (problems.length > 0)
        throw new LedgerlineError('invalid-input', 'the routing rules were not changed', problems);
      const before = await repos.routingRules.list();
      await repos.routingRules.replaceAll(rules);
      const after = await repos.routingRules.list();
      await recordChange(repos, actor, {
        action: 'update',
        entityType: 'routing-rules',
        entityKey: 'all',
        before,
        after,
      });
      return after;
    });
  }
}
