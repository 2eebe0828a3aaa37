import {
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { PipelineStatus } from '../../api/api-types';
import { useApiQuery } from '../../api/use-api-query';
import { ErrorState, LoadingState } from '../../components/PageState';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { HealthSummary } from './HealthSummary';
import { RecordersTable } from './RecordersTable';
import { pipelineHealth } from './pipeline-health';
import { bytesText, timeAgo } from './status-format';

/** How often the page reads the status again. */
export const STATUS_REFRESH_MS = 30_000;

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  heading: { display: 'grid', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  updated: { color: tokens.colorNeutralForeground2 },
  cards: {
    display: 'grid',
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    alignItems: 'start',
  },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontVariantNumeric: 'tabular-nums' },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/**
 * The recorder → spool → miner pipeline as `/api/v1/status` reports it, read every 30 seconds,
 * with an overall state that says in words what is wrong.
 */
export function StatusPage() {
  const strings = useStrings().status;
  const format = useFormat();
  const styles = useStyles();
  const query = useApiQuery<PipelineStatus>('/api/v1/status', {}, { refetchInterval: STATUS_REFRESH_MS });
  // The reading before the current one tells whether unrated calls grow.
  const [readings, setReadings] = useState<{ last?: PipelineStatus; before?: PipelineStatus }>({});
  if (query.data && query.data !== readings.last) setReadings({ last: query.data, before: readings.last });

  const status = query.data;
  // Ages are counted from when the status was read, so a render shows the same words.
  const now = new Date(query.dataUpdatedAt);
  const when = (iso: string | null) =>
    iso === null ? strings.never : strings.ago(timeAgo(iso, now, format.locale), format.dateTime(iso));
  const figure = (term: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.value}>{value}</dd>
    </>
  );

  return (
    <div className={styles.page}>
      <div className={styles.heading}>
        <Title2 as="h1" className={styles.title}>
          {strings.title}
        </Title2>
        {status ? (
          <Caption1 className={styles.updated}>
            {strings.updated(format.dateTime(now.toISOString()))}
          </Caption1>
        ) : null}
      </div>
      {status ? (
        <>
          {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
          <HealthSummary health={pipelineHealth(status, now, readings.before ?? null)} />
          <div className={styles.cards}>
            <Card>
              <CardHeader header={<Subtitle2 as="h2">{strings.calls}</Subtitle2>} />
              <dl className={styles.figures}>
                {figure(strings.lastCall, when(status.lastCallAt))}
                {figure(strings.lastMined, when(status.lastMinedAt))}
                {figure(strings.rated, format.integer(status.calls.rated))}
                {figure(strings.unrated, format.integer(status.calls.unrated))}
                {figure(strings.free, format.integer(status.calls.free))}
                {figure(strings.total, format.integer(status.calls.total))}
                {figure(strings.recordedLines, format.integer(status.recordedLines))}
                {figure(strings.rejectedLines, format.integer(status.rejectedLines))}
              </dl>
            </Card>
            <Card>
              <CardHeader header={<Subtitle2 as="h2">{strings.backlog}</Subtitle2>} />
              <dl className={styles.figures}>
                {figure(strings.backlogFiles, format.integer(status.backlog.files))}
                {figure(strings.backlogSize, bytesText(status.backlog.bytes, format.locale))}
                {figure(strings.backlogOldest, when(status.backlog.oldestAt))}
              </dl>
            </Card>
            <Card>
              <CardHeader
                header={
                  <Subtitle2 as="h2">
                    {strings.failed} ({format.integer(status.failedFiles.length)})
                  </Subtitle2>
                }
              />
              {status.failedFiles.length === 0 ? (
                <Text>{strings.noFailed}</Text>
              ) : (
                <ul className={styles.files}>
                  {status.failedFiles.map((file) => (
                    <li key={file}>
                      <Text font="monospace">{file}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          <Card>
            <CardHeader header={<Subtitle2 as="h2">{strings.recorders}</Subtitle2>} />
            {status.recorders.length === 0 ? (
              <Text>{strings.noRecorders}</Text>
            ) : (
              <RecordersTable recorders={status.recorders} now={now} />
            )}
          </Card>
        </>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <LoadingState />
      )}
    </div>
  );
}
