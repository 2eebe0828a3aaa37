import { useLocation } from 'react-router';
import { EmptyState } from '../../components/PageState';
import { useStrings } from '../../i18n/I18nProvider';
import { DashboardPage } from '../dashboard/DashboardPage';
import { channelViewOf } from './channel-tab-config';

/** A channel tab's content: the dashboard its configuration chose, without the navigation. */
export function ChannelPage() {
  const strings = useStrings();
  const view = channelViewOf(useLocation().search);
  if (!view) return <EmptyState title={strings.shell.notFoundTitle}>{strings.shell.notFoundBody}</EmptyState>;
  return <DashboardPage channel={view} />;
}
