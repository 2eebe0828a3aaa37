import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { MICRO_PER_UNIT } from '../domain/money.js';
import type { ExportSheet, ReportFormat } from './report-format.js';
import type { ExportCell } from './spreadsheet-cell.js';

/** Shows up to 6 decimals, the precision money is kept in, without trailing zeros past 2. */
const MONEY_FORMAT = '#,##0.00####';

/**
 * Excel workbooks written by exceljs' streaming writer: rows are committed as they come, so the
 * whole workbook is never held in memory; amounts are numbers with a money format, so sums work.
 */
export const xlsxFormat: ReportFormat = {
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  render(sheet: ExportSheet): Readable {
    const output = new PassThrough();
    write(sheet, output).catch((error: unknown) => output.destroy(error as Error));
    return output;
  },
};

async function write(sheet: ExportSheet, output: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  const worksheet = workbook.addWorksheet(sheet.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width ?? 14 }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).commit();
  for await (const cells of sheet.rows) {
    const row = worksheet.addRow(cells.map(cellValue));
    cells.forEach((cell, index) => {
      if (cell !== null && typeof cell === 'object') row.getCell(index + 1).numFmt = MONEY_FORMAT;
    });
    row.commit();
    // The zip is written into `output`; wait while the reader has not taken what is there, and
    // stop reading calls once nobody reads the file any more.
    if (output.writableNeedDrain) await Promise.race([once(output, 'drain'), once(output, 'close')]);
    if (output.destroyed) return;
  }
  worksheet.commit();
  await workbook.commit();
}

function cellValue(cell: ExportCell): string | number | null {
  // A spreadsheet cell holds a number: the amount in currency units is made only here, at the edge.
  return cell !== null && typeof cell === 'object' ? cell.micro / MICRO_PER_UNIT : cell;
}
