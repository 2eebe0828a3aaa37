import { CALL_EXPORT_COLUMNS, totalsRows } from './call-export.js';
import type { ReportContent } from './report-content.js';
import type { ReportTotals } from './report-totals.js';
import type { ExportCell } from './spreadsheet-cell.js';

/** A report's main table, as every document format lays it out: columns, rows, then totals rows. */
export interface ReportTable {
  /** What a row is: "Department", "Week from", "Call". */
  title: string;
  columns: readonly { header: string; width?: number }[];
  /** Rows as they read (spreadsheet formats make their text safe as they write it). */
  rows: ExportCell[][];
  /** The `Total` rows: the sums of the rows above, equal to the summary's totals. */
  totals: ExportCell[][];
}

const DIMENSION_TITLES: Record<string, string> = {
  department: 'Department',
  user: 'User',
  destination: 'Destination',
  site: 'Site',
  carrier: 'Carrier',
};

const INTERVAL_TITLES = { day: 'Day', week: 'Week from', month: 'Month from' } as const;

/**
 * The table of a report: the breakdown's rows (with `Other` for the rest), the trend's intervals,
 * or the calls (the call export's columns); then `Total`. Figures are calls, answered calls, talk
 * minutes and the cost in each currency of the period (one column per currency, never added).
 */
export function reportTable(content: ReportContent): ReportTable {
  if (content.calls) {
    return {
      title: 'Call',
      columns: CALL_EXPORT_COLUMNS,
      rows: content.calls.rows.map((row) => CALL_EXPORT_COLUMNS.map((column) => column.cell(row))),
      totals: totalsRows(content.totals),
    };
  }
  const currencies = content.totals.cost.map((entry) => entry.currency);
  const figures = (totals: ReportTotals): ExportCell[] => [
    totals.calls,
    totals.answered,
    totals.minutes,
    ...currencies.map((currency) => ({
      micro: totals.cost.find((entry) => entry.currency === currency)?.micro ?? 0,
    })),
  ];
  const columns = (title: string) => [
    { header: title, width: 32 },
    { header: 'Calls', width: 10 },
    { header: 'Answered', width: 10 },
    { header: 'Minutes', width: 10 },
    ...currencies.map((currency) => ({ header: `Cost ${currency}`, width: 14 })),
  ];
  const totals = [['Total', ...figures(content.totals)]];
  if (content.breakdown) {
    const title = DIMENSION_TITLES[content.breakdown.dimension] ?? 'Group';
    const rows = content.breakdown.rows.map((row) => [row.label, ...figures(row)]);
    const other = content.breakdown.other;
    if (other) rows.push([`Other (${other.rows})`, ...figures(other)]);
    return { title, columns: columns(title), rows, totals };
  }
  const interval = content.trend?.interval ?? 'day';
  const title = INTERVAL_TITLES[interval];
  const rows = (content.trend?.points ?? []).map((point) => [point.start, ...figures(point)]);
  return { title, columns: columns(title), rows, totals };
}

/**
 * A cell as text on a page, for people rather than programs: amounts rounded to the cent, numbers
 * with thousands separators, minutes to a tenth, empty cells blank (CSV and Excel keep every digit).
 */
export function cellText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return amountText(cell.micro);
  if (typeof cell === 'number')
    return Number.isInteger(cell) ? WHOLE.format(cell) : TENTHS.format(Math.round(cell * 10) / 10);
  return String(cell);
}

/** An amount of micro-units to the cent, rounded half away from zero, with thousands separators. */
export function amountText(micro: number): string {
  const cents = Math.round(Math.abs(micro) / 10_000);
  const fraction = String(cents % 100).padStart(2, '0');
  return `${micro < 0 && cents > 0 ? '-' : ''}${WHOLE.format(Math.trunc(cents / 100))}.${fraction}`;
}

const WHOLE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const TENTHS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
