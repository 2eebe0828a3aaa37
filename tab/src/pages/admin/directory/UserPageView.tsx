import {
  Button,
  Card,
  Field,
  Input,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, ArrowLeftRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type DirectoryUserWithNumbers, type Site, type UserNumber } from '../admin-types';
import { DeleteDialog } from '../shared/DeleteDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { numberBody, type NumberBody, type NumberDraft } from './user-number-form';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  back: { alignSelf: 'flex-start' },
  add: { alignSelf: 'end', justifySelf: 'start' },
});

/** One user: who they are, their numbers and extensions, and giving or taking one away. */
export function UserPageView() {
  const { adminDirectory } = useStrings();
  const strings = adminDirectory.users;
  const styles = useStyles();
  const navigate = useNavigate();
  const userId = Number(useParams().userId);
  const path = `${ADMIN_API.users}/${userId}`;
  const user = useApiQuery<DirectoryUserWithNumbers>(path);
  const sites = useApiQuery<Site[]>(ADMIN_API.sites);
  const [removing, setRemoving] = useState<UserNumber | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const back = (
    <Button
      className={styles.back}
      appearance="subtle"
      icon={<ArrowLeftRegular />}
      onClick={() => navigate('/admin/users')}
    >
      {strings.back}
    </Button>
  );
  if (user.isPending) return <LoadingState />;
  if (user.isError)
    return (
      <div className={styles.page}>
        {back}
        <ErrorState error={user.error} onRetry={() => void user.refetch()} />
      </div>
    );
  const siteCode = (id: number) => sites.data?.find((site) => site.id === id)?.code ?? String(id);
  return (
    <div className={styles.page}>
      {back}
      <Title3 as="h2">{user.data.displayName}</Title3>
      <Text>{[user.data.upn, user.data.sipUri].filter(Boolean).join(' · ')}</Text>
      <FormFeedback success={done} />
      {user.data.numbers.length === 0 ? (
        <EmptyState title={strings.noNumbers} />
      ) : (
        <Table aria-label={strings.numbersLabel(user.data.displayName)} size="small">
          <TableHead columns={[strings.number, strings.kind, strings.site]} />
          <TableBody>
            {user.data.numbers.map((number) => (
              <TableRow key={number.id}>
                <TableCell>{number.number}</TableCell>
                <TableCell>{strings.kinds[number.kind]}</TableCell>
                <TableCell>{siteCode(number.siteId)}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={strings.removeNumber(number.number)}
                    onClick={() => setRemoving(number)}
                  >
                    {strings.removeShort}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <AddNumber
        path={path}
        sites={sites.data ?? []}
        defaultSiteId={user.data.siteId}
        onAdded={(number) => setDone(strings.added(number))}
      />
      {removing ? (
        <DeleteDialog
          title={strings.removeNumber(removing.number)}
          body={strings.removeBody(removing.number, user.data.displayName)}
          confirmLabel={strings.removeShort}
          path={`${path}/numbers/${removing.id}`}
          invalidates={[ADMIN_API.users]}
          onClose={() => setRemoving(null)}
          onDeleted={() => {
            setDone(strings.removed(removing.number));
            setRemoving(null);
          }}
        />
      ) : null}
    </div>
  );
}

function AddNumber({
  path,
  sites,
  defaultSiteId,
  onAdded,
}: {
  path: string;
  sites: Site[];
  defaultSiteId: number | null;
  onAdded: (number: string) => void;
}) {
  const strings = useStrings().adminDirectory.users;
  const styles = useStyles();
  const form = useFormStyles();
  const [draft, setDraft] = useState<NumberDraft>({ siteId: '', number: '', reassign: false });
  const [problem, setProblem] = useState<'siteId' | 'number' | null>(null);
  const add = useAdminMutation(
    (api, body: NumberBody) => api.send<UserNumber>('POST', `${path}/numbers`, body),
    [ADMIN_API.users],
  );
  const siteId = draft.siteId || String(defaultSiteId ?? sites[0]?.id ?? '');
  return (
    <Card>
      <Text as="h3" weight="semibold">
        {strings.addTitle}
      </Text>
      <form
        className={form.grid}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const read = numberBody({ ...draft, siteId });
          if (!read.ok) return setProblem(read.problem);
          setProblem(null);
          add.mutate(read.body, {
            onSuccess: (stored) => {
              onAdded(stored.number);
              setDraft({ ...draft, number: '', reassign: false });
            },
          });
        }}
      >
        <Field
          label={strings.site}
          validationMessage={problem === 'siteId' ? strings.siteProblem : undefined}
        >
          <Select value={siteId} onChange={(_, data) => setDraft({ ...draft, siteId: data.value })}>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.code} · {site.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label={strings.numberOrExtension}
          required
          hint={strings.numberHint}
          validationMessage={problem === 'number' ? strings.numberProblem : undefined}
        >
          <Input value={draft.number} onChange={(_, data) => setDraft({ ...draft, number: data.value })} />
        </Field>
        <Switch
          label={strings.reassign}
          checked={draft.reassign}
          onChange={(_, data) => setDraft({ ...draft, reassign: data.checked })}
        />
        <Button
          className={styles.add}
          type="submit"
          appearance="primary"
          icon={<AddRegular />}
          disabled={add.isPending}
        >
          {strings.addNumber}
        </Button>
      </form>
      <FormFeedback error={add.error} />
    </Card>
  );
}
