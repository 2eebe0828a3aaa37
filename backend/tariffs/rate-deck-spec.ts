import { z } from 'zod';
import type { Increments } from './price-increments.js';
import { incrementsSchema, textSchema } from './tariff-field-schema.js';

/** A deck column: its header name, or its number counting from 1. */
export type DeckColumn = string | number;

/** Which deck column holds each field of a rate; only `pricePerMinute` is always needed. */
export interface DeckColumns {
  prefix?: DeckColumn | undefined;
  label?: DeckColumn | undefined;
  pricePerMinute: DeckColumn;
  connectFee?: DeckColumn | undefined;
  increments?: DeckColumn | undefined;
  firstIncrement?: DeckColumn | undefined;
  nextIncrement?: DeckColumn | undefined;
  minCharge?: DeckColumn | undefined;
  maxCost?: DeckColumn | undefined;
  destClass?: DeckColumn | undefined;
  country?: DeckColumn | undefined;
  /** A price per minute column for each time band, e.g. `{ offpeak: "Tariffa fuori picco" }`. */
  bands?: Record<string, DeckColumn> | undefined;
}

/** How to read a carrier's CSV rate deck: the `rateDeck:` section of a tariff file, with defaults applied. */
export interface RateDeckSpec {
  /** The deck's file name as written in the tariff file; the caller resolves and reads it. */
  file: string;
  /** Field separator; null = detect from the header line (`;`, tab, `,` or `|`). */
  separator: ';' | ',' | '\t' | '|' | null;
  /** Decimal mark; null = `,` unless the separator is `,`. With `,`, a `.` is read as a decimal mark too. */
  decimal: '.' | ',' | null;
  /** Whether the first line read is a header row (then columns may be given by name). */
  header: boolean;
  /** Lines before the header (or first row) to ignore: titles, notes. */
  skipLines: number;
  columns: DeckColumns;
  /** Billing increments for rows without an increments column or cell. */
  increments: Increments | null;
  /** Prices are in 10^-scaleDigits currency units (2 = cents), per minute or per second. */
  priceUnit: { scaleDigits: number; per: 'minute' | 'second' };
}

const COLUMN_ERROR = 'must be a column header name, or a column number counting from 1';
const columnSchema = z
  .union([z.string(), z.number()], { error: COLUMN_ERROR })
  .refine(
    (column) => (typeof column === 'string' ? column.trim() !== '' : Number.isInteger(column) && column >= 1),
    {
      error: COLUMN_ERROR,
    },
  );

/** `scale: 1 | 0.1 | 0.01 | …` as the number of decimal digits it shifts. */
const scaleSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const match = /^(?:1|0\.(0{0,5})1)$/.exec(String(value).trim());
  if (!match) {
    ctx.issues.push({
      code: 'custom',
      message: `must be 1 (currency units), 0.01 (cents), 0.001 (thousandths) or another power of ten down to 0.000001, not ${JSON.stringify(value)}`,
      input: value,
    });
    return z.NEVER;
  }
  return match[1] === undefined ? 0 : match[1].length + 1;
});

/** Every column field but `bands`. */
const COLUMN_FIELDS = [
  'prefix',
  'label',
  'pricePerMinute',
  'connectFee',
  'increments',
  'firstIncrement',
  'nextIncrement',
  'minCharge',
  'maxCost',
  'destClass',
  'country',
] as const;

/** The `rateDeck:` section of a tariff file, validated into a `RateDeckSpec`. */
export const rateDeckSpecSchema = z
  .strictObject({
    file: textSchema,
    separator: z.enum([';', ',', '\t', '|', 'tab']).optional(),
    decimal: z.enum(['.', ',']).optional(),
    header: z.boolean().optional(),
    skipLines: z.number().int().min(0).optional(),
    columns: z.strictObject({
      prefix: columnSchema.optional(),
      label: columnSchema.optional(),
      pricePerMinute: columnSchema,
      connectFee: columnSchema.optional(),
      increments: columnSchema.optional(),
      firstIncrement: columnSchema.optional(),
      nextIncrement: columnSchema.optional(),
      minCharge: columnSchema.optional(),
      maxCost: columnSchema.optional(),
      destClass: columnSchema.optional(),
      country: columnSchema.optional(),
      bands: z.record(z.string(), columnSchema).optional(),
    }),
    increments: incrementsSchema.optional(),
    priceUnit: z
      .strictObject({ scale: scaleSchema.optional(), per: z.enum(['minute', 'second']).optional() })
      .optional(),
  })
  .transform((raw, ctx): RateDeckSpec => {
    const columns: DeckColumns = raw.columns;
    const report = (message: string, path: PropertyKey[]) =>
      ctx.issues.push({ code: 'custom', message, input: raw, path });
    const header = raw.header ?? true;
    if (!header) {
      for (const field of COLUMN_FIELDS) {
        if (typeof columns[field] === 'string') {
          report('must be a column number: the deck has no header row (header: false)', ['columns', field]);
        }
      }
      for (const [band, column] of Object.entries(columns.bands ?? {})) {
        if (typeof column === 'string') {
          report('must be a column number: the deck has no header row (header: false)', [
            'columns',
            'bands',
            band,
          ]);
        }
      }
    }
    if (columns.prefix === undefined && columns.destClass === undefined) {
      report('map a prefix column, a destClass column, or both', ['columns']);
    }
    const split = columns.firstIncrement !== undefined || columns.nextIncrement !== undefined;
    if (split && columns.increments !== undefined) {
      report('give increments, or firstIncrement and nextIncrement, not both', ['columns']);
    } else if (split && (columns.firstIncrement === undefined || columns.nextIncrement === undefined)) {
      report('firstIncrement and nextIncrement go together', ['columns']);
    } else if (!split && columns.increments === undefined && raw.increments === undefined) {
      report('required when the deck has no increments column (e.g. "60/60")', ['increments']);
    }
    return {
      file: raw.file,
      separator: raw.separator === 'tab' ? '\t' : (raw.separator ?? null),
      decimal: raw.decimal ?? null,
      header,
      skipLines: raw.skipLines ?? 0,
      columns,
      increments: raw.increments ?? null,
      priceUnit: { scaleDigits: raw.priceUnit?.scale ?? 0, per: raw.priceUnit?.per ?? 'minute' },
    };
  });
