import { Title2 } from '@fluentui/react-components';
import { useStrings } from '../../i18n/I18nProvider';

/** The calls page (being built). */
export function CallsPage() {
  const strings = useStrings();
  return <Title2 as="h1">{strings.calls.title}</Title2>;
}
