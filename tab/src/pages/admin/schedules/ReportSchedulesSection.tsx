import { Button, Switch, Table, TableBody, TableCell, TableRow, Title3 } from '@fluentui/react-components';
import { AddRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ReportSchedule } from '../../../api/api-types';
import { ErrorState } from '../../../components/PageState';
import { useApiQuery } from '../../../api/use-api-query';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API } from '../admin-types';
import { DeleteDialog } from '../shared/DeleteDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { QueryView } from '../shared/QueryView';
import { RowActions } from '../shared/RowActions';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { ReportScheduleDialog } from './ReportScheduleDialog';
import { scheduleBodyOf } from './schedule-form';

/** Scheduled reports: the list with each one's last and next run, send now, enable, add, change, delete. */
export function ReportSchedulesSection() {
  const strings = useStrings().adminSchedules;
  const format = useFormat();
  const form = useFormStyles();
  const schedules = useApiQuery<ReportSchedule[]>(ADMIN_API.reportSchedules);
  const [editing, setEditing] = useState<ReportSchedule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ReportSchedule | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const toggle = useAdminMutation(
    (api, schedule: ReportSchedule) =>
      api.send('PUT', `${ADMIN_API.reportSchedules}/${schedule.id}`, {
        ...scheduleBodyOf(schedule),
        enabled: !schedule.enabled,
      }),
    [ADMIN_API.reportSchedules],
  );
  const run = useAdminMutation(
    (api, schedule: ReportSchedule) => api.send('POST', `${ADMIN_API.reportSchedules}/${schedule.id}/run`),
    [ADMIN_API.reportSchedules],
  );
  const when = (instant: string | null) => (instant === null ? strings.never : format.dateTime(instant));
  return (
    <>
      <div className={form.toolbar}>
        <Title3 as="h2">{strings.title}</Title3>
        <Button icon={<AddRegular />} onClick={() => setEditing('new')}>
          {strings.add}
        </Button>
      </div>
      <FormFeedback success={done} error={toggle.error} />
      {run.error ? <ErrorState error={run.error} title={strings.notSent} /> : null}
      <QueryView query={schedules} empty={strings.none}>
        {(list) => (
          <div className={form.wrap}>
            <Table aria-label={strings.tableLabel} size="small">
              <TableHead
                columns={[
                  strings.columns.name,
                  strings.columns.report,
                  strings.columns.period,
                  strings.columns.format,
                  strings.columns.recipients,
                  strings.columns.schedule,
                  strings.columns.enabled,
                  strings.columns.lastRun,
                  strings.columns.nextRun,
                ]}
              />
              <TableBody>
                {list.map((schedule) => (
                  <TableRow key={schedule.id}>
                    <TableCell>{schedule.name}</TableCell>
                    <TableCell>{strings.reports[schedule.report] ?? schedule.report}</TableCell>
                    <TableCell>{strings.periods[schedule.period] ?? schedule.period}</TableCell>
                    <TableCell>{strings.formats[schedule.format] ?? schedule.format}</TableCell>
                    <TableCell title={schedule.recipients.join(', ')}>
                      {strings.recipientsText(schedule.recipients.length)}
                    </TableCell>
                    <TableCell>{strings.scheduleText(schedule.cron, schedule.timeZone)}</TableCell>
                    <TableCell>
                      <Switch
                        checked={schedule.enabled}
                        disabled={toggle.isPending}
                        aria-label={strings.enabledLabel(schedule.name)}
                        onChange={() => {
                          setDone(null);
                          run.reset();
                          toggle.mutate(schedule, {
                            onSuccess: () => setDone(strings.switched(schedule.name, !schedule.enabled)),
                          });
                        }}
                      />
                    </TableCell>
                    <TableCell>
                      {schedule.lastRun
                        ? strings.lastRunText(
                            strings.runStatuses[schedule.lastRun.status] ?? schedule.lastRun.status,
                            when(schedule.lastRun.finishedAt ?? schedule.lastRun.dueAt),
                          )
                        : strings.never}
                    </TableCell>
                    <TableCell>{schedule.enabled ? when(schedule.nextRun) : strings.never}</TableCell>
                    <TableCell>
                      <div className={form.actions}>
                        <Button
                          size="small"
                          icon={<SendRegular />}
                          aria-label={strings.sendNowLabel(schedule.name)}
                          disabled={run.isPending}
                          onClick={() => {
                            setDone(null);
                            toggle.reset();
                            run.mutate(schedule, { onSuccess: () => setDone(strings.sent(schedule.name)) });
                          }}
                        >
                          {strings.sendNow}
                        </Button>
                        <RowActions
                          editLabel={strings.edit(schedule.name)}
                          deleteLabel={strings.delete(schedule.name)}
                          onEdit={() => setEditing(schedule)}
                          onDelete={() => setDeleting(schedule)}
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryView>
      {editing ? (
        <ReportScheduleDialog
          schedule={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setDone(strings.saved(name));
            setEditing(null);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title={strings.delete(deleting.name)}
          body={strings.deleteBody(deleting.name)}
          path={`${ADMIN_API.reportSchedules}/${deleting.id}`}
          invalidates={[ADMIN_API.reportSchedules]}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDone(strings.deleted(deleting.name));
            setDeleting(null);
          }}
        />
      ) : null}
    </>
  );
}
