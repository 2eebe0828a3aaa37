import type { Micro } from '../domain/money.js';

/** A cell of an exported row: text, a count, an amount of money, or empty. */
export type ExportCell = string | number | { micro: Micro } | null;

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as a spreadsheet can show it without running it: a cell starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a single quote in front (OWASP's advice on CSV injection), so a
 * number like `+3902…` or a name like `=HYPERLINK(…)` is shown, never evaluated.
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A row's cells with every text made safe; numbers and amounts are values, not text, and stay. */
export function safeRow(cells: readonly ExportCell[]): ExportCell[] {
  return cells.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell));
}
