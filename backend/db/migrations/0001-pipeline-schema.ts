import type { Kysely, Migration } from 'kysely';
import type { EngineAdapter } from '../engine-adapter.js';

/**
 * The pipeline's tables: directory (sites, departments, users, numbers), tariffs (carriers, plans,
 * rates, routing rules), rated calls and their daily rollups, and the miner's and recorder's
 * bookkeeping (spool files, rejects, checkpoints).
 */
export function pipelineSchema(adapter: EngineAdapter): Migration {
  const { shortText, exactText, longText, identity, bigIdentityType } = adapter.columns;
  return {
    // Migrations see the schema as it was then, not as BillingSchema says today.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('sites')
        .addColumn('id', 'integer', identity)
        .addColumn('code', shortText(64), (c) => c.notNull().unique())
        .addColumn('name', shortText(200), (c) => c.notNull())
        .addColumn('country', shortText(2), (c) => c.notNull())
        .addColumn('time_zone', shortText(64), (c) => c.notNull())
        .addColumn('currency', shortText(3), (c) => c.notNull())
        .addColumn('outside_line_code', shortText(8))
        .addColumn('international_prefix', shortText(8), (c) => c.notNull())
        .addColumn('national_prefix', shortText(8))
        .addColumn('extension_ranges', longText, (c) => c.notNull())
        .addColumn('local_area_codes', longText, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('departments')
        .addColumn('id', 'integer', identity)
        .addColumn('code', shortText(64), (c) => c.notNull().unique())
        .addColumn('name', shortText(200), (c) => c.notNull())
        .addColumn('parent_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('cost_center', shortText(64))
        .addColumn('supervisor_group_id', shortText(64))
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', identity)
        .addColumn('upn', shortText(256))
        .addColumn('display_name', shortText(256), (c) => c.notNull())
        .addColumn('entra_object_id', shortText(64))
        .addColumn('sip_uri', shortText(256))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('site_id', 'integer', (c) => c.references('sites.id'))
        .addColumn('anonymous', 'smallint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      // Filtered unique indexes: many users have no UPN (anonymous extensions), and SQL Server
      // treats NULLs as equal in a plain unique constraint.
      for (const column of ['upn', 'sip_uri', 'entra_object_id']) {
        await db.schema
          .createIndex(`users_${column}_uq`)
          .on('users')
          .column(column)
          .unique()
          .where(column, 'is not', null)
          .execute();
      }
      await db.schema.createIndex('users_department_ix').on('users').column('department_id').execute();

      await db.schema
        .createTable('user_numbers')
        .addColumn('id', 'integer', identity)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('site_id', 'integer', (c) => c.notNull().references('sites.id'))
        .addColumn('kind', shortText(16), (c) => c.notNull())
        .addColumn('number', shortText(32), (c) => c.notNull())
        .addUniqueConstraint('user_numbers_site_number_uq', ['site_id', 'number'])
        .execute();
      await db.schema.createIndex('user_numbers_number_ix').on('user_numbers').column('number').execute();
      await db.schema.createIndex('user_numbers_user_ix').on('user_numbers').column('user_id').execute();

      await db.schema
        .createTable('carriers')
        .addColumn('id', 'integer', identity)
        .addColumn('code', shortText(64), (c) => c.notNull().unique())
        .addColumn('name', shortText(200), (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('tariff_plans')
        .addColumn('id', 'integer', identity)
        .addColumn('carrier_id', 'integer', (c) => c.notNull().references('carriers.id'))
        .addColumn('name', shortText(200), (c) => c.notNull())
        .addColumn('currency', shortText(3), (c) => c.notNull())
        .addColumn('active_from', 'bigint', (c) => c.notNull())
        .addColumn('rounding_decimals', 'smallint', (c) => c.notNull())
        .addColumn('rounding_method', shortText(16), (c) => c.notNull())
        .addColumn('time_bands', longText, (c) => c.notNull())
        .addColumn('imported_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('tariff_plans_carrier_from_uq', ['carrier_id', 'active_from'])
        .execute();

      await db.schema
        .createTable('rates')
        .addColumn('id', 'integer', identity)
        .addColumn('plan_id', 'integer', (c) => c.notNull().references('tariff_plans.id').onDelete('cascade'))
        .addColumn('prefix', shortText(16))
        .addColumn('dest_class', shortText(16))
        .addColumn('country', shortText(2))
        .addColumn('label', shortText(200), (c) => c.notNull())
        .addColumn('connect_fee_micro', 'bigint', (c) => c.notNull())
        .addColumn('intervals', longText, (c) => c.notNull())
        .addColumn('band_intervals', longText, (c) => c.notNull())
        .addColumn('min_charge_micro', 'bigint', (c) => c.notNull())
        .addColumn('max_cost_micro', 'bigint')
        .addColumn('unanswered_charge_micro', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rates_plan_ix').on('rates').column('plan_id').execute();

      await db.schema
        .createTable('routing_rules')
        .addColumn('id', 'integer', identity)
        .addColumn('priority', 'integer', (c) => c.notNull())
        .addColumn('site_id', 'integer', (c) => c.references('sites.id'))
        .addColumn('trunk', shortText(128))
        .addColumn('prefix', shortText(16))
        .addColumn('carrier_id', 'integer', (c) => c.notNull().references('carriers.id'))
        .execute();

      await db.schema
        .createTable('spool_files')
        .addColumn('id', 'integer', identity)
        .addColumn('name', shortText(255), (c) => c.notNull().unique())
        .addColumn('status', shortText(16), (c) => c.notNull())
        .addColumn('lines', 'integer', (c) => c.notNull())
        .addColumn('calls', 'integer', (c) => c.notNull())
        .addColumn('duplicates', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('finished_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('calls')
        .addColumn('id', bigIdentityType, identity)
        .addColumn('source', shortText(32), (c) => c.notNull())
        .addColumn('source_id', exactText(128), (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('answered_at', 'bigint')
        .addColumn('ended_at', 'bigint', (c) => c.notNull())
        .addColumn('duration_sec', 'integer', (c) => c.notNull())
        .addColumn('ring_sec', 'integer', (c) => c.notNull())
        .addColumn('direction', shortText(16), (c) => c.notNull())
        .addColumn('answered', 'smallint', (c) => c.notNull())
        .addColumn('response_code', 'integer')
        .addColumn('caller_uri', shortText(450))
        .addColumn('caller_number', shortText(450))
        .addColumn('callee_uri', shortText(450))
        .addColumn('callee_number', shortText(450))
        .addColumn('trunk', shortText(256))
        .addColumn('source_site', shortText(64))
        .addColumn('caller_normalized', shortText(450))
        .addColumn('callee_normalized', shortText(450))
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('site_id', 'integer', (c) => c.references('sites.id'))
        .addColumn('carrier_id', 'integer', (c) => c.references('carriers.id'))
        .addColumn('plan_id', 'integer')
        .addColumn('rate_id', 'integer')
        .addColumn('dest_number', shortText(32))
        .addColumn('dest_class', shortText(16), (c) => c.notNull())
        .addColumn('dest_country', shortText(2))
        .addColumn('label', shortText(200))
        .addColumn('cost_micro', 'bigint', (c) => c.notNull())
        .addColumn('currency', shortText(3))
        .addColumn('billed_sec', 'integer', (c) => c.notNull())
        .addColumn('rating_status', shortText(16), (c) => c.notNull())
        .addColumn('rating_reason', shortText(400))
        .addColumn('local_day', 'integer', (c) => c.notNull())
        .addColumn('local_hour', 'smallint', (c) => c.notNull())
        .addColumn('local_weekday', 'smallint', (c) => c.notNull())
        .addColumn('spool_file_id', 'integer', (c) => c.references('spool_files.id'))
        .addColumn('mined_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('calls_source_uq', ['source', 'source_id'])
        .execute();
      // The dashboard's queries: a period, optionally narrowed to a user, department or site.
      await db.schema.createIndex('calls_day_ix').on('calls').columns(['local_day']).execute();
      await db.schema
        .createIndex('calls_user_day_ix')
        .on('calls')
        .columns(['user_id', 'local_day'])
        .execute();
      await db.schema
        .createIndex('calls_department_day_ix')
        .on('calls')
        .columns(['department_id', 'local_day'])
        .execute();
      await db.schema
        .createIndex('calls_site_day_ix')
        .on('calls')
        .columns(['site_id', 'local_day'])
        .execute();
      await db.schema.createIndex('calls_started_ix').on('calls').columns(['started_at']).execute();
      await db.schema.createIndex('calls_status_ix').on('calls').columns(['rating_status']).execute();

      await db.schema
        .createTable('daily_rollups')
        .addColumn('local_day', 'integer', (c) => c.notNull())
        .addColumn('site_id', 'integer', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull())
        .addColumn('carrier_id', 'integer', (c) => c.notNull())
        .addColumn('dest_class', shortText(16), (c) => c.notNull())
        .addColumn('dest_country', shortText(2), (c) => c.notNull())
        .addColumn('direction', shortText(16), (c) => c.notNull())
        .addColumn('calls', 'integer', (c) => c.notNull())
        .addColumn('answered', 'integer', (c) => c.notNull())
        .addColumn('duration_sec', 'bigint', (c) => c.notNull())
        .addColumn('billed_sec', 'bigint', (c) => c.notNull())
        .addColumn('cost_micro', 'bigint', (c) => c.notNull())
        .addColumn('unrated', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('daily_rollups_pk', [
          'local_day',
          'site_id',
          'department_id',
          'user_id',
          'carrier_id',
          'dest_class',
          'dest_country',
          'direction',
        ])
        .execute();
      await db.schema
        .createIndex('daily_rollups_department_ix')
        .on('daily_rollups')
        .columns(['department_id', 'local_day'])
        .execute();
      await db.schema
        .createIndex('daily_rollups_user_ix')
        .on('daily_rollups')
        .columns(['user_id', 'local_day'])
        .execute();

      await db.schema
        .createTable('rejects')
        .addColumn('id', 'integer', identity)
        .addColumn('file', shortText(255), (c) => c.notNull())
        .addColumn('line', 'integer', (c) => c.notNull())
        .addColumn('reason', shortText(1000), (c) => c.notNull())
        .addColumn('raw', longText)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rejects_file_ix').on('rejects').columns(['file', 'line']).execute();

      await db.schema
        .createTable('recorder_checkpoints')
        .addColumn('source', shortText(64), (c) => c.primaryKey())
        .addColumn('position', longText, (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      // Sessions a recorder has written out recently: it reads back behind its checkpoint for
      // rows that arrive late (LcsCDR writes a call when it ends) and skips what is here.
      await db.schema
        .createTable('recorder_seen')
        .addColumn('source', shortText(64), (c) => c.notNull())
        .addColumn('session_key', shortText(128), (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('recorder_seen_pk', ['source', 'session_key'])
        .execute();
      await db.schema
        .createIndex('recorder_seen_started_ix')
        .on('recorder_seen')
        .columns(['source', 'started_at'])
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async down(db: Kysely<any>) {
      for (const table of [
        'recorder_seen',
        'recorder_checkpoints',
        'rejects',
        'daily_rollups',
        'calls',
        'spool_files',
        'routing_rules',
        'rates',
        'tariff_plans',
        'carriers',
        'user_numbers',
        'users',
        'departments',
        'sites',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
