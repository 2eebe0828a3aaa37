import {
  Badge,
  Button,
  Input,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { OpenRegular, SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Department, type Site, type UserPage } from '../admin-types';
import { useFormStyles } from '../shared/form-styles';
import { TableHead } from '../shared/TableHead';
import { UserPageView } from './UserPageView';

/** Users shown on a page of the list. */
export const USERS_PER_PAGE = 25;

const useStyles = makeStyles({
  search: { minWidth: '280px' },
  paging: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/** Users and their numbers: the searchable list, a page at a time, and each user's page. */
export function UsersSection() {
  return (
    <Routes>
      <Route index element={<UserList />} />
      <Route path=":userId" element={<UserPageView />} />
    </Routes>
  );
}

function UserList() {
  const { adminDirectory } = useStrings();
  const strings = adminDirectory.users;
  const format = useFormat();
  const styles = useStyles();
  const form = useFormStyles();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const users = useApiQuery<UserPage>(ADMIN_API.users, {
    search: search.trim() || undefined,
    offset,
    limit: USERS_PER_PAGE,
  });
  const sites = useApiQuery<Site[]>(ADMIN_API.sites);
  const departments = useApiQuery<Department[]>(ADMIN_API.departments);
  const siteName = (id: number | null) => sites.data?.find((site) => site.id === id)?.name ?? '—';
  const departmentName = (id: number | null) =>
    departments.data?.find((department) => department.id === id)?.name ?? '—';
  let body;
  if (users.isPending) body = <LoadingState />;
  else if (users.isError) body = <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  else if (users.data.users.length === 0) body = <EmptyState title={strings.none} />;
  else
    body = (
      <>
        <div className={form.wrap}>
          <Table aria-label={strings.tableLabel} size="small">
            <TableHead columns={[strings.displayName, strings.upn, strings.department, strings.site]} />
            <TableBody>
              {users.data.users.map((user) => (
                <TableRow key={user.id}>
                  <TableCell>
                    {user.displayName}{' '}
                    {user.anonymous ? (
                      <Badge appearance="outline" color="warning">
                        {strings.anonymous}
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell>{user.upn ?? '—'}</TableCell>
                  <TableCell>{departmentName(user.departmentId)}</TableCell>
                  <TableCell>{siteName(user.siteId)}</TableCell>
                  <TableCell>
                    <Button
                      size="small"
                      icon={<OpenRegular />}
                      aria-label={strings.open(user.displayName)}
                      onClick={() => navigate(`/admin/users/${user.id}`)}
                    >
                      {strings.openShort}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <div className={styles.paging}>
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - USERS_PER_PAGE))}>
            {strings.previous}
          </Button>
          <Text>
            {strings.range(
              format.integer(offset + 1),
              format.integer(offset + users.data.users.length),
              format.integer(users.data.total),
            )}
          </Text>
          <Button
            disabled={offset + USERS_PER_PAGE >= users.data.total}
            onClick={() => setOffset(offset + USERS_PER_PAGE)}
          >
            {strings.next}
          </Button>
        </div>
      </>
    );
  return (
    <>
      <div className={form.toolbar}>
        <Title3 as="h2">{strings.title}</Title3>
        <Input
          className={styles.search}
          type="search"
          contentBefore={<SearchRegular />}
          aria-label={strings.search}
          placeholder={strings.search}
          value={search}
          onChange={(_, data) => {
            setSearch(data.value);
            setOffset(0);
          }}
        />
      </div>
      {body}
    </>
  );
}
