import { Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { useStrings } from '../../../i18n/I18nProvider';
import { DESTINATION_CLASSES } from '../../calls/call-filters';
import { FieldGroup } from '../shared/FieldGroup';
import { useFormStyles } from '../shared/form-styles';
import {
  HEALTH_CHECKS,
  WEEKDAYS,
  type AlarmRuleDraft,
  type AlarmRuleField,
  type HealthCheck,
} from './alarm-rule-form';

/** A setting of the draft typed as text. */
type TextSetting =
  | 'budgetSubjectId'
  | 'budgetAmount'
  | 'thresholds'
  | 'maxCost'
  | 'maxDurationMin'
  | 'prefixes'
  | 'countries'
  | 'factor'
  | 'minimum'
  | 'baselineDays'
  | 'healthLimit';

/** A setting of the draft chosen from a list. */
type ChoiceSetting = 'budgetSubject' | 'budgetPeriod' | 'anomalySubject' | 'anomalyMeasure' | 'severity';

/**
 * The settings of the rule's kind: a budget's subject, period, amount and thresholds; a single
 * call's limits; destinations; business hours; what counts as unusual; a health check.
 */
export function AlarmRuleKindFields({
  draft,
  setDraft,
  problem,
}: {
  draft: AlarmRuleDraft;
  setDraft: (draft: AlarmRuleDraft) => void;
  problem: (field: AlarmRuleField) => string | undefined;
}) {
  const all = useStrings();
  const strings = all.adminAlarms;
  const form = useFormStyles();
  const text = (
    name: TextSetting,
    label: string = strings.fields[name as keyof typeof strings.fields] as string,
    also?: string,
  ) => (
    <Field label={label} hint={strings.hints[name]} validationMessage={problem(name) ?? also}>
      <Input value={draft[name]} onChange={(_, data) => setDraft({ ...draft, [name]: data.value })} />
    </Field>
  );
  const choice = (name: ChoiceSetting, options: Record<string, string>, label: string) => (
    <Field label={label}>
      <Select value={draft[name]} onChange={(_, data) => setDraft({ ...draft, [name]: data.value })}>
        {Object.entries(options).map(([value, words]) => (
          <option key={value} value={value}>
            {words}
          </option>
        ))}
      </Select>
    </Field>
  );
  const severity = choice('severity', strings.severities, strings.fields.severity);
  switch (draft.kind) {
    case 'budget':
      return (
        <div className={form.grid}>
          {choice('budgetSubject', strings.subjects, strings.fields.budgetSubject)}
          {text('budgetSubjectId')}
          {choice('budgetPeriod', strings.periods, strings.fields.budgetPeriod)}
          {text('budgetAmount')}
          {text('thresholds')}
        </div>
      );
    case 'single_call':
      return (
        <div className={form.grid}>
          {text('maxCost', undefined, problem('limits'))}
          {text('maxDurationMin')}
          {severity}
        </div>
      );
    case 'destination':
      return (
        <>
          <FieldGroup label={strings.fields.destClasses} problem={problem('destinations')}>
            {DESTINATION_CLASSES.map((destClass) => (
              <Checkbox
                key={destClass}
                label={all.calls.destClasses[destClass] ?? destClass}
                checked={draft.destClasses.includes(destClass)}
                onChange={(_, data) =>
                  setDraft({
                    ...draft,
                    destClasses: data.checked
                      ? [...draft.destClasses, destClass]
                      : draft.destClasses.filter((each) => each !== destClass),
                  })
                }
              />
            ))}
          </FieldGroup>
          <div className={form.grid}>
            {text('prefixes')}
            {text('countries')}
            {severity}
          </div>
        </>
      );
    case 'out_of_hours':
      return (
        <>
          <FieldGroup label={strings.fields.hours} problem={problem('hours')}>
            <div className={form.grid}>
              {WEEKDAYS.map((day) => {
                const hours = draft.hours[day];
                const name = strings.weekdays[day];
                const set = (change: Partial<typeof hours>) =>
                  setDraft({ ...draft, hours: { ...draft.hours, [day]: { ...hours, ...change } } });
                return (
                  <div key={day} className={form.actions}>
                    <Checkbox
                      label={name}
                      aria-label={strings.fields.open(name)}
                      checked={hours.open}
                      onChange={(_, data) => set({ open: data.checked === true })}
                    />
                    <Input
                      size="small"
                      aria-label={strings.fields.from(name)}
                      disabled={!hours.open}
                      value={hours.from}
                      onChange={(_, data) => set({ from: data.value })}
                    />
                    <Input
                      size="small"
                      aria-label={strings.fields.to(name)}
                      disabled={!hours.open}
                      value={hours.to}
                      onChange={(_, data) => set({ to: data.value })}
                    />
                  </div>
                );
              })}
            </div>
          </FieldGroup>
          <Checkbox
            label={strings.fields.holidays}
            checked={draft.holidays}
            onChange={(_, data) => setDraft({ ...draft, holidays: data.checked === true })}
          />
          <div className={form.grid}>{severity}</div>
        </>
      );
    case 'anomaly':
      return (
        <div className={form.grid}>
          {choice('anomalySubject', strings.subjects, strings.fields.anomalySubject)}
          {choice('anomalyMeasure', strings.measures, strings.fields.anomalyMeasure)}
          {text('factor')}
          {text('minimum')}
          {text('baselineDays')}
          {severity}
        </div>
      );
    case 'health':
      return (
        <div className={form.grid}>
          <Field label={strings.fields.healthCheck}>
            <Select
              value={draft.healthCheck}
              onChange={(_, data) => setDraft({ ...draft, healthCheck: data.value as HealthCheck })}
            >
              {(Object.keys(HEALTH_CHECKS) as HealthCheck[]).map((check) => (
                <option key={check} value={check}>
                  {strings.healthChecks[check]}
                </option>
              ))}
            </Select>
          </Field>
          {text('healthLimit', strings.healthLimits[draft.healthCheck])}
        </div>
      );
  }
}
