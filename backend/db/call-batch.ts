import type { RatedCall } from '../domain/rated-call.js';
import { CALL_COLUMNS, callReaders } from './call-row.js';

/** How a calls column crosses threads: numbers in a typed array, repeated words as codes, text as is. */
type ColumnKind = 'number' | 'code' | 'text';

const KINDS: Readonly<Record<(typeof CALL_COLUMNS)[number], ColumnKind>> = {
  source: 'code',
  source_id: 'text',
  started_at: 'number',
  answered_at: 'number',
  ended_at: 'number',
  duration_sec: 'number',
  ring_sec: 'number',
  direction: 'code',
  answered: 'number',
  response_code: 'number',
  caller_uri: 'text',
  caller_number: 'text',
  callee_uri: 'text',
  callee_number: 'text',
  trunk: 'code',
  source_site: 'code',
  caller_normalized: 'text',
  callee_normalized: 'text',
  user_id: 'number',
  department_id: 'number',
  site_id: 'number',
  carrier_id: 'number',
  plan_id: 'number',
  rate_id: 'number',
  dest_number: 'text',
  dest_class: 'code',
  dest_country: 'code',
  label: 'code',
  cost_micro: 'number',
  currency: 'code',
  billed_sec: 'number',
  rating_status: 'code',
  rating_reason: 'code',
  local_day: 'number',
  local_hour: 'number',
  local_weekday: 'number',
  spool_file_id: 'number',
  mined_at: 'number',
};
const KIND_OF: readonly ColumnKind[] = CALL_COLUMNS.map((column) => KINDS[column]);
/** A code column's value is null. */
const NULL_CODE = 0xffff;

/**
 * Calls laid out column by column for crossing to the writer's thread: numeric columns as
 * Float64Array (NaN for null), columns of few distinct words as Uint16Array codes into a
 * dictionary, other text as arrays. Typed arrays are transferred, not copied, and the receiving
 * thread builds no object per call.
 */
export interface CallBatch {
  count: number;
  /** Per column of CALL_COLUMNS: a Float64Array, a Uint16Array of codes, or an array of text. */
  columns: (Float64Array | Uint16Array | (string | null)[])[];
  /** Per column: the words its codes stand for ([] for other kinds). */
  dictionaries: string[][];
}

/** Lays out rated calls as a CallBatch (in the thread that mined them). */
export function encodeCalls(
  calls: readonly RatedCall[],
  spoolFileId: number | null,
  minedAt: number,
): CallBatch {
  const readers = callReaders();
  const n = calls.length;
  const dictionaries: string[][] = [];
  const columns = KIND_OF.map((kind, c) => {
    const read = readers[c] as (call: RatedCall, fileId: number | null, minedAt: number) => unknown;
    const dictionary: string[] = [];
    dictionaries.push(dictionary);
    if (kind === 'number') {
      const column = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const value = read(calls[r] as RatedCall, spoolFileId, minedAt) as number | null;
        column[r] = value === null ? NaN : value;
      }
      return column;
    }
    if (kind === 'code') {
      const column = new Uint16Array(n);
      const codes = new Map<string, number>();
      for (let r = 0; r < n; r++) {
        const value = read(calls[r] as RatedCall, spoolFileId, minedAt) as string | null;
        if (value === null) {
          column[r] = NULL_CODE;
          continue;
        }
        let code = codes.get(value);
        if (code === undefined) {
          code = dictionary.length;
          if (code >= NULL_CODE)
            throw new Error(`too many distinct values in ${CALL_COLUMNS[c]} for one batch`);
          dictionary.push(value);
          codes.set(value, code);
        }
        column[r] = code;
      }
      return column;
    }
    const column: (string | null)[] = new Array(n);
    for (let r = 0; r < n; r++)
      column[r] = read(calls[r] as RatedCall, spoolFileId, minedAt) as string | null;
    return column;
  });
  return { count: n, columns, dictionaries };
}

/** The buffers to transfer with a CallBatch instead of copying them. */
export function transferables(batch: CallBatch): ArrayBuffer[] {
  return batch.columns
    .filter((column) => !Array.isArray(column))
    .map((column) => (column as Float64Array | Uint16Array).buffer as ArrayBuffer);
}

/** Fills `values` (in CALL_COLUMNS order) with row `row` of a batch. */
export function fillRow(batch: CallBatch, row: number, values: unknown[]): void {
  for (let c = 0; c < KIND_OF.length; c++) {
    const column = batch.columns[c];
    switch (KIND_OF[c]) {
      case 'number': {
        const value = (column as Float64Array)[row] as number;
        values[c] = value !== value ? null : value;
        break;
      }
      case 'code': {
        const code = (column as Uint16Array)[row] as number;
        values[c] = code === NULL_CODE ? null : (batch.dictionaries[c] as string[])[code];
        break;
      }
      default:
        values[c] = (column as (string | null)[])[row];
    }
  }
}
