import type { Kysely, Migration } from 'kysely';
import type { EngineAdapter } from '../engine-adapter.js';

/**
 * Alarms, scheduled reports and the notification outbox. An alarm fires once per rule, subject
 * and window (a unique key, so two evaluators racing write one row); a schedule's run is claimed
 * once per due time (a unique key plus a lease, so two servers send it once); an outbox message
 * is written in the transaction of what caused it and claimed by one worker at a time.
 */
export function alarmsSchedulesOutbox(adapter: EngineAdapter): Migration {
  const { shortText, longText, identity } = adapter.columns;
  return {
    // Migrations see the schema as it was then, not as BillingSchema says today.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('alarm_rules')
        .addColumn('id', 'integer', identity)
        .addColumn('name', shortText(128), (c) => c.notNull())
        .addColumn('kind', shortText(32), (c) => c.notNull())
        .addColumn('enabled', 'smallint', (c) => c.notNull())
        .addColumn('definition_json', longText, (c) => c.notNull())
        .addColumn('recipients_json', longText, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('alarms')
        .addColumn('id', 'integer', identity)
        .addColumn('rule_id', 'integer', (c) => c.notNull())
        .addColumn('subject_key', shortText(128), (c) => c.notNull())
        .addColumn('window_key', shortText(64), (c) => c.notNull())
        .addColumn('subject_label', shortText(256), (c) => c.notNull())
        .addColumn('severity', shortText(16), (c) => c.notNull())
        .addColumn('detail', longText, (c) => c.notNull())
        .addColumn('measured_json', longText, (c) => c.notNull())
        .addColumn('user_id', 'integer')
        .addColumn('department_id', 'integer')
        .addColumn('site_id', 'integer')
        .addColumn('call_id', 'bigint')
        .addColumn('status', shortText(16), (c) => c.notNull())
        .addColumn('raised_at', 'bigint', (c) => c.notNull())
        .addColumn('acknowledged_by', shortText(256))
        .addColumn('acknowledged_at', 'bigint')
        .addColumn('resolved_at', 'bigint')
        .addUniqueConstraint('alarms_fire_uq', ['rule_id', 'subject_key', 'window_key'])
        .execute();
      await db.schema.createIndex('alarms_status_ix').on('alarms').columns(['status', 'raised_at']).execute();
      await db.schema.createIndex('alarms_raised_ix').on('alarms').columns(['raised_at']).execute();

      await db.schema
        .createTable('report_schedules')
        .addColumn('id', 'integer', identity)
        .addColumn('name', shortText(128), (c) => c.notNull())
        .addColumn('report', shortText(32), (c) => c.notNull())
        .addColumn('filters_json', longText, (c) => c.notNull())
        .addColumn('period', shortText(32), (c) => c.notNull())
        .addColumn('format', shortText(16), (c) => c.notNull())
        .addColumn('recipients_json', longText, (c) => c.notNull())
        .addColumn('cron', shortText(64), (c) => c.notNull())
        .addColumn('time_zone', shortText(64), (c) => c.notNull())
        .addColumn('enabled', 'smallint', (c) => c.notNull())
        .addColumn('created_by', shortText(256), (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('schedule_runs')
        .addColumn('id', 'integer', identity)
        .addColumn('schedule_id', 'integer', (c) => c.notNull())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .addColumn('claimed_by', shortText(128), (c) => c.notNull())
        .addColumn('lease_until', 'bigint', (c) => c.notNull())
        .addColumn('status', shortText(16), (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('error', longText)
        .addUniqueConstraint('schedule_runs_due_uq', ['schedule_id', 'due_at'])
        .execute();

      await db.schema
        .createTable('outbox')
        .addColumn('id', 'integer', identity)
        .addColumn('kind', shortText(16), (c) => c.notNull())
        .addColumn('channel', shortText(16), (c) => c.notNull())
        .addColumn('recipient', shortText(512), (c) => c.notNull())
        .addColumn('dedupe_key', shortText(256), (c) => c.notNull().unique())
        .addColumn('payload_json', longText, (c) => c.notNull())
        .addColumn('status', shortText(16), (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_owner', shortText(128))
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', longText)
        .addColumn('delivery_json', longText)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('outbox_due_ix')
        .on('outbox')
        .columns(['status', 'next_attempt_at'])
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      await db.schema.dropTable('outbox').execute();
      await db.schema.dropTable('schedule_runs').execute();
      await db.schema.dropTable('report_schedules').execute();
      await db.schema.dropTable('alarms').execute();
      await db.schema.dropTable('alarm_rules').execute();
    },
  };
}
