import type { Readable } from 'node:stream';
import { csvFormat } from './csv-format.js';
import type { ExportCell } from './spreadsheet-cell.js';
import { xlsxFormat } from './xlsx-format.js';

/** A table to write out: its columns and its rows, read as the file is written. */
export interface ExportSheet {
  title: string;
  columns: readonly { header: string; width?: number }[];
  /** Rows whose text is already safe for spreadsheets (see `safeRow`). */
  rows: AsyncIterable<ExportCell[]>;
}

/** A file format reports are written in: one implementation per file. */
export interface ReportFormat {
  contentType: string;
  extension: string;
  /** The file as a stream; rows are pulled as it is read, and an error reading them ends it with that error. */
  render(sheet: ExportSheet): Readable;
}

/** The file formats exports come in. */
export type ReportFormatName = 'csv' | 'xlsx';

/** The format of this name. */
export function reportFormat(name: ReportFormatName): ReportFormat {
  switch (name) {
    case 'csv':
      return csvFormat;
    case 'xlsx':
      return xlsxFormat;
  }
}
