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

type Field = (call: RatedCall, spoolFileId: number | null, minedAt: number) => unknown;

/** How each column's value is read from a rated call. */
const FIELDS: Readonly<Record<(typeof CALL_COLUMNS)[number], Field>> = {
  source: (call) => call.source,
  source_id: (call) => call.sourceId,
  started_at: (call) => call.startedAt,
  answered_at: (call) => call.answeredAt,
  ended_at: (call) => call.endedAt,
  duration_sec: (call) => call.durationSec,
  ring_sec: (call) => call.ringSec,
  direction: (call) => call.direction,
  answered: (call) => (call.answered ? 1 : 0),
  response_code: (call) => call.responseCode,
  caller_uri: (call) => call.caller.uri,
  caller_number: (call) => call.caller.number,
  callee_uri: (call) => call.callee.uri,
  callee_number: (call) => call.callee.number,
  trunk: (call) => call.trunk,
  source_site: (call) => call.sourceSite,
  caller_normalized: (call) => call.callerNormalized,
  callee_normalized: (call) => call.calleeNormalized,
  user_id: (call) => call.userId,
  department_id: (call) => call.departmentId,
  site_id: (call) => call.siteId,
  carrier_id: (call) => call.carrierId,
  plan_id: (call) => call.planId,
  rate_id: (call) => call.rateId,
  dest_number: (call) => call.destNumber,
  dest_class: (call) => call.destClass,
  dest_country: (call) => call.destCountry,
  label: (call) => call.label,
  cost_micro: (call) => call.cost,
  currency: (call) => call.currency,
  billed_sec: (call) => call.billedSec,
  rating_status: (call) => call.ratingStatus,
  rating_reason: (call) => call.ratingReason,
  local_day: (call) => call.localDay,
  local_hour: (call) => call.localHour,
  local_weekday: (call) => call.localWeekday,
  spool_file_id: (_call, spoolFileId) => spoolFileId,
  mined_at: (_call, _spoolFileId, minedAt) => minedAt,
};
const READERS: readonly Field[] = CALL_COLUMNS.map((column) => FIELDS[column]);

/** The functions that read each column's value from a rated call, in CALL_COLUMNS order. */
export function callReaders(): readonly Field[] {
  return READERS;
}

/** A rated call as the values of its row, in CALL_COLUMNS order. */
export function callValues(call: RatedCall, spoolFileId: number | null, minedAt: number): unknown[] {
  return READERS.map((read) => read(call, spoolFileId, minedAt));
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
