import { Button, Table, TableBody, TableCell, TableRow, Title3 } from '@fluentui/react-components';
import { useState } from 'react';
import { useApiQuery } from '../../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import { TableHead } from '../shared/TableHead';
import { ADMIN_API, type AuditPage } from '../admin-types';

const PAGE_SIZE = 50;

/** The audit log of administrative changes, newest first, read only, a page at a time. */
export function AuditSection() {
  const strings = useStrings().adminRouting.audit;
  const format = useFormat();
  // The cursors of the pages before this one, to go back.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useApiQuery<AuditPage>(ADMIN_API.audit, { limit: PAGE_SIZE, cursor });
  let body;
  if (page.isPending) body = <LoadingState />;
  else if (page.isError) body = <ErrorState error={page.error} onRetry={() => void page.refetch()} />;
  else if (page.data.entries.length === 0) body = <EmptyState title={strings.none} />;
  else
    body = (
      <Table aria-label={strings.tableLabel} size="small">
        <TableHead columns={[strings.at, strings.actor, strings.action, strings.entity]} actions={false} />
        <TableBody>
          {page.data.entries.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell>{format.dateTime(new Date(entry.at).toISOString())}</TableCell>
              <TableCell>{entry.actorName ?? entry.actorObjectId}</TableCell>
              <TableCell>{strings.actions[entry.action]}</TableCell>
              <TableCell>{`${entry.entityType} ${entry.entityKey}`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  return (
    <>
      <Title3 as="h2">{strings.title}</Title3>
      {body}
      <div>
        <Button disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
          {strings.newer}
        </Button>{' '}
        <Button
          disabled={!page.data?.nextCursor}
          onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
        >
          {strings.older}
        </Button>
      </div>
    </>
  );
}
