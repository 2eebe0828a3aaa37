import type { UseQueryResult } from '@tanstack/react-query';
import type { BreakdownReport, TrendReport } from '../../api/api-types';
import type { QueryValues } from '../../api/api-client';
import { useApiQuery } from '../../api/use-api-query';
import { ChartPanel } from '../../components/charts/ChartPanel';
import { LazyBarChart, LazyColumnChart, LazyTimeLineChart } from '../../components/charts/lazy-charts';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import {
  breakdownFigures,
  chartCurrencies,
  dashboardStringsOf,
  hourFigures,
  trendFigures,
  type CostDimension,
} from './report-charts';
import { trendIntervalFor } from './trend-interval';

/** How many rows a breakdown shows before the rest is summed as "other". */
const TOP_ROWS = 10;

/** What every dashboard panel takes: the report filters, the charts' currency and where it sits in the grid. */
interface PanelProps {
  query: QueryValues;
  /** The currency the charts draw; null until the summary says which there are. */
  currency: string | null;
  className?: string;
}

/** The request state a chart panel shows, from a query. */
function requestState(result: UseQueryResult<unknown, Error>) {
  return {
    loading: result.isPending,
    error: result.error,
    stale: result.isPlaceholderData,
    onRetry: () => void result.refetch(),
  };
}

/** The cost of each day, week or month of the period (the interval follows the period's length). */
export function TrendPanel({ query, currency, className }: PanelProps) {
  const strings = dashboardStringsOf(useStrings());
  const format = useFormat();
  const interval = trendIntervalFor(String(query.from), String(query.to));
  const result = useApiQuery<TrendReport>('/api/v1/reports/trend', { ...query, interval });
  const report = result.data;
  const shown = report && (currency ?? chartCurrencies(report.series[0]?.total ?? emptyTotals)[0]);
  const figures = report && shown ? trendFigures(report, shown, strings, format) : null;
  return (
    <ChartPanel
      {...requestState(result)}
      title={strings.charts.trend}
      subtitle={shown ? `${shown} ${strings.interval[report?.interval ?? interval]}` : undefined}
      className={className}
      testId="chart-trend"
      empty={!figures || figures.empty}
      table={figures?.table ?? null}
      chart={
        figures ? (
          <LazyTimeLineChart
            series={figures.data}
            title={strings.charts.trend}
            height={260}
            culture={format.locale}
            formatTick={report?.interval === 'month' ? format.month : format.shortDay}
          />
        ) : null
      }
    />
  );
}

/** The cost of the largest departments, users, destination classes or destinations. */
export function CostBreakdownPanel({
  query,
  currency,
  className,
  dimension,
}: PanelProps & { dimension: CostDimension }) {
  const strings = dashboardStringsOf(useStrings());
  const format = useFormat();
  const result = useApiQuery<BreakdownReport>('/api/v1/reports/breakdown', {
    ...query,
    dimension,
    limit: TOP_ROWS,
  });
  const report = result.data;
  const shown = report && (currency ?? chartCurrencies(report.total)[0]);
  const figures = report && shown ? breakdownFigures(report, dimension, shown, strings, format) : null;
  return (
    <ChartPanel
      {...requestState(result)}
      title={strings.charts[dimension]}
      subtitle={shown}
      className={className}
      testId={`chart-${dimension}`}
      empty={!figures || figures.empty}
      table={figures?.table ?? null}
      chart={
        figures ? (
          <LazyBarChart
            points={figures.data}
            title={strings.charts[dimension]}
            height={Math.max(160, figures.data.length * 30 + 50)}
            culture={format.locale}
          />
        ) : null
      }
    />
  );
}

/** How many calls each hour of the day had. */
export function HourPanel({ query, className }: Omit<PanelProps, 'currency'>) {
  const strings = dashboardStringsOf(useStrings());
  const format = useFormat();
  const result = useApiQuery<BreakdownReport>('/api/v1/reports/breakdown', {
    ...query,
    dimension: 'hourOfDay',
    limit: 24,
  });
  const figures = result.data ? hourFigures(result.data, strings, format) : null;
  return (
    <ChartPanel
      {...requestState(result)}
      title={strings.charts.hourOfDay}
      className={className}
      testId="chart-hourOfDay"
      empty={!figures || figures.empty}
      table={figures?.table ?? null}
      chart={
        figures ? (
          <LazyColumnChart
            points={figures.data}
            title={strings.charts.hourOfDay}
            height={240}
            culture={format.locale}
          />
        ) : null
      }
    />
  );
}

const emptyTotals = { calls: 0, answered: 0, talkSec: 0, minutes: 0, billedSec: 0, cost: [] };
