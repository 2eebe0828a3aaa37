import {
  Badge,
  Button,
  Field,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AcknowledgedAlarm, AlarmJson, AlarmList } from '../../api/api-types';
import { useApiQuery } from '../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { useUrlWriter } from '../../components/filters/use-url-writer';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { FormFeedback } from '../admin/shared/FormFeedback';
import { TableHead } from '../admin/shared/TableHead';
import { useAdminMutation } from '../admin/shared/use-admin-mutation';
import {
  ALARM_FILTERS,
  ALARM_LIMIT,
  ALARMS_API,
  alarmFilterOf,
  searchOfAlarmFilter,
  type AlarmFilter,
} from './alarm-list';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  wrap: { overflowX: 'auto' },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
});

/** The badge colour of each severity; the badge always says the severity in words as well. */
const SEVERITY_COLORS: Record<string, 'danger' | 'warning' | 'informative'> = {
  critical: 'danger',
  warning: 'warning',
  info: 'informative',
};

/**
 * The alarms the signed-in person may see (the API scopes them), newest first, filtered by status
 * in the URL; an open alarm can be acknowledged here.
 */
export function AlarmsPage() {
  const strings = useStrings().alarms;
  const styles = useStyles();
  const [params, write] = useUrlWriter({ replace: true });
  const filter = alarmFilterOf(params);
  const alarms = useApiQuery<AlarmList>(ALARMS_API, { status: filter, limit: ALARM_LIMIT });
  const [done, setDone] = useState<string | null>(null);
  const acknowledge = useAdminMutation(
    (api, alarm: AlarmJson) => api.send<AcknowledgedAlarm>('POST', `${ALARMS_API}/${alarm.id}/acknowledge`),
    [ALARMS_API],
  );
  const list = alarms.data?.alarms;
  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {strings.title}
      </Title2>
      <Field label={strings.filterLabel}>
        <RadioGroup
          layout="horizontal"
          value={filter}
          onChange={(_, data) => {
            setDone(null);
            acknowledge.reset();
            write((latest) => searchOfAlarmFilter(data.value as AlarmFilter, latest));
          }}
        >
          {ALARM_FILTERS.map((value) => (
            <Radio key={value} value={value} label={strings.filters[value]} />
          ))}
        </RadioGroup>
      </Field>
      {acknowledge.error ? <ErrorState error={acknowledge.error} title={strings.notAcknowledged} /> : null}
      <FormFeedback success={done} />
      {alarms.isPending ? (
        <LoadingState />
      ) : alarms.isError ? (
        <ErrorState error={alarms.error} onRetry={() => void alarms.refetch()} />
      ) : !list || list.length === 0 ? (
        <EmptyState title={strings.emptyFiltered[filter] ?? strings.emptyTitle}>
          {strings.emptyBody}
        </EmptyState>
      ) : (
        <div className={styles.wrap}>
          <AlarmTable
            alarms={list}
            busyId={acknowledge.isPending ? acknowledge.variables?.id : undefined}
            onAcknowledge={(alarm) => {
              setDone(null);
              acknowledge.mutate(alarm, { onSuccess: () => setDone(strings.acknowledged(alarm.rule)) });
            }}
          />
        </div>
      )}
    </div>
  );
}

function AlarmTable({
  alarms,
  busyId,
  onAcknowledge,
}: {
  alarms: AlarmJson[];
  busyId: number | undefined;
  onAcknowledge: (alarm: AlarmJson) => void;
}) {
  const strings = useStrings().alarms;
  const format = useFormat();
  const styles = useStyles();
  const columns = strings.columns;
  return (
    <Table aria-label={strings.listLabel} className={styles.table} size="small">
      <TableHead
        columns={[
          columns.severity,
          columns.rule,
          columns.subject,
          columns.detail,
          columns.raisedAt,
          columns.status,
          columns.acknowledged,
        ]}
      />
      <TableBody>
        {alarms.map((alarm) => (
          <TableRow key={alarm.id} data-alarm-id={alarm.id}>
            <TableCell>
              <Badge appearance="tint" color={SEVERITY_COLORS[alarm.severity] ?? 'informative'}>
                {strings.severities[alarm.severity] ?? alarm.severity}
              </Badge>
            </TableCell>
            <TableCell>{alarm.rule}</TableCell>
            <TableCell>{alarm.subject}</TableCell>
            <TableCell>{alarm.detail}</TableCell>
            <TableCell>{format.dateTime(alarm.raisedAt)}</TableCell>
            <TableCell>
              {alarm.status === 'resolved' && alarm.resolvedAt
                ? strings.resolvedAt(format.dateTime(alarm.resolvedAt))
                : (strings.states[alarm.status] ?? alarm.status)}
            </TableCell>
            <TableCell>
              {alarm.acknowledgedAt
                ? strings.acknowledgedByAt(alarm.acknowledgedBy ?? '', format.dateTime(alarm.acknowledgedAt))
                : null}
            </TableCell>
            <TableCell>
              {alarm.status === 'open' ? (
                <Button
                  size="small"
                  icon={<CheckmarkRegular />}
                  aria-label={strings.acknowledgeLabel(alarm.rule, alarm.subject)}
                  disabled={busyId === alarm.id}
                  onClick={() => onAcknowledge(alarm)}
                >
                  {busyId === alarm.id ? strings.acknowledging : strings.acknowledge}
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
