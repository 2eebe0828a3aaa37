import type {
  BreakdownReport,
  BreakdownRow,
  ReportTotals,
  TrendPoint,
  TrendReport,
} from '../../api/api-types';
import type { CategoryPoint, TableData, TimeSeries } from '../../components/charts/chart-data';
import type { Formatters } from '../../i18n/formatters';
import type { Strings } from '../../i18n/strings';

/** The dashboard's strings, and the names of destination classes (the calls page's). */
export type DashboardStrings = Strings['dashboard'] & { destClasses: Record<string, string> };

/** The strings the dashboard's charts speak, from the strings of a language. */
export function dashboardStringsOf(strings: Strings): DashboardStrings {
  return { ...strings.dashboard, destClasses: strings.calls.destClasses };
}

/** The breakdowns the dashboard draws as bars of cost. */
export type CostDimension = 'department' | 'user' | 'destClass' | 'destination';

/** A chart's figures: what it draws, the same as a table, and whether there is anything at all. */
export interface ChartFigures<T> {
  data: T;
  table: TableData;
  empty: boolean;
}

/**
 * The currencies of some totals, the one of most charged calls first: the charts draw one
 * currency (amounts of different currencies are never added), the tables list them all.
 */
export function chartCurrencies(totals: ReportTotals): string[] {
  return [...totals.cost]
    .sort((a, b) => b.chargedCalls - a.chargedCalls || a.currency.localeCompare(b.currency))
    .map((cost) => cost.currency);
}

/** The amount of one currency in some totals, as a number of currency units (for a chart's scale). */
export function costIn(totals: ReportTotals, currency: string): number {
  return (totals.cost.find((cost) => cost.currency === currency)?.micro ?? 0) / 1_000_000;
}

/** The name of a breakdown row in the viewer's language: destination classes and rows without a key are named here. */
export function rowLabel(row: BreakdownRow, dimension: CostDimension, strings: DashboardStrings): string {
  if (row.key === null) return strings.noKey[dimension];
  if (dimension === 'destClass') return strings.destClasses[String(row.key)] ?? row.label;
  return row.label;
}

/**
 * Cost bars of a breakdown in the chart's currency, largest first, and all currencies in the
 * table. The `other` row is in the table only: the sum of many small rows would dwarf the bars
 * the chart is for.
 */
export function breakdownFigures(
  report: BreakdownReport,
  dimension: CostDimension,
  currency: string,
  strings: DashboardStrings,
  format: Formatters,
): ChartFigures<CategoryPoint[]> {
  const named = report.rows.map((row) => ({ label: rowLabel(row, dimension, strings), totals: row }));
  const other = report.other ? [{ label: strings.other(report.other.rows), totals: report.other }] : [];
  const point = ({ label, totals }: { label: string; totals: ReportTotals }): CategoryPoint => {
    const value = costIn(totals, currency);
    return { label, value, display: format.money(value * 1_000_000, currency) };
  };
  const currencies = chartCurrencies(report.total);
  return {
    data: named.map(point).sort((a, b) => b.value - a.value),
    empty: report.total.calls === 0,
    table: {
      columns: totalsColumns(strings.columns[dimension], currencies, strings),
      rows: [...named, ...other].map((row, index) => ({
        key: String(index),
        cells: [row.label, ...totalsCells(row.totals, currencies, strings, format)],
      })),
      footer: [strings.total, ...totalsCells(report.total, currencies, strings, format)],
    },
  };
}

/** Calls per hour of the day, every hour in order. */
export function hourFigures(
  report: BreakdownReport,
  strings: DashboardStrings,
  format: Formatters,
): ChartFigures<CategoryPoint[]> {
  const currencies = chartCurrencies(report.total);
  const hour = (row: BreakdownRow) =>
    row.key === null ? row.label : `${String(row.key).padStart(2, '0')}:00`;
  return {
    data: report.rows.map((row) => ({
      label: hour(row),
      value: row.calls,
      display: format.integer(row.calls),
    })),
    empty: report.total.calls === 0,
    table: {
      columns: totalsColumns(strings.columns.hourOfDay, currencies, strings),
      rows: report.rows.map((row) => ({
        key: String(row.key),
        cells: [hour(row), ...totalsCells(row, currencies, strings, format)],
      })),
      footer: [strings.total, ...totalsCells(report.total, currencies, strings, format)],
    },
  };
}

/** The cost of each interval of an ungrouped trend in the chart's currency, every currency in the table. */
export function trendFigures(
  report: TrendReport,
  currency: string,
  strings: DashboardStrings,
  format: Formatters,
): ChartFigures<TimeSeries[]> {
  const series = report.series[0];
  const points = series?.points ?? [];
  const total = series?.total ?? null;
  const currencies = total ? chartCurrencies(total) : [];
  const label = (point: TrendPoint) => intervalLabel(point, report.interval, format);
  return {
    data: [
      {
        name: currency,
        points: points.map((point) => {
          const value = costIn(point, currency);
          return {
            start: point.start,
            label: label(point),
            value,
            display: format.money(value * 1_000_000, currency),
          };
        }),
      },
    ],
    empty: !total || total.calls === 0,
    table: {
      columns: totalsColumns(strings.columns.period, currencies, strings),
      rows: points.map((point) => ({
        key: point.start,
        cells: [label(point), ...totalsCells(point, currencies, strings, format)],
      })),
      ...(total ? { footer: [strings.total, ...totalsCells(total, currencies, strings, format)] } : {}),
    },
  };
}

/** An interval of a trend in words: a day, a week as its first and last day, a month by name. */
export function intervalLabel(
  point: Pick<TrendPoint, 'start' | 'end'>,
  interval: TrendReport['interval'],
  format: Formatters,
): string {
  if (interval === 'day') return format.day(point.start);
  if (interval === 'month') return format.month(point.start);
  return `${format.shortDay(point.start)} – ${format.shortDay(point.end)}`;
}

function totalsColumns(first: string, currencies: string[], strings: DashboardStrings): TableData['columns'] {
  return [
    { header: first },
    { header: strings.columns.calls, numeric: true },
    { header: strings.columns.answered, numeric: true },
    { header: strings.columns.minutes, numeric: true },
    ...currencies.map((currency) => ({ header: strings.columns.cost(currency), numeric: true })),
  ];
}

function totalsCells(
  totals: ReportTotals,
  currencies: string[],
  strings: DashboardStrings,
  format: Formatters,
): string[] {
  return [
    format.integer(totals.calls),
    format.integer(totals.answered),
    format.decimal(totals.minutes, 1),
    ...currencies.map((currency) => {
      const cost = totals.cost.find((entry) => entry.currency === currency);
      return cost ? format.money(cost.micro, currency) : strings.notCharged;
    }),
  ];
}
