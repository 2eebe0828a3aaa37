import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { formatMoney } from '../domain/money.js';
import type { ExportSheet, ReportFormat } from './report-format.js';
import type { ExportCell } from './spreadsheet-cell.js';

function csvValue(cell: ExportCell): string | number | null {
  return cell !== null && typeof cell === 'object' ? formatMoney(cell.micro) : cell;
}

/**
 * CSV (RFC 4180, UTF-8 with a byte order mark so Excel reads names right, CRLF line ends):
 * amounts as exact decimals.
 */
export const csvFormat: ReportFormat = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  render(sheet: ExportSheet): Readable {
    const output = stringify({ bom: true, record_delimiter: 'windows' });
    // Rows are pulled only as fast as the file is read; an error on either side ends both (the
    // error reaches whoever reads `output`, which is all the callback would do with it).
    return pipeline(Readable.from(rowsOf(sheet), { objectMode: true }), output, () => {});
  },
};

async function* rowsOf(sheet: ExportSheet): AsyncGenerator<(string | number | null)[]> {
  yield sheet.columns.map((column) => column.header);
  for await (const row of sheet.rows) yield row.map(csvValue);
}
