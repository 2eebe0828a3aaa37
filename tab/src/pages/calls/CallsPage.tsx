import { Button, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { CallPage, CallRow } from '../../api/api-types';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { FilterBar } from '../../components/filters/FilterBar';
import { useReportFilters } from '../../components/filters/use-report-filters';
import { useStrings } from '../../i18n/I18nProvider';
import { CallDetails } from './CallDetails';
import { CallFilterControls } from './CallFilterControls';
import { CallsGrid } from './CallsGrid';
import { ExportButtons } from './ExportButtons';
import { callExportQuery, callListQuery, callSelection } from './call-filters';
import { currentCursor, useCallPaging } from './call-paging';
import { useCallFilters } from './use-call-filters';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
  pager: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/**
 * The call list: every call the signed-in person may see, filtered and ordered by the API, a
 * page at a time, each call's details on select, and the same selection exported as a file.
 */
export function CallsPage() {
  const strings = useStrings().calls;
  const styles = useStyles();
  const { filters: period, setFilters: setPeriod, query: reportQuery } = useReportFilters();
  const [filters, setFilters] = useCallFilters();
  const selection = useMemo(
    () => JSON.stringify([callSelection(reportQuery, filters), filters.sort, filters.order]),
    [reportQuery, filters],
  );
  const { paging, next, previous } = useCallPaging(selection);
  const list = useApiQuery<CallPage>(
    '/api/v1/calls',
    callListQuery(reportQuery, filters, currentCursor(paging)),
  );
  const [opened, setOpened] = useState<CallRow | null>(null);
  const page = list.data;

  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <Title2 as="h1" className={styles.title}>
          {strings.title}
        </Title2>
        <ExportButtons
          queryOf={(format) => callExportQuery(reportQuery, filters, format)}
          period={{ from: period.from, to: period.to }}
        />
      </div>
      <FilterBar filters={period} onChange={setPeriod}>
        <CallFilterControls filters={filters} onChange={setFilters} />
      </FilterBar>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : page && page.calls.length === 0 && paging.index === 0 ? (
        <EmptyState title={strings.empty}>{strings.emptyHint}</EmptyState>
      ) : page ? (
        <>
          <Text className={styles.hint}>{strings.selectHint}</Text>
          <div aria-busy={list.isPlaceholderData}>
            <CallsGrid
              calls={page.calls}
              sort={filters}
              onSortChange={(order) => setFilters(order)}
              onOpen={setOpened}
            />
          </div>
          <nav className={styles.pager} aria-label={strings.pagerLabel}>
            <Button icon={<ChevronLeftRegular />} disabled={paging.index === 0} onClick={previous}>
              {strings.previousPage}
            </Button>
            <Text aria-live="polite">
              {list.isPlaceholderData ? strings.updating : strings.page(paging.index + 1)}
            </Text>
            <Button
              icon={<ChevronRightRegular />}
              iconPosition="after"
              disabled={!page.nextCursor || list.isPlaceholderData}
              onClick={() => page.nextCursor && next(page.nextCursor)}
            >
              {strings.nextPage}
            </Button>
          </nav>
        </>
      ) : null}
      <CallDetails call={opened} onClose={() => setOpened(null)} />
    </div>
  );
}
