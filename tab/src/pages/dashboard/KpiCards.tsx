import { Caption1, Subtitle2, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { SummaryReport } from '../../api/api-types';
import { ErrorState, LoadingState } from '../../components/PageState';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { KpiChangeText } from './KpiChangeText';
import { kpiFigures, type KpiFigures, type KpiValue } from './kpi-figures';

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  heading: { margin: 0, color: tokens.colorNeutralForeground2 },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS },
  value: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  smaller: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  note: { color: tokens.colorNeutralForeground2 },
});

/** The period's key figures, each with its change against the previous period. */
export function KpiCards({
  summary,
  loading,
  error,
  onRetry,
}: {
  summary: SummaryReport | undefined;
  loading: boolean;
  error: unknown;
  onRetry(): void;
}) {
  const styles = useStyles();
  const strings = useStrings();
  const format = useFormat();
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (loading || !summary) return <LoadingState />;
  const previous = summary.previous.period;
  return (
    <section className={styles.region} aria-label={strings.dashboard.kpiLabel}>
      <div className={styles.grid}>
        {kpiFigures(summary).map((card) => (
          <KpiCard key={card.id} card={card} />
        ))}
      </div>
      <Caption1 className={styles.note}>
        {strings.dashboard.previousPeriod(
          strings.filters.range(format.day(previous.from), format.day(previous.to)),
        )}
      </Caption1>
    </section>
  );
}

function KpiCard({ card }: { card: KpiFigures }) {
  const styles = useStyles();
  const strings = useStrings().dashboard;
  const format = useFormat();
  const headingId = useId();
  const text = (value: KpiValue) =>
    value.kind === 'money'
      ? format.money(value.value, value.currency ?? '')
      : value.kind === 'minutes'
        ? format.decimal(value.value, 0)
        : format.integer(value.value);
  // Several currencies: smaller figures, so that each fits on its line.
  const valueClass = mergeClasses(styles.value, card.values.length > 1 && styles.smaller);
  return (
    <section className={styles.card} aria-labelledby={headingId} data-testid={`kpi-${card.id}`}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {strings.kpi[card.id]}
      </Subtitle2>
      {card.values.length === 0 ? <Text className={styles.note}>{strings.noCost}</Text> : null}
      {card.values.map((value) => (
        <div key={value.currency ?? card.id}>
          <div className={styles.line}>
            <Text className={valueClass} data-testid="kpi-value">
              {text(value)}
            </Text>
            {card.rate !== undefined ? (
              <Caption1 className={styles.note}>{strings.answeredRate(format.percent(card.rate))}</Caption1>
            ) : null}
          </div>
          <KpiChangeText change={value.change} />
        </div>
      ))}
    </section>
  );
}
