import { parse } from 'csv-parse/sync';
import { LedgerlineError } from '../domain/errors.js';

/** A data row of a CSV file with the line a person sees it on in an editor. */
export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

/** The separator a CSV file uses: the one of `;` and `,` that its header line has more of. */
export function detectSeparator(text: string): ';' | ',' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.split(';').length > header.split(',').length ? ';' : ',';
}

/**
 * Reads a CSV file with a header row into rows keyed by lower-case header names. Blank lines and
 * a byte-order mark are fine; a malformed file is an error naming the file and line.
 */
export function readCsvRows(text: string, file: string, required: readonly string[] = []): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectSeparator(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new LedgerlineError(
      'invalid-input',
      `${file}${line ? ` line ${line}` : ''}: ${(error as Error).message}`,
    );
  }
  const [header, ...body] = records;
  if (!header)
    throw new LedgerlineError('invalid-input', `${file}: the file is empty (a header row is needed)`);
  const columns = header.record.map((name) => name.toLowerCase());
  const missing = required.filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new LedgerlineError(
      'invalid-input',
      `${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      [`the header line has: ${columns.join(', ')}`],
    );
  }
  return body.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(columns.map((name, i) => [name, record[i] ?? ''])),
  }));
}
