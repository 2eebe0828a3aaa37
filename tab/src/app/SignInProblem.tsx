import { Body1, Button, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorState } from '../components/PageState';
import { useStrings } from '../i18n/I18nProvider';
import type { SignInState } from '../auth/use-sign-in';

const useStyles = makeStyles({
  page: {
    maxWidth: '640px',
    margin: '0 auto',
    padding: tokens.spacingVerticalXXL,
    display: 'grid',
    gap: tokens.spacingVerticalL,
  },
});

type Reason = Extract<SignInState, { step: 'failed' }>['reason'];

/** Signing in did not work: why, in words the person can act on, and a way to try again. */
export function SignInProblem({
  reason,
  error,
  onRetry,
}: {
  reason: Reason;
  error?: unknown;
  onRetry: () => void;
}) {
  const strings = useStrings();
  const styles = useStyles();
  if (reason === 'error')
    return (
      <main className={styles.page}>
        <ErrorState error={error} onRetry={onRetry} />
      </main>
    );
  const [title, body] = {
    consent: [strings.shell.consentTitle, strings.shell.consentBody],
    'sign-in': [strings.shell.signInFailedTitle, strings.shell.signInFailedBody],
    'not-accepted': [strings.shell.notSignedUpTitle, strings.shell.notSignedUpBody],
    'open-in-teams': [strings.shell.openInTeamsTitle, strings.shell.openInTeamsBody],
  }[reason];
  return (
    <main className={styles.page} role="alert">
      <Title2 as="h1">{title}</Title2>
      <Body1>{body}</Body1>
      {reason !== 'open-in-teams' ? (
        <div>
          <Button appearance="primary" onClick={onRetry}>
            {strings.common.retry}
          </Button>
        </div>
      ) : null}
    </main>
  );
}
