import type { Kysely } from 'kysely';
import type { RoutingRule } from '../rating/routing-rule.js';
import { insertInBatches } from './batch-insert.js';
import type { BillingSchema } from './billing-schema.js';
import type { EngineAdapter } from './engine-adapter.js';

/** Routing rules: which carrier carries which calls. */
export class RoutingRuleRepository {
  constructor(
    private readonly db: Kysely<BillingSchema>,
    private readonly adapter: EngineAdapter,
  ) {}

  /** Replaces every rule with `rules` (run it in a transaction). */
  async replaceAll(rules: readonly RoutingRule[]): Promise<void> {
    await this.db.deleteFrom('routing_rules').execute();
    await insertInBatches(
      this.db,
      this.adapter,
      'routing_rules',
      rules.map((rule) => ({
        priority: rule.priority,
        site_id: rule.siteId,
        trunk: rule.trunk,
        prefix: rule.prefix,
        carrier_id: rule.carrierId,
      })),
    );
  }

  /** All rules, by priority. */
  async list(): Promise<RoutingRule[]> {
    const rows = await this.db
      .selectFrom('routing_rules')
      .selectAll()
      .orderBy('priority')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: Number(row.id),
      priority: Number(row.priority),
      siteId: row.site_id === null ? null : Number(row.site_id),
      trunk: row.trunk,
      prefix: row.prefix,
      carrierId: Number(row.carrier_id),
    }));
  }
}
