import { Title2 } from '@fluentui/react-components';
import { useStrings } from '../../i18n/I18nProvider';

/** The alarms page (being built). */
export function AlarmsPage() {
  const strings = useStrings();
  return <Title2 as="h1">{strings.alarms.title}</Title2>;
}
