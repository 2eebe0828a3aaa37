import { MICRO_PER_UNIT } from '../domain/money.js';
import type { ReportContent } from './report-content.js';
import { mainCurrencies, type ReportTotals } from './report-totals.js';

/** A shape of a drawn chart, in points from the chart's top left corner. */
export type ChartShape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'middle' | 'end' };

/** A chart laid out: its title, size and shapes; SVG (HTML) and pdfkit (PDF) draw the same shapes. */
export interface ChartLayout {
  title: string;
  width: number;
  height: number;
  shapes: ChartShape[];
}

interface Bar {
  label: string;
  value: number;
}

const BAR_COLOR = '#5b5fc7';
const AXIS_COLOR = '#8a8886';
const BREAKDOWN_BARS = 10;

/** The charts of a report: a bar chart of its breakdown and columns of its trend, when it has them. */
export function reportCharts(content: ReportContent, width = 500): ChartLayout[] {
  const measure = measureOf(content.totals);
  const charts: ChartLayout[] = [];
  if (content.breakdown && content.breakdown.rows.length > 0) {
    const bars = content.breakdown.rows
      .slice(0, BREAKDOWN_BARS)
      .map((row) => ({ label: row.label, value: measure.of(row) }));
    charts.push(barChart(`${measure.name} by ${content.breakdown.dimension}`, bars, measure.format, width));
  }
  if (content.trend && content.trend.points.length > 0) {
    const bars = content.trend.points.map((point) => ({ label: point.start, value: measure.of(point) }));
    charts.push(columnChart(`${measure.name} per ${content.trend.interval}`, bars, measure.format, width));
  }
  return charts;
}

/** Cost in the main currency when calls were charged, else the number of calls. */
function measureOf(totals: ReportTotals) {
  const currency = mainCurrencies(totals)[0];
  if (currency === undefined)
    return { name: 'Calls', of: (t: ReportTotals) => t.calls, format: (value: number) => String(value) };
  return {
    name: `Cost (${currency})`,
    of: (t: ReportTotals) =>
      (t.cost.find((entry) => entry.currency === currency)?.micro ?? 0) / MICRO_PER_UNIT,
    format: (value: number) => value.toFixed(2),
  };
}

/** Horizontal bars, largest first as given, each with its label on the left and value on the right. */
function barChart(title: string, bars: Bar[], format: (value: number) => string, width: number): ChartLayout {
  const rowHeight = 18;
  const labelWidth = Math.round(width * 0.35);
  const valueWidth = 70;
  const top = 4;
  const max = Math.max(...bars.map((bar) => bar.value), 0) || 1;
  const shapes: ChartShape[] = [];
  bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    const length = Math.max(0, ((width - labelWidth - valueWidth - 8) * bar.value) / max);
    shapes.push({
      kind: 'text',
      x: labelWidth - 6,
      y: y + 12,
      text: clip(bar.label, 40),
      size: 9,
      anchor: 'end',
    });
    shapes.push({
      kind: 'rect',
      x: labelWidth,
      y: y + 2,
      width: length,
      height: rowHeight - 5,
      color: BAR_COLOR,
    });
    shapes.push({
      kind: 'text',
      x: labelWidth + length + 4,
      y: y + 12,
      text: format(bar.value),
      size: 9,
      anchor: 'start',
    });
  });
  const height = top + bars.length * rowHeight + 4;
  shapes.push({ kind: 'line', x1: labelWidth, y1: top, x2: labelWidth, y2: height - 4, color: AXIS_COLOR });
  return { title, width, height, shapes };
}

/** Vertical columns in time order over a base line, the largest value marked on the axis. */
function columnChart(
  title: string,
  bars: Bar[],
  format: (value: number) => string,
  width: number,
): ChartLayout {
  const height = 170;
  const left = 50;
  const bottom = 24;
  const top = 10;
  const plotHeight = height - top - bottom;
  const max = Math.max(...bars.map((bar) => bar.value), 0) || 1;
  const step = (width - left - 4) / bars.length;
  const shapes: ChartShape[] = [
    { kind: 'line', x1: left, y1: height - bottom, x2: width - 2, y2: height - bottom, color: AXIS_COLOR },
    { kind: 'line', x1: left, y1: top, x2: left, y2: height - bottom, color: AXIS_COLOR },
    { kind: 'text', x: left - 4, y: top + 4, text: format(max), size: 8, anchor: 'end' },
    { kind: 'text', x: left - 4, y: height - bottom, text: '0', size: 8, anchor: 'end' },
  ];
  const labelEvery = Math.max(1, Math.ceil(bars.length / 8));
  bars.forEach((bar, index) => {
    const columnHeight = (plotHeight * bar.value) / max;
    const x = left + index * step + step * 0.15;
    shapes.push({
      kind: 'rect',
      x,
      y: height - bottom - columnHeight,
      width: Math.max(1, step * 0.7),
      height: columnHeight,
      color: BAR_COLOR,
    });
    if (index % labelEvery === 0)
      shapes.push({
        kind: 'text',
        x: x + step * 0.35,
        y: height - bottom + 12,
        text: bar.label.slice(5),
        size: 8,
        anchor: 'middle',
      });
  });
  return { title, width, height, shapes };
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
