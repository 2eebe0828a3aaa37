import { Title2 } from '@fluentui/react-components';
import { useStrings } from '../../i18n/I18nProvider';

/** The status page (being built). */
export function StatusPage() {
  const strings = useStrings();
  return <Title2 as="h1">{strings.status.title}</Title2>;
}
