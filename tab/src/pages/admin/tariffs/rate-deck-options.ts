import type { QueryValues } from '../../../api/api-client';

/** How to read a carrier's CSV rate deck, as the import form holds it. */
export interface DeckOptions {
  separator: 'auto' | ';' | ',' | 'tab' | '|';
  decimal: 'auto' | '.' | ',';
  header: boolean;
  skipLines: string;
  /** Billing increments of rows without any, e.g. `60/60`; empty: the deck gives them. */
  increments: string;
  priceScale: '1' | '0.01' | '0.001';
  pricePer: 'minute' | 'second';
  /** JSON naming which column holds which field; empty: the header names them. */
  columns: string;
  charset: 'utf-8' | 'windows-1252';
}

/** The options of a deck whose header names the columns, in UTF-8. */
export const DEFAULT_DECK_OPTIONS: DeckOptions = {
  separator: 'auto',
  decimal: 'auto',
  header: true,
  skipLines: '0',
  increments: '',
  priceScale: '1',
  pricePer: 'minute',
  columns: '',
  charset: 'utf-8',
};

/** Why an option of the import form is refused. */
export type DeckOptionProblem = 'skipLines' | 'increments' | 'columns';

/**
 * The query and content type of `PUT /api/v1/admin/tariff-plans/:id/rates` for a deck file:
 * only the options that differ from the server's defaults, and the file's name for its
 * problems; or the options that cannot be sent.
 */
export function deckRequest(
  fileName: string,
  options: DeckOptions,
): { ok: true; query: QueryValues; contentType: string } | { ok: false; problems: DeckOptionProblem[] } {
  const problems: DeckOptionProblem[] = [];
  const skip = options.skipLines.trim();
  if (skip !== '' && !(/^\d+$/.test(skip) && Number(skip) <= 100)) problems.push('skipLines');
  const increments = options.increments.trim();
  if (increments !== '' && !/^\d+(\/\d+)?$/.test(increments)) problems.push('increments');
  let columns: string | undefined;
  if (options.columns.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(options.columns);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) problems.push('columns');
      else columns = JSON.stringify(parsed);
    } catch {
      problems.push('columns');
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    contentType: `text/csv; charset=${options.charset}`,
    query: {
      fileName: fileName.slice(0, 200),
      separator: options.separator === 'auto' ? undefined : options.separator,
      decimal: options.decimal === 'auto' ? undefined : options.decimal,
      header: options.header ? undefined : 'false',
      skipLines: skip === '' || skip === '0' ? undefined : Number(skip),
      increments: increments || undefined,
      priceScale: options.priceScale === '1' ? undefined : options.priceScale,
      pricePer: options.pricePer === 'minute' ? undefined : options.pricePer,
      columns,
    },
  };
}
