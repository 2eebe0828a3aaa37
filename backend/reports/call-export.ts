import type { Readable } from 'node:stream';
import type { CallListRepository } from '../db/call-list.repository.js';
import type { ReportCriteria } from '../db/report-criteria.js';
import type { Scope } from '../domain/role.js';
import { allCalls, type CallListRow, type CallRows } from './call-list.js';
import { formatLocalDay } from './local-day.js';
import { reportFormat, type ReportFormatName } from './report-format.js';
import { TotalsAccumulator, type ReportTotals } from './report-totals.js';
import { safeRow, type ExportCell } from './spreadsheet-cell.js';

/** An exported file: what it is, what to call it, and its content as it is written. */
export interface ExportedFile {
  contentType: string;
  fileName: string;
  body: Readable;
}

/** Calls read per statement while exporting. */
export const EXPORT_PAGE_SIZE = 1_000;

/** The columns of exported calls, and how each is read from a listed call. */
export const CALL_EXPORT_COLUMNS: readonly {
  header: string;
  width?: number;
  cell(row: CallListRow): ExportCell;
}[] = [
  { header: 'Id', width: 10, cell: (row) => row.id },
  { header: 'Started (local time)', width: 20, cell: (row) => row.localTime },
  { header: 'Direction', width: 10, cell: (row) => row.direction },
  { header: 'Site', cell: (row) => row.site?.name ?? null },
  { header: 'User', width: 24, cell: (row) => row.user?.name ?? null },
  { header: 'Department', width: 20, cell: (row) => row.department?.name ?? null },
  { header: 'Caller', width: 18, cell: (row) => row.caller },
  { header: 'Callee', width: 18, cell: (row) => row.callee },
  { header: 'Destination', width: 22, cell: (row) => row.destination },
  { header: 'Class', cell: (row) => row.destClass },
  { header: 'Country', width: 8, cell: (row) => row.country },
  { header: 'Carrier', cell: (row) => row.carrier?.name ?? null },
  { header: 'Answered', width: 9, cell: (row) => (row.answered ? 'yes' : 'no') },
  { header: 'Talk (s)', width: 9, cell: (row) => row.talkSec },
  { header: 'Billed (s)', width: 9, cell: (row) => row.billedSec },
  { header: 'Cost', width: 12, cell: (row) => (row.cost === null ? null : { micro: row.cost.micro }) },
  { header: 'Currency', width: 9, cell: (row) => row.cost?.currency ?? null },
  { header: 'Status', width: 9, cell: (row) => row.ratingStatus },
];

const column = (header: string) => CALL_EXPORT_COLUMNS.findIndex((entry) => entry.header === header);

/**
 * Totals rows under the calls: `Total` with the number of calls, answered calls, talk and billed
 * seconds and the cost in the first currency, then a `Total` row per further currency (currencies
 * are never added together). They are the sums of the rows above, which are the summary's totals
 * for the same filters.
 */
export function totalsRows(totals: ReportTotals): ExportCell[][] {
  const row = (): ExportCell[] => CALL_EXPORT_COLUMNS.map(() => null);
  const first = row();
  first[0] = 'Total';
  first[1] = `${totals.calls} calls`;
  first[column('Answered')] = totals.answered;
  first[column('Talk (s)')] = totals.talkSec;
  first[column('Billed (s)')] = totals.billedSec;
  const rows = [first];
  totals.cost.forEach((entry, index) => {
    const target = index === 0 ? first : row();
    if (index > 0) target[0] = 'Total';
    target[column('Cost')] = { micro: entry.micro };
    target[column('Currency')] = entry.currency;
    if (index > 0) rows.push(target);
  });
  return rows;
}

/**
 * The calls a scope and criteria select as a CSV or Excel file, oldest first, a page at a time
 * (never all in memory), numbers masked as in the call list, text made safe for spreadsheets,
 * totals rows at the end.
 */
export function exportCalls(
  calls: CallListRepository,
  rows: CallRows,
  scope: Scope,
  criteria: ReportCriteria,
  formatName: ReportFormatName,
  pageSize: number = EXPORT_PAGE_SIZE,
): ExportedFile {
  const format = reportFormat(formatName);
  async function* cells(): AsyncGenerator<ExportCell[]> {
    const sum = new TotalsAccumulator();
    for await (const page of allCalls(calls, scope, criteria, pageSize)) {
      for (const row of await rows.present(page)) {
        sum.add({
          calls: 1,
          answered: row.answered ? 1 : 0,
          talkSec: row.talkSec,
          billedSec: row.billedSec,
          cost: row.cost?.micro ?? 0,
          currency: row.cost?.currency ?? null,
          chargedCalls: row.cost === null ? 0 : 1,
        });
        yield safeRow(CALL_EXPORT_COLUMNS.map((entry) => entry.cell(row)));
      }
    }
    for (const totals of totalsRows(sum.totals())) yield safeRow(totals);
  }
  const period = `${formatLocalDay(criteria.fromDay)}_${formatLocalDay(criteria.toDay)}`;
  return {
    contentType: format.contentType,
    fileName: `calls_${period}.${format.extension}`,
    body: format.render({ title: 'Calls', columns: CALL_EXPORT_COLUMNS, rows: cells() }),
  };
}
