import { buffer } from 'node:stream/consumers';
import { csvFormat } from './csv-format.js';
import type { ReportDocument } from './report-document.js';
import { reportTable } from './report-table.js';
import { sheetOf } from './xlsx-document.js';

/** A report as CSV: its table (the call export's format, with a byte order mark), totals last. */
export const csvDocument: ReportDocument = {
  format: 'csv',
  contentType: csvFormat.contentType,
  extension: csvFormat.extension,
  render: (content) => buffer(csvFormat.render(sheetOf(reportTable(content), content.title))),
};
