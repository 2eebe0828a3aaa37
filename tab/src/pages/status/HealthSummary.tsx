import { Badge, Body1, Card, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled, WarningFilled } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import type { Strings } from '../../i18n/strings';
import type { HealthReason, HealthState, PipelineHealth } from './pipeline-health';
import { minutesText } from './status-format';

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalS },
  reasons: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
});

const LOOK: Record<HealthState, { color: 'success' | 'warning' | 'danger'; icon: ReactElement }> = {
  green: { color: 'success', icon: <CheckmarkCircleFilled /> },
  amber: { color: 'warning', icon: <WarningFilled /> },
  red: { color: 'danger', icon: <DismissCircleFilled /> },
};

/** The pipeline's overall state, in an icon, a word and the reasons for it. */
export function HealthSummary({ health }: { health: PipelineHealth }) {
  const strings = useStrings().status;
  const format = useFormat();
  const styles = useStyles();
  const look = LOOK[health.state];
  return (
    <Card className={styles.card} data-testid="status-overall" data-state={health.state}>
      <div>
        <Badge size="extra-large" appearance="filled" color={look.color} icon={look.icon}>
          {strings.overallLabel}: {strings.states[health.state]}
        </Badge>
      </div>
      {health.reasons.length === 0 ? (
        <Body1>{strings.allWell}</Body1>
      ) : (
        <ul className={styles.reasons}>
          {health.reasons.map((reason, index) => (
            <li key={index}>
              <Body1>{reasonText(reason, strings, format)}</Body1>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** A reason in the user's words. */
export function reasonText(
  reason: HealthReason,
  strings: Strings['status'],
  format: ReturnType<typeof useFormat>,
): string {
  const words = strings.reasons;
  switch (reason.code) {
    case 'failed-files':
      return words.failedFiles(reason.files);
    case 'nothing-recorded':
      return words.nothingRecorded(reason.hours);
    case 'backlog-stuck':
      return words.backlogStuck(reason.files, minutesText(reason.minutes, format.locale));
    case 'no-calls-yet':
      return words.noCallsYet;
    case 'backlog-waiting':
      return words.backlogWaiting(reason.files, minutesText(reason.minutes, format.locale));
    case 'unrated-share':
      return words.unratedShare(format.integer(reason.calls), format.percent(reason.share));
    case 'unrated-growing':
      return words.unratedGrowing(format.integer(reason.added));
    case 'rejected-share':
      return words.rejectedShare(format.integer(reason.lines), format.percent(reason.share));
    case 'recorder-idle':
      return words.recorderIdle(reason.source, reason.hours);
  }
}
