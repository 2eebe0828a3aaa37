import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { PipelineStatus } from '../../api/api-types';
import { useFormat, useStrings } from '../../i18n/I18nProvider';
import { timeAgo } from './status-format';

/** Each recorder source: where it has read up to, calls still open, when it last moved. */
export function RecordersTable({ recorders, now }: { recorders: PipelineStatus['recorders']; now: Date }) {
  const strings = useStrings().status;
  const format = useFormat();
  const navigation = useArrowNavigationGroup({ axis: 'grid' });
  return (
    <Table aria-label={strings.recordersLabel} {...navigation}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{strings.source}</TableHeaderCell>
          <TableHeaderCell>{strings.position}</TableHeaderCell>
          <TableHeaderCell>{strings.openSessions}</TableHeaderCell>
          <TableHeaderCell>{strings.lastUpdate}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {recorders.map((recorder) => (
          <TableRow key={recorder.source}>
            <TableCell tabIndex={0}>{recorder.source}</TableCell>
            <TableCell tabIndex={0}>{recorder.position ?? strings.never}</TableCell>
            <TableCell tabIndex={0}>{format.integer(recorder.openSessions)}</TableCell>
            <TableCell tabIndex={0}>
              {strings.ago(
                timeAgo(recorder.updatedAt, now, format.locale),
                format.dateTime(recorder.updatedAt),
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
