import { Button, Card, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { Fragment, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query';
import { ErrorState, LoadingState } from '../../../components/PageState';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type ChangedRate, type Rate, type TariffPlan } from '../admin-types';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { RateDeckImport } from './RateDeckImport';
import { RateEditDialog, rateName } from './RateEditDialog';
import { RatesTable } from './RatesTable';
import { isoDay, useAffectedText } from './use-affected-text';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  back: { alignSelf: 'flex-start' },
  rates: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** One tariff plan: what it is, its rates (each editable), and the import of a new rate deck. */
export function TariffPlanPage() {
  const strings = useStrings().adminTariffs;
  const styles = useStyles();
  const navigate = useNavigate();
  const planId = Number(useParams().planId);
  const plan = useApiQuery<TariffPlan>(`${ADMIN_API.tariffPlans}/${planId}`);
  const [editing, setEditing] = useState<Rate | null>(null);
  const [saved, setSaved] = useState<{ name: string; result: ChangedRate | null } | null>(null);
  const affectedText = useAffectedText();
  const back = (
    <Button
      className={styles.back}
      appearance="subtle"
      icon={<ArrowLeftRegular />}
      onClick={() => navigate('/admin/tariff-plans')}
    >
      {strings.backToPlans}
    </Button>
  );
  if (plan.isPending) return <LoadingState />;
  if (plan.isError)
    return (
      <div className={styles.page}>
        {back}
        <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
      </div>
    );
  const data = plan.data;
  const affected = saved?.result?.affected;
  return (
    <div className={styles.page}>
      {back}
      <Title3 as="h2">{strings.planTitle(data.carrier.name, data.name)}</Title3>
      <PlanFacts plan={data} />
      <section className={styles.rates} aria-labelledby="rates-heading">
        <Text as="h3" weight="semibold" size={400} id="rates-heading">
          {strings.rates.heading(data.rates.length)}
        </Text>
        {saved ? (
          <FormFeedback
            success={
              saved.result
                ? `${strings.rateSaved(saved.name)} ${affectedText(saved.result.affected)}`
                : strings.rateUnchanged(saved.name)
            }
          />
        ) : null}
        {affected && affected.calls > 0 && affected.firstDay !== null && affected.lastDay !== null ? (
          <Button
            className={styles.back}
            onClick={() =>
              navigate(
                `/admin/rerate?from=${isoDay(affected.firstDay as number)}&to=${isoDay(affected.lastDay as number)}&carrier=${encodeURIComponent(data.carrier.code)}`,
              )
            }
          >
            {strings.rerateAffected}
          </Button>
        ) : null}
        <RatesTable plan={data} onEdit={(rate) => setEditing(rate)} />
      </section>
      <RateDeckImport plan={data} />
      {editing ? (
        <RateEditDialog
          key={editing.id}
          plan={data}
          rate={editing}
          onClose={() => setEditing(null)}
          onSaved={(result) => {
            setSaved({ name: rateName(editing), result });
            setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}

function PlanFacts({ plan }: { plan: TariffPlan }) {
  const strings = useStrings().adminTariffs.plan;
  const format = useFormat();
  const styles = useFormStyles();
  const facts: [string, string][] = [
    [strings.carrier, `${plan.carrier.name} (${plan.carrier.code})`],
    [strings.currency, plan.currency],
    [strings.activeFrom, format.dateTime(new Date(plan.activeFrom).toISOString())],
    [strings.rounding, strings.roundingText(plan.rounding.decimals, strings.methods[plan.rounding.method])],
    [
      strings.timeBands,
      plan.timeBands.length === 0
        ? strings.noTimeBands
        : plan.timeBands
            .map(
              (band) =>
                `${band.name}: ${band.weekdays.map((day) => strings.weekdays[day - 1]).join(', ')} ${band.from}–${band.to}`,
            )
            .join('; '),
    ],
  ];
  return (
    <Card>
      <dl className={styles.facts}>
        {facts.map(([term, detail]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
