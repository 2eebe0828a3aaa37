import { Button, Caption1, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DataBarHorizontalRegular, TableRegular } from '@fluentui/react-icons';
import { Suspense, useId, useState, type ReactNode } from 'react';
import { useStrings } from '../../i18n/I18nProvider';
import { EmptyState, ErrorState, LoadingState } from '../PageState';
import { ChartBoundary } from './ChartBoundary';
import type { TableData } from './chart-data';
import { DataTable } from './DataTable';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Transparent but in high contrast, where shadows vanish and a border keeps the panels apart.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  head: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  titles: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  heading: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  body: { minHeight: '120px', minWidth: 0 },
  stale: { opacity: 0.6 },
});

/** What a panel shows: the state of its request, and when there are figures, the chart and its table. */
export interface ChartPanelProps {
  title: string;
  subtitle?: string;
  className?: string;
  testId?: string;
  loading: boolean;
  error: unknown;
  onRetry(): void;
  /** The figures of the previous filters are shown while the new ones load. */
  stale?: boolean;
  /** No figures for this period: an empty state instead of an empty chart. */
  empty: boolean;
  table: TableData | null;
  /** The chart (a lazy one from lazy-charts.tsx), drawn only when there are figures. */
  chart: ReactNode;
}

/**
 * A titled panel with one chart, and a button that shows the same figures as a table (the
 * chart's accessible alternative). Loading, empty and error states take the chart's place; a
 * chart that cannot load or draw leaves the table in its place.
 */
export function ChartPanel(props: ChartPanelProps) {
  const styles = useStyles();
  const strings = useStrings();
  const headingId = useId();
  const bodyId = useId();
  const [asTable, setAsTable] = useState(false);
  const ready = !props.loading && !props.error && !props.empty && props.table !== null;
  const table = props.table ? <DataTable label={props.title} data={props.table} /> : null;
  return (
    <section
      className={mergeClasses(styles.panel, props.className)}
      aria-labelledby={headingId}
      data-testid={props.testId}
    >
      <div className={styles.head}>
        <div className={styles.titles}>
          <Subtitle2 as="h2" id={headingId} className={styles.heading}>
            {props.title}
          </Subtitle2>
          {props.subtitle ? <Caption1 className={styles.subtitle}>{props.subtitle}</Caption1> : null}
        </div>
        {ready ? (
          <Button
            appearance="subtle"
            size="small"
            icon={asTable ? <DataBarHorizontalRegular /> : <TableRegular />}
            aria-controls={bodyId}
            onClick={() => setAsTable(!asTable)}
          >
            {asTable ? strings.common.showChart : strings.common.showTable}
          </Button>
        ) : null}
      </div>
      <div
        id={bodyId}
        className={mergeClasses(styles.body, props.stale && styles.stale)}
        aria-busy={props.loading || props.stale ? true : undefined}
      >
        {props.error ? (
          <ErrorState error={props.error} onRetry={props.onRetry} />
        ) : props.loading ? (
          <LoadingState />
        ) : !ready ? (
          <EmptyState title={strings.common.noData} />
        ) : asTable ? (
          table
        ) : (
          <ChartBoundary
            fallback={
              <>
                <Caption1>{strings.charts.drawFailed}</Caption1>
                {table}
              </>
            }
          >
            <Suspense fallback={<LoadingState />}>{props.chart}</Suspense>
          </ChartBoundary>
        )}
      </div>
    </section>
  );
}
