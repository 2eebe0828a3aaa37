import {
  Button,
  Dropdown,
  Field,
  Input,
  Option,
  SearchBox,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback } from 'react';
import { useStrings } from '../../i18n/I18nProvider';
import {
  CALL_DIRECTIONS,
  DESTINATION_CLASSES,
  NO_CALL_FILTERS,
  isAmount,
  type CallFilters,
} from './call-filters';
import { useDraftText } from './use-draft-text';

const useStyles = makeStyles({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
  },
  narrow: { width: '180px' },
  fill: { minWidth: 0, width: '100%' },
  search: { width: '260px' },
  clear: { marginTop: '26px' },
});

const ALL = 'all';
const ANSWERED = ['true', 'false'] as const;
const acceptAmount = (text: string) => text.trim() === '' || isAmount(text);

/** The calls page's own filters: direction, destination class, answered, minimum cost, search. */
export function CallFilterControls({
  filters,
  onChange,
}: {
  filters: CallFilters;
  onChange(next: Partial<CallFilters>): void;
}) {
  const strings = useStrings().calls;
  const common = useStrings().common;
  const styles = useStyles();
  const commitSearch = useCallback((q: string) => onChange({ q: q.trim() }), [onChange]);
  const commitMinCost = useCallback((minCost: string) => onChange({ minCost: minCost.trim() }), [onChange]);
  const search = useDraftText(filters.q, commitSearch);
  const minCost = useDraftText(filters.minCost, commitMinCost, acceptAmount);
  const minCostValid = acceptAmount(minCost.draft);
  const filtered =
    filters.direction !== null ||
    filters.destClass !== null ||
    filters.answered !== null ||
    filters.minCost !== '' ||
    filters.q !== '';
  return (
    <div className={styles.controls} role="group" aria-label={strings.filtersLabel}>
      <ChoiceField
        label={strings.direction}
        all={common.all}
        choices={CALL_DIRECTIONS}
        labelOf={(direction) => strings.directions[direction]}
        value={filters.direction}
        onChange={(direction) => onChange({ direction })}
      />
      <ChoiceField
        label={strings.destClass}
        all={common.all}
        choices={DESTINATION_CLASSES}
        labelOf={(destClass) => strings.destClasses[destClass] ?? destClass}
        value={filters.destClass}
        onChange={(destClass) => onChange({ destClass })}
      />
      <ChoiceField
        label={strings.answered}
        all={strings.allCalls}
        choices={ANSWERED}
        labelOf={(answered) => (answered === 'true' ? strings.answeredOnly : strings.unansweredOnly)}
        value={filters.answered === null ? null : String(filters.answered)}
        onChange={(answered) => onChange({ answered: answered === null ? null : answered === 'true' })}
      />
      <Field
        label={strings.minCost}
        className={styles.narrow}
        validationState={minCostValid ? 'none' : 'error'}
        validationMessage={minCostValid ? undefined : strings.minCostInvalid}
        hint={minCostValid ? strings.minCostHint : undefined}
      >
        <Input
          className={styles.fill}
          inputMode="decimal"
          value={minCost.draft}
          onChange={(_, data) => minCost.setDraft(data.value)}
          onKeyDown={(event) => event.key === 'Enter' && minCost.commitNow()}
          onBlur={minCost.commitNow}
        />
      </Field>
      <Field label={strings.search} className={styles.search}>
        <SearchBox
          placeholder={strings.searchPlaceholder}
          value={search.draft}
          maxLength={100}
          onChange={(_, data) => search.setDraft(data.value)}
          onKeyDown={(event) => event.key === 'Enter' && search.commitNow()}
          onBlur={search.commitNow}
        />
      </Field>
      <Button
        className={styles.clear}
        appearance="subtle"
        disabled={!filtered}
        onClick={() => onChange({ ...NO_CALL_FILTERS, sort: filters.sort, order: filters.order })}
      >
        {strings.clearFilters}
      </Button>
    </div>
  );
}

/** A dropdown of one filter's values, or all of them (null). */
function ChoiceField<T extends string>({
  label,
  all,
  choices,
  labelOf,
  value,
  onChange,
}: {
  label: string;
  all: string;
  choices: readonly T[];
  labelOf(choice: T): string;
  value: T | null;
  onChange(next: T | null): void;
}) {
  const styles = useStyles();
  return (
    <Field label={label} className={styles.narrow}>
      <Dropdown
        className={styles.fill}
        value={value === null ? all : labelOf(value)}
        selectedOptions={[value ?? ALL]}
        onOptionSelect={(_, data) => onChange(data.optionValue === ALL ? null : (data.optionValue as T))}
      >
        <Option value={ALL}>{all}</Option>
        {choices.map((choice) => (
          <Option key={choice} value={choice}>
            {labelOf(choice)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
