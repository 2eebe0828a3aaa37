import { Field, Input, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useStrings } from '../../../i18n/I18nProvider';
import type { ChangedRate, Rate, TariffPlan } from '../admin-types';
import { ADMIN_API } from '../admin-types';
import { FormDialog } from '../shared/FormDialog';
import { useFormStyles } from '../shared/form-styles';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { IntervalFields } from './IntervalFields';
import {
  rateChangesOf,
  rateDraftOf,
  type RateChanges,
  type RateDraft,
  type RateFieldProblems,
} from './rate-form';

const useStyles = makeStyles({
  band: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** Changes one rate of a plan: its label and prices; the plan's page shows the result when saved. */
export function RateEditDialog({
  plan,
  rate,
  onClose,
  onSaved,
}: {
  plan: TariffPlan;
  rate: Rate;
  onClose: () => void;
  onSaved: (result: ChangedRate | null) => void;
}) {
  const strings = useStrings().adminTariffs;
  const styles = useStyles();
  const form = useFormStyles();
  const bandNames = plan.timeBands.map((band) => band.name);
  const [draft, setDraft] = useState<RateDraft>(() => rateDraftOf(rate, bandNames));
  const [problems, setProblems] = useState<RateFieldProblems>({});
  const save = useAdminMutation(
    (api, changes: RateChanges) =>
      api.send<ChangedRate>('PATCH', `${ADMIN_API.tariffPlans}/${plan.id}/rates/${rate.id}`, changes),
    [ADMIN_API.tariffPlans],
  );
  const submit = () => {
    const read = rateChangesOf(rate, draft);
    if (!read.ok) return setProblems(read.problems);
    setProblems({});
    if (Object.keys(read.changes).length === 0) return onSaved(null);
    save.mutate(read.changes, { onSuccess: onSaved });
  };
  const amountField = (field: 'connectFee' | 'minCharge' | 'maxCost' | 'unansweredCharge') => {
    const problem = problems[field];
    return (
      <Field
        label={strings.rateForm[field]}
        hint={field === 'maxCost' ? strings.rateForm.maxCostHint : undefined}
        validationMessage={problem ? strings.problems[problem] : undefined}
      >
        <Input
          inputMode="decimal"
          value={draft[field]}
          onChange={(_, data) => setDraft({ ...draft, [field]: data.value })}
        />
      </Field>
    );
  };
  return (
    <FormDialog
      open
      wide
      title={strings.rateForm.title(rateName(rate))}
      saving={save.isPending}
      error={save.error}
      onSave={submit}
      onClose={onClose}
    >
      <Text>{strings.rateForm.currencyNote(plan.currency)}</Text>
      <Field label={strings.rateForm.label}>
        <Input value={draft.label} onChange={(_, data) => setDraft({ ...draft, label: data.value })} />
      </Field>
      <div className={form.grid}>
        {amountField('connectFee')}
        {amountField('minCharge')}
        {amountField('maxCost')}
        {amountField('unansweredCharge')}
      </div>
      <IntervalFields
        intervals={draft.intervals}
        path="intervals"
        problems={problems}
        onChange={(intervals) => setDraft({ ...draft, intervals })}
      />
      {bandNames.map((band) => {
        const own = draft.bands[band];
        const setBand = (intervals: RateDraft['intervals'] | null) =>
          setDraft({ ...draft, bands: { ...draft.bands, [band]: intervals } });
        return (
          <div className={styles.band} key={band}>
            <Switch
              label={strings.rateForm.ownBandPrices(band)}
              checked={own !== null && own !== undefined}
              onChange={(_, data) => setBand(data.checked ? draft.intervals.map((i) => ({ ...i })) : null)}
            />
            {own ? (
              <IntervalFields
                intervals={own}
                band={band}
                path={`bands.${band}`}
                problems={problems}
                onChange={setBand}
              />
            ) : null}
          </div>
        );
      })}
    </FormDialog>
  );
}

/** How a rate is named on its buttons and in titles: its label, else what it matches. */
export function rateName(rate: Rate): string {
  if (rate.label.trim()) return rate.label;
  if (rate.prefix !== null) return rate.prefix;
  return [rate.destClass, rate.country].filter(Boolean).join(' ');
}
