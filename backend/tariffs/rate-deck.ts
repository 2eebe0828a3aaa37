import { parse } from 'csv-parse/sync';
import { isDestinationClass } from '../domain/destination-class.js';
import type { Micro } from '../domain/money.js';
import type { PriceInterval, Rate } from '../rating/tariff-plan.js';
import { normalizePrefix, prefixProblem } from './e164-prefix.js';
import { incrementsProblem, intervalsOf, parseIncrements, type Increments } from './price-increments.js';
import type { DeckColumn, DeckColumns, RateDeckSpec } from './rate-deck-spec.js';
import { parseScaledAmount, type AmountUnit } from './scaled-amount.js';
import type { TariffFileProblem } from './tariff-file-error.js';

/** A rate read from a deck, with the line it came from (1-based, as an editor shows it). */
export interface DeckRate {
  rate: Rate;
  line: number;
}

/** Everything read from a deck: the good rows, and a problem for each field of each bad row. */
export interface RateDeckResult {
  rates: DeckRate[];
  problems: TariffFileProblem[];
}

type Field = Exclude<keyof DeckColumns, 'bands'>;

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * Reads a carrier's CSV rate deck into rates, as `spec` says. Pure: the caller reads the file. A bad
 * row does not stop the others; each of its problems names the line and the column.
 */
export function parseRateDeck(text: string, spec: RateDeckSpec): RateDeckResult {
  const problems: TariffFileProblem[] = [];
  const report = (line: number | undefined, path: string, message: string) =>
    problems.push({ file: spec.file, ...(line === undefined ? {} : { line }), path, message });

  // Line numbers are counted on "\n" only, as editors show them, whatever the file's line ends.
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const separator = spec.separator ?? detectSeparator(clean, spec.skipLines);
  if (separator === null) {
    report(undefined, 'rateDeck.separator', 'cannot tell the separator from the first line: give it');
    return { rates: [], problems };
  }
  const records = readRecords(clean, separator, spec.skipLines, report);
  if (records === null) return { rates: [], problems };

  const headerRecord = spec.header ? records.shift() : undefined;
  const headers = headerRecord?.record ?? null;
  const headerLine = headerRecord ? lineOf(headerRecord) : spec.skipLines + 1;
  const columns = new Map<string, { index: number; name: string }>();
  const { bands = {}, ...fields } = spec.columns;
  const mapped: [string, string, DeckColumn | undefined][] = [
    ...Object.entries(fields).map(([field, column]): [string, string, DeckColumn | undefined] => [
      field,
      field,
      column,
    ]),
    ...Object.entries(bands).map(([band, column]): [string, string, DeckColumn] => [
      `band:${band}`,
      `bands.${band}`,
      column,
    ]),
  ];
  for (const [key, path, column] of mapped) {
    if (column === undefined) continue;
    const index = columnIndex(column, headers);
    if (index === null) {
      report(headerLine, `rateDeck.columns.${path}`, missingColumn(column, headers));
      continue;
    }
    const header = headers?.[index];
    columns.set(key, {
      index,
      name: `${header === undefined ? `column ${index + 1}` : JSON.stringify(header)} (${path})`,
    });
  }
  if (problems.length > 0) return { rates: [], problems };

  const decimal = spec.decimal ?? (separator === ',' ? '.' : ',');
  const price: AmountUnit = {
    decimal,
    scaleDigits: spec.priceUnit.scaleDigits,
    perSecond: spec.priceUnit.per === 'second',
  };
  const rates: DeckRate[] = [];
  for (const entry of records) {
    const line = lineOf(entry);
    let bad = false;
    const row: DeckRow = {
      cell(key) {
        const column = columns.get(key);
        const value = column === undefined ? undefined : entry.record[column.index]?.trim();
        return value === '' ? undefined : value;
      },
      fail(key, message) {
        bad = true;
        report(line, columns.get(key)?.name ?? key, message);
      },
    };
    const rate = rateOfRow(row, spec, Object.keys(bands), price);
    if (rate && !bad) rates.push({ rate, line });
  }
  if (records.length === 0) report(headerLine, '', 'the deck has no rates');
  return { rates, problems };
}

/** One data row: its trimmed cells by field key (undefined when empty), and a way to report a bad one. */
interface DeckRow {
  cell(key: string): string | undefined;
  fail(key: string, message: string): void;
}

