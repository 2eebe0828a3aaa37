import type { Insertable } from 'kysely';
import type { RatedCall } from '../domain/rated-call.js';
import type { CallTable } from './billing-schema.js';
import type { RollupFields } from './rollup.repository.js';

/** The columns of a new calls row, in the order `callValues` gives their values. */
export const CALL_COLUMNS = [
  'source',
  'source_id',
  'started_at',
  'answered_at',
  'ended_at',
  'duration_sec',
  'ring_sec',
  'direction',
  'answered',
  'response_code',
  'caller_uri',
  'caller_number',
  'callee_uri',
  'callee_number',
  'trunk',
  'source_site',
  'caller_normalized',
  'callee_normalized',
  'user_id',
  'department_id',
  'site_id',
  'carrier_id',
  'plan_id',
  'rate_id',
  'dest_number',
  'dest_class',
  'dest_country',
  'label',
  'cost_micro',
  'currency',
  'billed_sec',
  'rating_status',
  'rating_reason',
  'local_day',
  'local_hour',
  'local_weekday',
  'spool_file_id',
  'mined_at',
] as const satisfies readonly (keyof CallTable)[];

/**
 * A rated call as the values of its row, in CALL_COLUMNS order: the compact form the mining worker
 * hands to the writer (arrays of plain values cross threads and reach SQLite with no key lookups).
 */
export function callValues(call: RatedCall, spoolFileId: number | null, minedAt: number): unknown[] {
  return [
    call.source,
    call.sourceId,
    call.startedAt,
    call.answeredAt,
    call.endedAt,
    call.durationSec,
    call.ringSec,
    call.direction,
    call.answered ? 1 : 0,
    call.responseCode,
    call.caller.uri,
    call.caller.number,
    call.callee.uri,
    call.callee.number,
    call.trunk,
    call.sourceSite,
    call.callerNormalized,
    call.calleeNormalized,
    call.userId,
    call.departmentId,
    call.siteId,
    call.carrierId,
    call.planId,
    call.rateId,
    call.destNumber,
    call.destClass,
    call.destCountry,
    call.label,
    call.cost,
    call.currency,
    call.billedSec,
    call.ratingStatus,
    call.ratingReason,
    call.localDay,
    call.localHour,
    call.localWeekday,
    spoolFileId,
    minedAt,
  ];
}

/** Rows of values turned into one array per column (the form calls cross threads in). */
export function toColumns(rows: readonly (readonly unknown[])[]): unknown[][] {
  return CALL_COLUMNS.map((_, c) => rows.map((row) => row[c]));
}

/** Row `index` of column arrays, as the row's values. */
export function rowOfColumns(data: readonly (readonly unknown[])[], index: number): unknown[] {
  return data.map((column) => column[index]);
}

/** The row of a rated call, as an object. */
export function toRow(call: RatedCall, spoolFileId: number | null, minedAt: number): Insertable<CallTable> {
  const values = callValues(call, spoolFileId, minedAt);
  return Object.fromEntries(
    CALL_COLUMNS.map((column, i) => [column, values[i]]),
  ) as unknown as Insertable<CallTable>;
}

const at = (column: (typeof CALL_COLUMNS)[number]) => CALL_COLUMNS.indexOf(column);
const I = {
  answered: at('answered'),
  durationSec: at('duration_sec'),
  direction: at('direction'),
  userId: at('user_id'),
  departmentId: at('department_id'),
  siteId: at('site_id'),
  carrierId: at('carrier_id'),
  destClass: at('dest_class'),
  destCountry: at('dest_country'),
  cost: at('cost_micro'),
  billedSec: at('billed_sec'),
  ratingStatus: at('rating_status'),
  localDay: at('local_day'),
};

/** The fields of a call that its rollup depends on, read back from its row values. */
export function rollupFieldsOfValues(values: readonly unknown[]): RollupFields {
  const v = (index: number) => values[index] as never;
  return {
    answered: v(I.answered) === 1,
    durationSec: v(I.durationSec),
    direction: v(I.direction),
    userId: v(I.userId),
    departmentId: v(I.departmentId),
    siteId: v(I.siteId),
    carrierId: v(I.carrierId),
    destClass: v(I.destClass),
    destCountry: v(I.destCountry),
    cost: v(I.cost),
    billedSec: v(I.billedSec),
    ratingStatus: v(I.ratingStatus),
    localDay: v(I.localDay),
  };
}
