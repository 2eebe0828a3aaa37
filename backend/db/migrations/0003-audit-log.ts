import type { Kysely, Migration } from 'kysely';
import type { EngineAdapter } from '../engine-adapter.js';

/**
 * The audit log: one row per change made through administration (who, when, what, the entity
 * before and after), written in the same transaction as the change.
 */
export function auditLogSchema(adapter: EngineAdapter): Migration {
  const { shortText, longText, identity, bigIdentityType } = adapter.columns;
  return {
    // Migrations see the schema as it was then, not as BillingSchema says today.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', bigIdentityType, identity)
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_object_id', shortText(64), (c) => c.notNull())
        .addColumn('actor_name', shortText(256))
        .addColumn('action', shortText(16), (c) => c.notNull())
        .addColumn('entity_type', shortText(32), (c) => c.notNull())
        .addColumn('entity_key', shortText(200), (c) => c.notNull())
        .addColumn('before_json', longText)
        .addColumn('after_json', longText)
        .addColumn('request_id', shortText(64))
        .execute();
      // The audit page reads newest first, a period at a time, optionally one kind of entity.
      await db.schema.createIndex('audit_log_at_ix').on('audit_log').columns(['at', 'id']).execute();
      await db.schema
        .createIndex('audit_log_entity_ix')
        .on('audit_log')
        .columns(['entity_type', 'entity_key', 'at'])
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('audit_log').execute();
    },
  };
}
