import { Title2 } from '@fluentui/react-components';
import { useStrings } from '../../i18n/I18nProvider';

/** The admin page (being built). */
export function AdminPage() {
  const strings = useStrings();
  return <Title2 as="h1">{strings.admin.title}</Title2>;
}
