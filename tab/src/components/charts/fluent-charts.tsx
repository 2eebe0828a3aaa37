import {
  HorizontalBarChartWithAxis,
  LineChart,
  VerticalBarChart,
  type HorizontalBarChartWithAxisDataPoint,
  type LineChartPoints,
  type VerticalBarChartDataPoint,
} from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { CategoryPoint, TimeSeries } from './chart-data';

// The only module that imports the chart library: the pages reach it through lazy-charts.tsx,
// so it is a chunk of its own, loaded after the first screen.

/** What every chart takes: its accessible name, its height and the locale of its axis numbers. */
export interface ChartBase {
  title: string;
  height: number;
  culture: string;
}

/** One colour for every bar and line, from the theme: it holds in dark and high-contrast themes. */
const SERIES_COLOR = [tokens.colorBrandBackground];

/** The most ticks on a time axis. */
const MAX_TICKS = 12;

/** Longer category names are cut, with the whole name in a tooltip. */
const LABEL_CHARS = 24;

/**
 * Room for the category names left of the bars. The chart's own measure falls a few characters
 * short with Fluent's fonts, so it is estimated from the longest name as it is shown.
 */
function labelMargin(points: readonly CategoryPoint[]): number {
  const longest = Math.max(0, ...points.map((point) => Math.min(point.label.length, LABEL_CHARS + 3)));
  return Math.max(40, Math.ceil(longest * 6.5) + 28);
}

/** The charts fill their container's height, so it is set here. */
function Sized({ height, children }: { height: number; children: ReactNode }) {
  return <div style={{ height, width: '100%' }}>{children}</div>;
}

/** Bars of categories from left to right, largest first (breakdowns). */
export function BarChart({ points, title, height, culture }: ChartBase & { points: CategoryPoint[] }) {
  // The chart stacks its first bar at the bottom: the list goes in reversed, the first on top.
  const data: HorizontalBarChartWithAxisDataPoint[] = [...points].reverse().map((point) => ({
    x: point.value,
    y: point.label,
    legend: point.label,
    xAxisCalloutData: point.label,
    yAxisCalloutData: point.display,
    barLabel: point.display,
  }));
  return (
    <Sized height={height}>
      <HorizontalBarChartWithAxis
        data={data}
        chartTitle={title}
        height={height}
        hideLegend
        useSingleColor
        colors={SERIES_COLOR}
        showYAxisLables
        showYAxisLablesTooltip
        noOfCharsToTruncate={LABEL_CHARS}
        margins={{ left: labelMargin(points) }}
        culture={culture}
        yAxisCategoryOrder="data"
      />
    </Sized>
  );
}

/** Columns over categories in their own order (hours of the day). */
export function ColumnChart({ points, title, height, culture }: ChartBase & { points: CategoryPoint[] }) {
  const data: VerticalBarChartDataPoint[] = points.map((point) => ({
    x: point.label,
    y: point.value,
    legend: point.label,
    xAxisCalloutData: point.label,
    yAxisCalloutData: point.display,
  }));
  return (
    <Sized height={height}>
      <VerticalBarChart
        data={data}
        chartTitle={title}
        height={height}
        hideLegend
        hideLabels
        useSingleColor
        colors={SERIES_COLOR}
        roundedTicks
        culture={culture}
        barWidth="auto"
      />
    </Sized>
  );
}

/** Lines over local days (trends). */
export function TimeLineChart({
  series,
  title,
  height,
  culture,
  formatTick,
}: ChartBase & { series: TimeSeries[]; formatTick(day: string): string }) {
  const starts = series[0]?.points.map((point) => new Date(`${point.start}T00:00:00Z`)) ?? [];
  const lineChartData: LineChartPoints[] = series.map((line) => ({
    legend: line.name,
    ...(series.length === 1 ? { color: tokens.colorBrandBackground } : {}),
    data: line.points.map((point) => ({
      x: new Date(`${point.start}T00:00:00Z`),
      y: point.value,
      xAxisCalloutData: point.label,
      yAxisCalloutData: point.display,
    })),
  }));
  return (
    <Sized height={height}>
      <LineChart
        data={{ chartTitle: title, lineChartData }}
        height={height}
        hideLegend={series.length < 2}
        roundedTicks
        culture={culture}
        useUTC
        // A tick on every interval while they fit, else on some; never between two days.
        {...(starts.length <= MAX_TICKS ? { tickValues: starts } : { xAxisTickCount: MAX_TICKS })}
        customDateTimeFormatter={(date: Date) => formatTick(date.toISOString().slice(0, 10))}
      />
    </Sized>
  );
}
