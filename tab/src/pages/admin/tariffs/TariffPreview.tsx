import { Button, Card, CardHeader, Field, Input, Select, Switch, Text } from '@fluentui/react-components';
import { CalculatorRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useApi } from '../../../api/ApiProvider';
import { useApiQuery } from '../../../api/use-api-query';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type RatingPreview, type Site } from '../admin-types';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import {
  localInputValue,
  previewBody,
  type PreviewBody,
  type PreviewDraft,
  type PreviewField,
} from './preview-form';
import { rateMoneyFormat } from './rate-money';

/** Prices a sample call as the miner would, writing nothing: class, carrier, plan, rate and cost. */
export function TariffPreview() {
  const strings = useStrings().adminTariffs.preview;
  const styles = useFormStyles();
  const api = useApi();
  const sites = useApiQuery<Site[]>(ADMIN_API.sites);
  const [draft, setDraft] = useState<PreviewDraft>(() => ({
    siteId: '',
    number: '',
    startedAt: localInputValue(new Date()),
    durationSec: '60',
    trunk: '',
    answered: true,
  }));
  const [problems, setProblems] = useState<PreviewField[]>([]);
  const preview = useMutation<RatingPreview, Error, PreviewBody>({
    mutationFn: (body) => api.send<RatingPreview>('POST', ADMIN_API.preview, body),
  });
  const siteId = draft.siteId || String(sites.data?.[0]?.id ?? '');
  const submit = () => {
    const read = previewBody({ ...draft, siteId });
    if (!read.ok) return setProblems(read.problems);
    setProblems([]);
    preview.mutate(read.body);
  };
  const problem = (field: PreviewField) => (problems.includes(field) ? strings.problems[field] : undefined);
  const text = (field: 'number' | 'startedAt' | 'durationSec' | 'trunk', value: string) =>
    setDraft({ ...draft, [field]: value });
  return (
    <Card>
      <CardHeader
        header={
          <Text as="h3" weight="semibold">
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
        <div className={styles.grid}>
          <Field label={strings.site} required validationMessage={problem('siteId')}>
            <Select value={siteId} onChange={(_, data) => setDraft({ ...draft, siteId: data.value })}>
              {(sites.data ?? []).map((site) => (
                <option key={site.id} value={site.id}>
                  {site.code} · {site.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={strings.number}
            required
            hint={strings.numberHint}
            validationMessage={problem('number')}
          >
            <Input value={draft.number} onChange={(_, data) => text('number', data.value)} />
          </Field>
          <Field label={strings.startedAt} required validationMessage={problem('startedAt')}>
            <Input
              type="datetime-local"
              value={draft.startedAt}
              onChange={(_, data) => text('startedAt', data.value)}
            />
          </Field>
          <Field label={strings.durationSec} required validationMessage={problem('durationSec')}>
            <Input
              inputMode="numeric"
              value={draft.durationSec}
              onChange={(_, data) => text('durationSec', data.value)}
            />
          </Field>
          <Field label={strings.trunk} hint={strings.trunkHint}>
            <Input value={draft.trunk} onChange={(_, data) => text('trunk', data.value)} />
          </Field>
          <Switch
            label={strings.answered}
            checked={draft.answered}
            onChange={(_, data) => setDraft({ ...draft, answered: data.checked })}
          />
        </div>
        <Button
          className={styles.start}
          type="submit"
          appearance="primary"
          icon={<CalculatorRegular />}
          disabled={preview.isPending}
        >
          {strings.run}
        </Button>
        <FormFeedback error={preview.error} />
        {preview.data ? <PreviewResult result={preview.data} /> : null}
      </form>
    </Card>
  );
}

function PreviewResult({ result }: { result: RatingPreview }) {
  const strings = useStrings().adminTariffs.preview;
  const format = useFormat();
  const styles = useFormStyles();
  const money = result.currency ? rateMoneyFormat(format.locale, result.currency) : null;
  const destClass = strings.destClasses[result.destClass] ?? result.destClass;
  const facts: [string, string][] = [
    [strings.normalized, result.normalized ?? '—'],
    [strings.destClass, result.destCountry ? `${destClass} · ${result.destCountry}` : destClass],
    [strings.status, strings.statuses[result.status] + (result.reason ? ` (${result.reason})` : '')],
    [strings.carrier, result.carrier ? `${result.carrier.name} (${result.carrier.code})` : '—'],
    [strings.plan, result.plan?.name ?? '—'],
    [
      strings.rate,
      result.rate
        ? `${result.rate.label} · ${result.rate.matchedBy === 'prefix' ? `+${result.rate.prefix ?? ''}` : [result.rate.destClass, result.rate.country].filter(Boolean).join(' ')}`
        : '—',
    ],
    [strings.billed, format.duration(result.billedSec)],
    ...result.bands
      .filter((band) => band.band !== null)
      .map((band): [string, string] => [
        strings.band(band.band as string),
        `${format.duration(band.billedSec)} · ${money ? money(band.amount) : band.amount}`,
      ]),
    [strings.cost, money ? money(result.cost) : result.costText],
  ];
  return (
    <section aria-label={strings.resultLabel} data-testid="preview-result">
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
