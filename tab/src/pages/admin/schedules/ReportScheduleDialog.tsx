import { Field, Input, Select, Switch, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReportSchedule } from '../../../api/api-types';
import { useApiQuery } from '../../../api/use-api-query';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Department, type Site } from '../admin-types';
import { FormDialog } from '../shared/FormDialog';
import { useFormStyles } from '../shared/form-styles';
import { useAdminMutation } from '../shared/use-admin-mutation';
import {
  CRON_PRESETS,
  NEW_SCHEDULE,
  SCHEDULE_FORMATS,
  SCHEDULE_PERIODS,
  SCHEDULE_REPORTS,
  scheduleBody,
  scheduleDraftOf,
  type ScheduleBody,
  type ScheduleDraft,
  type ScheduleField,
} from './schedule-form';

const CUSTOM = 'custom';

/** Options of a select: the known values, and the stored one too if the form does not know it. */
function withCurrent(values: readonly string[], current: string): string[] {
  return values.includes(current) ? [...values] : [...values, current];
}

/** The form of one scheduled report: what, for which site or department, in which format, to whom, when. */
export function ReportScheduleDialog({
  schedule,
  onClose,
  onSaved,
}: {
  schedule: ReportSchedule | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const strings = useStrings().adminSchedules;
  const form = useFormStyles();
  const sites = useApiQuery<Site[]>(ADMIN_API.sites);
  const departments = useApiQuery<Department[]>(ADMIN_API.departments);
  const [draft, setDraft] = useState<ScheduleDraft>(() =>
    schedule ? scheduleDraftOf(schedule) : NEW_SCHEDULE,
  );
  const [problems, setProblems] = useState<ScheduleField[]>([]);
  const save = useAdminMutation(
    (api, body: ScheduleBody) =>
      schedule
        ? api.send('PUT', `${ADMIN_API.reportSchedules}/${schedule.id}`, body)
        : api.send('POST', ADMIN_API.reportSchedules, body),
    [ADMIN_API.reportSchedules],
  );
  const problem = (field: ScheduleField) => (problems.includes(field) ? strings.problems[field] : undefined);
  const set = (change: Partial<ScheduleDraft>) => setDraft({ ...draft, ...change });
  const choice = (
    name: 'report' | 'period' | 'format',
    values: readonly string[],
    words: Record<string, string>,
  ) => (
    <Field label={strings.fields[name]}>
      <Select value={draft[name]} onChange={(_, data) => set({ [name]: data.value })}>
        {withCurrent(values, draft[name]).map((value) => (
          <option key={value} value={value}>
            {words[value] ?? value}
          </option>
        ))}
      </Select>
    </Field>
  );
  const preset = (CRON_PRESETS as readonly string[]).includes(draft.cron) ? draft.cron : CUSTOM;
  return (
    <FormDialog
      open
      wide
      title={schedule ? strings.edit(schedule.name) : strings.add}
      saving={save.isPending}
      error={save.error}
      onClose={onClose}
      onSave={() => {
        const read = scheduleBody(draft);
        if (!read.ok) return setProblems(read.problems);
        setProblems([]);
        save.mutate(read.body, { onSuccess: () => onSaved(read.body.name) });
      }}
    >
      <div className={form.grid}>
        <Field label={strings.fields.name} required validationMessage={problem('name')}>
          <Input value={draft.name} onChange={(_, data) => set({ name: data.value })} />
        </Field>
        {choice('report', SCHEDULE_REPORTS, strings.reports)}
        {choice('period', SCHEDULE_PERIODS, strings.periods)}
        {choice('format', SCHEDULE_FORMATS, strings.formats)}
        <Field label={strings.fields.site}>
          <Select value={draft.site} onChange={(_, data) => set({ site: data.value })}>
            <option value="">{strings.everySite}</option>
            {(sites.data ?? []).map((site) => (
              <option key={site.id} value={String(site.id)}>
                {site.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.fields.department}>
          <Select value={draft.department} onChange={(_, data) => set({ department: data.value })}>
            <option value="">{strings.everyDepartment}</option>
            {(departments.data ?? []).map((department) => (
              <option key={department.id} value={String(department.id)}>
                {department.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label={strings.fields.recipients}
        required
        hint={strings.hints.recipients}
        validationMessage={problem('recipients')}
      >
        <Textarea value={draft.recipients} onChange={(_, data) => set({ recipients: data.value })} />
      </Field>
      <div className={form.grid}>
        <Field label={strings.fields.preset}>
          <Select
            value={preset}
            onChange={(_, data) => (data.value === CUSTOM ? undefined : set({ cron: data.value }))}
          >
            {CRON_PRESETS.map((cron) => (
              <option key={cron} value={cron}>
                {strings.presets[cron]}
              </option>
            ))}
            <option value={CUSTOM}>{strings.custom}</option>
          </Select>
        </Field>
        <Field
          label={strings.fields.cron}
          required
          hint={strings.hints.cron}
          validationMessage={problem('cron')}
        >
          <Input value={draft.cron} onChange={(_, data) => set({ cron: data.value })} />
        </Field>
        <Field
          label={strings.fields.timeZone}
          required
          hint={strings.hints.timeZone}
          validationMessage={problem('timeZone')}
        >
          <Input value={draft.timeZone} onChange={(_, data) => set({ timeZone: data.value })} />
        </Field>
        <Field label={strings.fields.enabled}>
          <Switch checked={draft.enabled} onChange={(_, data) => set({ enabled: data.checked })} />
        </Field>
      </div>
    </FormDialog>
  );
}
