import { lazy } from 'react';
import type * as FluentCharts from './fluent-charts';

// One dynamic import for all charts: the chart library is one chunk, fetched once, after the
// first screen (its KPI cards) is up. The panels ask at the same moment; they share one request.
let loading: Promise<typeof FluentCharts> | null = null;
const charts = () => (loading ??= import('./fluent-charts'));

/** Horizontal bars of a breakdown, loaded on first use. */
export const LazyBarChart = lazy(() => charts().then((m) => ({ default: m.BarChart })));

/** Columns of a histogram (hours of the day), loaded on first use. */
export const LazyColumnChart = lazy(() => charts().then((m) => ({ default: m.ColumnChart })));

/** Lines of a trend, loaded on first use. */
export const LazyTimeLineChart = lazy(() => charts().then((m) => ({ default: m.TimeLineChart })));
