import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  Select,
  Switch,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type ImportedRates, type TariffPlan } from '../admin-types';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { useAffectedText } from './use-affected-text';
import {
  DEFAULT_DECK_OPTIONS,
  deckRequest,
  type DeckOptionProblem,
  type DeckOptions,
} from './rate-deck-options';

/** Replaces a plan's rates from a carrier's CSV rate deck: the file, how to read it, and what it did. */
export function RateDeckImport({ plan }: { plan: TariffPlan }) {
  const strings = useStrings().adminTariffs.deck;
  const styles = useFormStyles();
  const affectedText = useAffectedText();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<DeckOptions>(DEFAULT_DECK_OPTIONS);
  const [problems, setProblems] = useState<DeckOptionProblem[]>([]);
  const upload = useAdminMutation(
    (api, request: { file: File; query: Record<string, string | number | undefined>; contentType: string }) =>
      api.send<ImportedRates>('PUT', `${ADMIN_API.tariffPlans}/${plan.id}/rates`, request.file, {
        contentType: request.contentType,
        query: request.query,
      }),
    [ADMIN_API.tariffPlans],
  );
  const set = <K extends keyof DeckOptions>(field: K, value: DeckOptions[K]) =>
    setOptions({ ...options, [field]: value });
  const submit = () => {
    if (!file) return;
    const request = deckRequest(file.name, options);
    if (!request.ok) return setProblems(request.problems);
    setProblems([]);
    upload.mutate({
      file,
      query: request.query as Record<string, string | number | undefined>,
      contentType: request.contentType,
    });
  };
  const problem = (name: DeckOptionProblem) => (problems.includes(name) ? strings.problems[name] : undefined);
  const result = upload.data;
  return (
    <Card>
      <CardHeader
        header={
          <Text weight="semibold" as="h3">
            {strings.title}
          </Text>
        }
        description={strings.description}
      />
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label={strings.file} required>
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              accept=".csv,text/csv,text/plain"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                upload.reset();
              }}
            />
          )}
        </Field>
        <div className={styles.grid}>
          <Field label={strings.separator}>
            <Select
              value={options.separator}
              onChange={(_, data) => set('separator', data.value as DeckOptions['separator'])}
            >
              <option value="auto">{strings.auto}</option>
              <option value=";">;</option>
              <option value=",">,</option>
              <option value="tab">{strings.tab}</option>
              <option value="|">|</option>
            </Select>
          </Field>
          <Field label={strings.decimal}>
            <Select
              value={options.decimal}
              onChange={(_, data) => set('decimal', data.value as DeckOptions['decimal'])}
            >
              <option value="auto">{strings.auto}</option>
              <option value=",">,</option>
              <option value=".">.</option>
            </Select>
          </Field>
          <Field label={strings.charset}>
            <Select
              value={options.charset}
              onChange={(_, data) => set('charset', data.value as DeckOptions['charset'])}
            >
              <option value="utf-8">UTF-8</option>
              <option value="windows-1252">Windows-1252</option>
            </Select>
          </Field>
          <Field label={strings.skipLines} validationMessage={problem('skipLines')}>
            <Input
              inputMode="numeric"
              value={options.skipLines}
              onChange={(_, data) => set('skipLines', data.value)}
            />
          </Field>
          <Field
            label={strings.increments}
            hint={strings.incrementsHint}
            validationMessage={problem('increments')}
          >
            <Input value={options.increments} onChange={(_, data) => set('increments', data.value)} />
          </Field>
          <Field label={strings.priceScale}>
            <Select
              value={options.priceScale}
              onChange={(_, data) => set('priceScale', data.value as DeckOptions['priceScale'])}
            >
              <option value="1">{strings.scaleUnits}</option>
              <option value="0.01">{strings.scaleCents}</option>
              <option value="0.001">{strings.scaleMillis}</option>
            </Select>
          </Field>
          <Field label={strings.pricePer}>
            <Select
              value={options.pricePer}
              onChange={(_, data) => set('pricePer', data.value as DeckOptions['pricePer'])}
            >
              <option value="minute">{strings.perMinute}</option>
              <option value="second">{strings.perSecond}</option>
            </Select>
          </Field>
        </div>
        <Switch
          label={strings.header}
          checked={options.header}
          onChange={(_, data) => set('header', data.checked)}
        />
        <Field label={strings.columns} hint={strings.columnsHint} validationMessage={problem('columns')}>
          <Textarea
            value={options.columns}
            onChange={(_, data) => set('columns', data.value)}
            resize="vertical"
          />
        </Field>
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            icon={<ArrowUploadRegular />}
            disabled={!file || upload.isPending}
          >
            {upload.isPending ? strings.importing : strings.import}
          </Button>
          <Text>{strings.replaces}</Text>
        </div>
        <FormFeedback
          error={upload.error}
          success={
            result
              ? `${strings.result(result.added, result.changed, result.removed, result.unchanged)} ${affectedText(result.affected)}`
              : null
          }
        />
      </form>
    </Card>
  );
}
