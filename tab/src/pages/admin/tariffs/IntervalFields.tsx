import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useStrings } from '../../../i18n/I18nProvider';
import { nextInterval, type IntervalDraft, type RateFieldProblems } from './rate-form';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr)) auto',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
    '& .fui-Input': { width: '100%', minWidth: '0' },
    '& .fui-Input__input': { minWidth: '0' },
  },
  add: { alignSelf: 'flex-start' },
});

/**
 * The price intervals of a rate (or of one time band of it): from which second, in blocks of
 * how many seconds, at what price per minute. The first starts at second 0.
 */
export function IntervalFields({
  intervals,
  onChange,
  path,
  problems,
  band,
}: {
  intervals: IntervalDraft[];
  onChange: (intervals: IntervalDraft[]) => void;
  path: string;
  problems: RateFieldProblems;
  band?: string;
}) {
  const strings = useStrings().adminTariffs.rateForm;
  const problemText = useStrings().adminTariffs.problems;
  const styles = useStyles();
  const set = (index: number, field: keyof IntervalDraft, value: string) =>
    onChange(intervals.map((interval, i) => (i === index ? { ...interval, [field]: value } : interval)));
  const message = (index: number, field: keyof IntervalDraft) => {
    const problem = problems[`${path}.${index}.${field}`];
    return problem ? problemText[problem] : undefined;
  };
  return (
    <>
      {intervals.map((interval, index) => {
        const where = { band, interval: index === 0 ? undefined : index + 1 };
        return (
          <div className={styles.row} key={index}>
            <Field label={strings.fromSec(where)} validationMessage={message(index, 'fromSec')}>
              <Input
                inputMode="numeric"
                value={index === 0 ? '0' : interval.fromSec}
                readOnly={index === 0}
                onChange={(_, data) => set(index, 'fromSec', data.value)}
              />
            </Field>
            <Field label={strings.incrementSec(where)} validationMessage={message(index, 'incrementSec')}>
              <Input
                inputMode="numeric"
                value={interval.incrementSec}
                onChange={(_, data) => set(index, 'incrementSec', data.value)}
              />
            </Field>
            <Field label={strings.pricePerMinute(where)} validationMessage={message(index, 'pricePerMinute')}>
              <Input
                inputMode="decimal"
                value={interval.pricePerMinute}
                onChange={(_, data) => set(index, 'pricePerMinute', data.value)}
              />
            </Field>
            <Button
              appearance="subtle"
              icon={<DeleteRegular />}
              disabled={intervals.length === 1}
              aria-label={strings.removeInterval(where)}
              onClick={() => onChange(intervals.filter((_, i) => i !== index))}
            />
          </div>
        );
      })}
      <Button
        className={styles.add}
        appearance="subtle"
        icon={<AddRegular />}
        onClick={() => onChange([...intervals, nextInterval(intervals)])}
      >
        {strings.addInterval(band)}
      </Button>
    </>
  );
}