function readRecords(
  text: string,
  separator: string,
  skipLines: number,
  report: (line: number | undefined, path: string, message: string) => void,
): CsvRecord[] | null {
  try {
    return parse(text, {
      delimiter: separator,
      from_line: skipLines + 1,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const { code, lines, message } = error as { code?: string; lines?: number; message: string };
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      report(openQuoteLine(text), '', 'not readable as CSV: a quoted field starts here and is never closed');
    } else {
      report(lines, '', `not readable as CSV: ${message}`);
    }
    return null;
  }
}

/** The line a record starts on: csv-parse counts the line it ends on, and a quoted field may span several. */
function lineOf({ record, info }: CsvRecord): number {
  return info.lines - record.reduce((breaks, field) => breaks + field.split('\n').length - 1, 0);
}

/** The rate a row stands for, or null after reporting why it stands for none. */
function rateOfRow(
  row: DeckRow,
  spec: RateDeckSpec,
  bands: readonly string[],
  price: AmountUnit,
): Rate | null {
  const fee: AmountUnit = { ...price, perSecond: false };
  const amount = (key: string, unit: AmountUnit): Micro | undefined => {
    const value = row.cell(key);
    if (value === undefined) return undefined;
    try {
      return parseScaledAmount(value, unit);
    } catch (error) {
      row.fail(key, (error as Error).message);
      return undefined;
    }
  };
  const match = matchOf(row.cell('prefix'), row.cell('destClass'), row.cell('country'), row.fail);
  const increments = incrementsOf(row.cell, spec.increments, row.fail);
  const pricePerMinute = amount('pricePerMinute', price);
  if (row.cell('pricePerMinute') === undefined) row.fail('pricePerMinute', 'required');
  const connectFee = amount('connectFee', fee) ?? 0;
  const minCharge = amount('minCharge', fee) ?? 0;
  const maxCost = amount('maxCost', fee) ?? null;
  const bandIntervals: Record<string, PriceInterval[]> = {};
  for (const band of bands) {
    const bandPrice = amount(`band:${band}`, price);
    if (bandPrice !== undefined && increments) bandIntervals[band] = intervalsOf(increments, bandPrice);
  }
  if (!match || !increments || pricePerMinute === undefined) return null;
  return {
    ...match,
    label: row.cell('label') ?? '',
    connectFee,
    intervals: intervalsOf(increments, pricePerMinute),
    bandIntervals,
    minCharge,
    maxCost,
    unansweredCharge: 0,
  };
}

/**
 * A row with a prefix is a prefix rate (its class and country cells, if any, are only informative);
 * a row without one is a class rate, for its country or, with no country, for any.
 */
function matchOf(
  prefixText: string | undefined,
  classText: string | undefined,
  countryText: string | undefined,
  fail: (field: Field, message: string) => void,
): Pick<Rate, 'prefix' | 'destClass' | 'country'> | null {
  if (prefixText !== undefined) {
    const prefix = normalizePrefix(prefixText);
    if (prefix === null) fail('prefix', prefixProblem(prefixText));
    return prefix === null ? null : { prefix, destClass: null, country: null };
  }
  if (classText === undefined) {
    fail('prefix', 'no prefix and no destination class: the row matches no call');
    return null;
  }
  const destClass = classText.toLowerCase().replace(/[\s-]+/g, '_');
  let ok = true;
  if (!isDestinationClass(destClass)) {
    fail('destClass', `unknown destination class "${classText}"`);
    ok = false;
  }
  if (countryText !== undefined && !/^[A-Za-z]{2}$/.test(countryText)) {
    fail('country', `not a two-letter country code: "${countryText}"`);
    ok = false;
  }
  return ok && isDestinationClass(destClass)
    ? { prefix: null, destClass, country: countryText?.toUpperCase() ?? null }
    : null;
}

/** A row's increments: its `increments` cell, its first/next cells, or else the deck's. */
function incrementsOf(
  cell: (key: string) => string | undefined,
  fallback: Increments | null,
  fail: (key: string, message: string) => void,
): Increments | null {
  const combined = cell('increments');
  const first = cell('firstIncrement');
  const next = cell('nextIncrement');
  if (combined !== undefined) {
    const increments = parseIncrements(combined);
    if (increments === null) fail('increments', incrementsProblem(combined));
    return increments;
  }
  if (first === undefined && next === undefined) {
    if (fallback === null) fail('increments', 'required: this row has none, and the deck gives no default');
    return fallback;
  }
  for (const [key, value] of [
    ['firstIncrement', first],
    ['nextIncrement', next],
  ] as const) {
    if (value === undefined || !/^\d{1,5}$/.test(value) || Number(value) < 1) {
      fail(key, `not a whole number of seconds from 1: ${JSON.stringify(value ?? '')}`);
      return null;
    }
  }
  return { first: Number(first), next: Number(next) };
}

function columnIndex(column: DeckColumn, headers: readonly string[] | null): number | null {
  if (typeof column === 'number') {
    return headers === null || column <= headers.length ? column - 1 : null;
  }
  if (headers === null) return null;
  const exact = headers.indexOf(column);
  if (exact >= 0) return exact;
  const wanted = column.trim().toLowerCase();
  const loose = headers.findIndex((header) => header.trim().toLowerCase() === wanted);
  return loose >= 0 ? loose : null;
}

function missingColumn(column: DeckColumn, headers: readonly string[] | null): string {
  const has =
    headers === null ? '' : ` (it has: ${headers.map((header) => JSON.stringify(header)).join(', ')})`;
  return typeof column === 'number'
    ? `no column ${column} in the header row${has}`
    : `no column ${JSON.stringify(column)} in the header row${has}`;
}

/** The separator that occurs most often outside quotes on the first line read; null if none does. */
function detectSeparator(text: string, skipLines: number): RateDeckSpec['separator'] {
  const first =
    text
      .split('\n')
      .slice(skipLines)
      .find((line) => line.trim() !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  let best: RateDeckSpec['separator'] = null;
  let bestCount = 0;
  for (const candidate of [';', '\t', ',', '|'] as const) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** The line on which the quote left open at the end of `text` was opened (`""` inside quotes is an escaped quote). */
function openQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  for (const char of text) {
    if (char === '\n') line++;
    else if (char === '"') openedOn = openedOn === undefined ? line : undefined;
  }
  return openedOn;
}
