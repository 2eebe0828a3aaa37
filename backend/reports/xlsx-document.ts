import { buffer } from 'node:stream/consumers';
import type { ExportSheet } from './report-format.js';
import type { ReportDocument } from './report-document.js';
import { reportTable, type ReportTable } from './report-table.js';
import { safeRow } from './spreadsheet-cell.js';
import { xlsxFormat } from './xlsx-format.js';

/** A report as an Excel workbook: its table on one sheet, amounts as numbers, totals last. */
export const xlsxDocument: ReportDocument = {
  format: 'xlsx',
  contentType: xlsxFormat.contentType,
  extension: xlsxFormat.extension,
  render: (content) => buffer(xlsxFormat.render(sheetOf(reportTable(content), content.title))),
};

/** A report table as the sheet the export formats write: rows, then totals, text made safe for spreadsheets. */
export function sheetOf(table: ReportTable, title: string): ExportSheet {
  async function* rows() {
    for (const row of [...table.rows, ...table.totals]) yield safeRow(row);
  }
  // Excel limits a sheet's name to 31 characters.
  return { title: title.slice(0, 31), columns: table.columns, rows: rows() };
}
