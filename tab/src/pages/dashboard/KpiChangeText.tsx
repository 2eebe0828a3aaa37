import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import type { KpiChange } from './kpi-change';

const useStyles = makeStyles({
  change: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorNeutralForeground2,
  },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/**
 * A figure's change against the previous period: an arrow and a signed percentage on screen, a
 * sentence for screen readers. Neither colour says good or bad: more calls may be either.
 */
export function KpiChangeText({ change }: { change: KpiChange }) {
  const styles = useStyles();
  const strings = useStrings().dashboard.change;
  const format = useFormat();
  if (change.kind === 'none' || change.kind === 'same')
    return (
      <Caption1 className={styles.change} data-testid="kpi-change">
        {change.kind === 'none' ? strings.none : strings.same}
      </Caption1>
    );
  const up = change.kind === 'up';
  const Arrow = up ? ArrowUpRegular : ArrowDownRegular;
  const percent = format.percent(change.fraction);
  return (
    <Caption1 className={styles.change} data-testid="kpi-change">
      <Arrow aria-hidden="true" />
      <span aria-hidden="true">{format.change(up ? change.fraction : -change.fraction)}</span>
      <span className={styles.hidden}>{up ? strings.up(percent) : strings.down(percent)}</span>
    </Caption1>
  );
}
