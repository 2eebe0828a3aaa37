import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** One row of an export, by its column headers. */
export type ExportRecord = Record<string, string>;

/** What an export adds up to: its call rows, their cost per currency, and its totals rows. */
export interface ExportTotals {
  /** Rows of calls (the totals rows left out). */
  rows: number;
  /** The call rows' cost per currency, in micro-units. */
  costOfRows: Record<string, number>;
  /** The totals rows' cost per currency, in micro-units. */
  totalsRows: Record<string, number>;
  /** The number of calls the first totals row names ("48446 calls"). */
  totalCalls: number;
}

/** The rows of a CSV export (its byte order mark and header understood). */
export async function csvRecords(file: Readable): Promise<ExportRecord[]> {
  return parse(await text(file), { bom: true, columns: true, skip_empty_lines: true }) as ExportRecord[];
}

/** The rows of an Excel export's first sheet, each cell as text (amounts are numbers there). */
export async function xlsxRecords(file: Readable): Promise<ExportRecord[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the Excel export has no sheet');
  const cells = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);
  const header = cells(sheet.getRow(1)).map(String);
  const records: ExportRecord[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = cells(row);
    records.push(Object.fromEntries(header.map((name, index) => [name, String(values[index] ?? '')])));
  });
  return records;
}

/** Adds up an export's rows, each currency apart, and reads its totals rows. */
export function exportTotals(records: ExportRecord[]): ExportTotals {
  const calls = records.filter((record) => record.Id !== 'Total');
  const totals = records.filter((record) => record.Id === 'Total');
  const micro = (amount: string) => Math.round(Number(amount) * 1_000_000);
  const sum = (rows: ExportRecord[]) => {
    const byCurrency: Record<string, number> = {};
    for (const row of rows)
      if (row.Cost && row.Currency)
        byCurrency[row.Currency] = (byCurrency[row.Currency] ?? 0) + micro(row.Cost);
    return byCurrency;
  };
  return {
    rows: calls.length,
    costOfRows: sum(calls),
    totalsRows: sum(totals),
    totalCalls: Number(/^(\d+) calls$/.exec(totals[0]?.['Started (local time)'] ?? '')?.[1]),
  };
}
