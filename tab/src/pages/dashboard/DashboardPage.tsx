import { Title2 } from '@fluentui/react-components';
import { useStrings } from '../../i18n/I18nProvider';
import type { ChannelView } from '../config/channel-tab-config';

/**
 * The dashboard (being built). In a channel tab `channel` fixes what it shows: the company, or
 * one department (the department filter is then fixed to it).
 */
export function DashboardPage({ channel }: { channel?: ChannelView } = {}) {
  const strings = useStrings();
  return (
    <Title2 as="h1" data-channel={channel?.kind}>
      {strings.dashboard.title}
    </Title2>
  );
}
