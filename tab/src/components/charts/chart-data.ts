/** One bar of a bar chart: its name, the number drawn, and that number as the locale writes it. */
export interface CategoryPoint {
  label: string;
  value: number;
  display: string;
}

/** One line of a line chart: a point per interval, starting on a local day `YYYY-MM-DD`. */
export interface TimeSeries {
  name: string;
  points: { start: string; label: string; value: number; display: string }[];
}

/** One column of a chart's table; numeric columns are aligned to the right. */
export interface TableColumn {
  header: string;
  numeric?: boolean;
}

/** A chart's figures as a table, the accessible alternative of every chart (all cells already formatted). */
export interface TableData {
  columns: TableColumn[];
  rows: { key: string; cells: string[] }[];
  footer?: string[];
}

/** Whether a chart would draw nothing: no points, or only zeros. */
export function drawsNothing(values: readonly number[]): boolean {
  return values.every((value) => value === 0);
}
