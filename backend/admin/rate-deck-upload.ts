import { parse } from 'csv-parse/sync';
import { LedgerlineError } from '../domain/errors.js';
import type { Rate } from '../rating/tariff-plan.js';
import { parseRateDeck } from '../tariffs/rate-deck.js';
import { rateDeckSpecSchema, type DeckColumns, type RateDeckSpec } from '../tariffs/rate-deck-spec.js';
import { formatProblem } from '../tariffs/tariff-file-error.js';

/**
 * A carrier's CSV rate deck sent to replace a plan's rates, with how to read it: the `rateDeck:`
 * section of a tariff file (docs/tariffs.md) without `file`, every field optional. Without
 * `columns`, the header row names them: a column called like a rate field (`prefix`, `label`,
 * `destClass`, `country`, `pricePerMinute`, `connectFee`, `increments`, `firstIncrement`,
 * `nextIncrement`, `minCharge`, `maxCost`; letter case, blanks and `_` do not matter) holds that
 * field, and a column called like one of the plan's time bands holds that band's price.
 */
export interface RateDeckUpload {
  text: string;
  /** Named in problems (`deck.csv line 12: …`). */
  fileName?: string;
  separator?: ';' | ',' | '\t' | 'tab' | '|';
  decimal?: '.' | ',';
  header?: boolean;
  skipLines?: number;
  columns?: unknown;
  /** Billing increments for rows without any, e.g. `60/60`. */
  increments?: string;
  /** The unit prices are written in: `1`, `0.01` (cents), … */
  priceScale?: string;
  pricePer?: 'minute' | 'second';
}

const FIELDS = [
  'prefix',
  'label',
  'destClass',
  'country',
  'pricePerMinute',
  'connectFee',
  'increments',
  'firstIncrement',
  'nextIncrement',
  'minCharge',
  'maxCost',
] as const;

const SEPARATORS = [';', '\t', ',', '|'] as const;

/**
 * Reads an uploaded deck into rates with the tariffs' own deck reader. Every problem (of the
 * options, of a column, of a row) is an invalid-input error listing them all.
 */
export function readUploadedDeck(upload: RateDeckUpload, bandNames: readonly string[]): Rate[] {
  const file = upload.fileName ?? 'rate deck';
  const text = upload.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const skipLines = upload.skipLines ?? 0;
  const separator =
    upload.separator === 'tab' ? '\t' : (upload.separator ?? detectSeparator(text, skipLines));
  let columns = upload.columns;
  if (columns === undefined && upload.header !== false) {
    const header = headerOf(text, separator, skipLines);
    columns = columnsNamedBy(header, bandNames);
    if (columns === undefined) {
      throw new LedgerlineError(
        'invalid-input',
        `${file}: nothing was imported: the header row has no pricePerMinute column; name the columns so, or say which is which in columns`,
        [`the header row has: ${header.map((name) => JSON.stringify(name)).join(', ') || 'nothing'}`],
      );
    }
  }
  const spec = rateDeckSpecSchema.safeParse({
    file,
    separator,
    ...(upload.decimal === undefined ? {} : { decimal: upload.decimal }),
    ...(upload.header === undefined ? {} : { header: upload.header }),
    skipLines,
    columns: columns ?? {},
    ...(upload.increments === undefined ? {} : { increments: upload.increments }),
    priceUnit: {
      ...(upload.priceScale === undefined ? {} : { scale: upload.priceScale }),
      ...(upload.pricePer === undefined ? {} : { per: upload.pricePer }),
    },
  });
  if (!spec.success) {
    throw new LedgerlineError(
      'invalid-input',
      `${file}: nothing was imported: the options do not say how to read it`,
      spec.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`),
    );
  }
  const deck = parseRateDeck(text, spec.data satisfies RateDeckSpec);
  if (deck.problems.length > 0) {
    const count = deck.problems.length;
    throw new LedgerlineError(
      'invalid-input',
      `${file}: nothing was imported: ${count} problem${count === 1 ? '' : 's'}`,
      deck.problems.map(formatProblem),
    );
  }
  return deck.rates.map(({ rate }) => rate);
}

/** The cells of the header row (none if it cannot be read: the deck reader then says why). */
function headerOf(text: string, separator: string, skipLines: number): string[] {
  try {
    const [first] = parse(text, {
      delimiter: separator,
      from_line: skipLines + 1,
      to: 1,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
    return first ?? [];
  } catch {
    return [];
  }
}

/** The columns a header row names (see RateDeckUpload); undefined when it has no price column. */
function columnsNamedBy(header: readonly string[], bandNames: readonly string[]): DeckColumns | undefined {
  const key = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
  const byKey = new Map(header.map((name) => [key(name), name]));
  const columns: Partial<DeckColumns> = {};
  for (const field of FIELDS) {
    const name = byKey.get(key(field));
    if (name !== undefined) columns[field] = name;
  }
  const bands = Object.fromEntries(
    bandNames.flatMap((band) => {
      const name = byKey.get(key(band));
      return name === undefined ? [] : [[band, name]];
    }),
  );
  if (Object.keys(bands).length > 0) columns.bands = bands;
  return columns.pricePerMinute === undefined ? undefined : (columns as DeckColumns);
}

/** The separator met most often outside quotes on the first line read, as the deck reader picks it. */
function detectSeparator(text: string, skipLines: number): string {
  const first =
    text
      .split('\n')
      .slice(skipLines)
      .find((line) => line.trim() !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let bestCount = 0;
  for (const candidate of SEPARATORS) {
    const count = unquoted.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}
