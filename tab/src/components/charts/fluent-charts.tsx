import {
  HorizontalBarChartWithAxis,
  LineChart,
  VerticalBarChart,
  type HorizontalBarChartWithAxisDataPoint,
  type LineChartPoints,
  type VerticalBarChartDataPoint,
} from '@fluentui/react-charts';
import type { CategoryPoint, TimeSeries } from './chart-data';

// The only module that imports the chart library: the pages reach it through lazy-charts.tsx,
// so it is a chunk of its own, loaded after the first screen.

/** What every chart takes: its accessible name, its height and the locale of its axis numbers. */
export interface ChartBase {
  title: string;
  height: number;
  culture: string;
}

/** Bars of categories from left to right, largest first (breakdowns). */
export function BarChart({ points, title, height, culture }: ChartBase & { points: CategoryPoint[] }) {
  const data: HorizontalBarChartWithAxisDataPoint[] = points.map((point) => ({
    x: point.value,
    y: point.label,
    legend: point.label,
    xAxisCalloutData: point.label,
    yAxisCalloutData: point.display,
    barLabel: point.display,
  }));
  return (
    <HorizontalBarChartWithAxis
      data={data}
      chartTitle={title}
      height={height}
      hideLegend
      useSingleColor
      showYAxisLables
      showYAxisLablesTooltip
      culture={culture}
      yAxisCategoryOrder="data"
    />
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
    <VerticalBarChart
      data={data}
      chartTitle={title}
      height={height}
      hideLegend
      hideLabels
      useSingleColor
      culture={culture}
      barWidth="auto"
    />
  );
}

/** Lines over local days (trends). */
export function TimeLineChart({ series, title, height, culture }: ChartBase & { series: TimeSeries[] }) {
  const lineChartData: LineChartPoints[] = series.map((line) => ({
    legend: line.name,
    data: line.points.map((point) => ({
      x: new Date(`${point.start}T00:00:00Z`),
      y: point.value,
      xAxisCalloutData: point.label,
      yAxisCalloutData: point.display,
    })),
  }));
  return (
    <LineChart
      data={{ chartTitle: title, lineChartData }}
      height={height}
      hideLegend={series.length < 2}
      culture={culture}
      useUTC
    />
  );
}
