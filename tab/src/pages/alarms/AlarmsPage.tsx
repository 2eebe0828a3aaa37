import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { fetchAlarms } from './alarm-list';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

const SEVERITY_COLORS: Record<string, 'danger' | 'warning' | 'informative'> = {
  critical: 'danger',
  warning: 'warning',
};

/** The alarms raised about costs, traffic and the system's health, newest as the API orders them. */
export function AlarmsPage() {
  const strings = useStrings().alarms;
  const format = useFormat();
  const styles = useStyles();
  const api = useApi();
  const navigation = useArrowNavigationGroup({ axis: 'grid' });
  const alarms = useQuery({
    queryKey: ['/api/v1/alarms'],
    queryFn: ({ signal }) => fetchAlarms(api, signal),
  });
  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {strings.title}
      </Title2>
      {alarms.isPending ? (
        <LoadingState />
      ) : alarms.isError ? (
        <ErrorState error={alarms.error} onRetry={() => void alarms.refetch()} />
      ) : alarms.data.length === 0 ? (
        <EmptyState title={strings.emptyTitle}>{strings.emptyBody}</EmptyState>
      ) : (
        <Table aria-label={strings.listLabel} className={styles.table} {...navigation}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.columns.title}</TableHeaderCell>
              <TableHeaderCell>{strings.columns.severity}</TableHeaderCell>
              <TableHeaderCell>{strings.columns.state}</TableHeaderCell>
              <TableHeaderCell>{strings.columns.raisedAt}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {alarms.data.map((alarm) => (
              <TableRow key={alarm.id}>
                <TableCell tabIndex={0}>{alarm.title}</TableCell>
                <TableCell tabIndex={0}>
                  <Badge appearance="tint" color={SEVERITY_COLORS[alarm.severity] ?? 'informative'}>
                    {strings.severities[alarm.severity] ?? alarm.severity}
                  </Badge>
                </TableCell>
                <TableCell tabIndex={0}>{strings.states[alarm.state] ?? alarm.state}</TableCell>
                <TableCell tabIndex={0}>{format.dateTime(alarm.raisedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
