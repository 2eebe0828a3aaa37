import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ErrorState } from '../../../components/PageState';
import { useStrings } from '../../../i18n/I18nProvider';

/**
 * What became of a form's request, next to the form: the API's error message when it was
 * refused, or what was done when it went through.
 */
export function FormFeedback({ error, success }: { error?: unknown; success?: string | null }) {
  const strings = useStrings();
  if (error) return <ErrorState error={error} title={strings.admin.notSaved} />;
  if (!success) return null;
  return (
    <MessageBar intent="success" layout="multiline" role="status">
      <MessageBarBody>{success}</MessageBarBody>
    </MessageBar>
  );
}
