import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { DATE_PRESETS, isDay, type DatePreset } from './date-presets';
import type { ReportFilters } from './use-report-filters';

const useStyles = makeStyles({
  picker: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  day: { minWidth: '150px' },
});

type Range = Pick<ReportFilters, 'preset' | 'from' | 'to'>;

/** The period of a report: a preset (this month, last 7 days …) or a custom range of days. */
export function DateRangePicker({ value, onChange }: { value: Range; onChange(next: Partial<Range>): void }) {
  const strings = useStrings().filters;
  const format = useFormat();
  const styles = useStyles();
  return (
    <div className={styles.picker}>
      <Field label={strings.period} hint={strings.range(format.day(value.from), format.day(value.to))}>
        <Select value={value.preset} onChange={(_, data) => onChange({ preset: data.value as DatePreset })}>
          {DATE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {strings.presets[preset]}
            </option>
          ))}
        </Select>
      </Field>
      {value.preset === 'custom' ? (
        // A new range from outside (the URL, a preset) starts the inputs afresh.
        <CustomRange key={`${value.from}/${value.to}`} from={value.from} to={value.to} onChange={onChange} />
      ) : null}
    </div>
  );
}

/** The first and last day of a custom range; a range is applied once both days make sense. */
function CustomRange(props: { from: string; to: string; onChange(next: Partial<Range>): void }) {
  const strings = useStrings().filters;
  const styles = useStyles();
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const backwards = isDay(from) && isDay(to) && to < from;
  const change = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (isDay(nextFrom) && isDay(nextTo) && nextFrom <= nextTo)
      props.onChange({ preset: 'custom', from: nextFrom, to: nextTo });
  };
  return (
    <>
      <Field label={strings.from} className={styles.day}>
        <Input type="date" value={from} max={to} onChange={(_, data) => change(data.value, to)} />
      </Field>
      <Field
        label={strings.to}
        className={styles.day}
        validationState={backwards ? 'error' : 'none'}
        validationMessage={backwards ? strings.toBeforeFrom : undefined}
      >
        <Input type="date" value={to} min={from} onChange={(_, data) => change(from, data.value)} />
      </Field>
    </>
  );
}
