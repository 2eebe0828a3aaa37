import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ApiError } from '../api/api-client';
import { useStrings } from '../i18n/I18nProvider';

const useStyles = makeStyles({
  centered: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalXXL,
    textAlign: 'center',
    color: tokens.colorNeutralForeground2,
  },
});

/** How many of an error's details are listed (a rate deck can have thousands of bad lines). */
const MAX_DETAILS = 20;

/** While something loads: a spinner with words (announced to screen readers). */
export function LoadingState({ label }: { label?: string }) {
  const strings = useStrings();
  return (
    <div className={useStyles().centered} role="status" aria-live="polite">
      <Spinner label={label ?? strings.common.loading} />
    </div>
  );
}

/** Nothing to show: says so, and optionally what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={useStyles().centered} role="status">
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      {children ? <Text>{children}</Text> : null}
    </div>
  );
}

/** A failed request: what went wrong in the user's words, and a retry when it may help. */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const strings = useStrings();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title ?? strings.common.errorTitle}</MessageBarTitle>
        {errorMessage(error, strings.common)}
        {error instanceof ApiError && listsMore(error) ? (
          <ul>
            {error.details.slice(0, MAX_DETAILS).map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
            {error.details.length > MAX_DETAILS ? <li>…</li> : null}
          </ul>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{strings.common.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/** Whether an error's details say more than its message: several problems, or one the message does not name. */
function listsMore(error: ApiError): boolean {
  return error.details.length > 1 || (error.details.length === 1 && error.details[0] !== error.message);
}

/** The words for an error: the API's own message, or what a network or access failure means. */
export function errorMessage(error: unknown, common: { networkError: string; forbidden: string }): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return common.networkError;
    if (error.status === 403) return `${common.forbidden} ${error.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
