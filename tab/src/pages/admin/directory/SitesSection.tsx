import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApiQuery } from '../../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Site } from '../admin-types';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { FormDialog } from '../shared/FormDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { VisuallyHidden } from '../shared/VisuallyHidden';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { NEW_SITE, siteBody, siteDraftOf, type SiteBody, type SiteDraft, type SiteField } from './site-form';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  wrap: { overflowX: 'auto' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
});

/** Sites and their dial plans: the list, add, change and delete. */
export function SitesSection() {
  const { adminDirectory, admin, common } = useStrings();
  const strings = adminDirectory.sites;
  const styles = useStyles();
  const sites = useApiQuery<Site[]>(ADMIN_API.sites);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Site | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useAdminMutation(
    (api, site: Site) => api.send('DELETE', `${ADMIN_API.sites}/${site.id}`),
    [ADMIN_API.sites],
  );
  let body;
  if (sites.isPending) body = <LoadingState />;
  else if (sites.isError) body = <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />;
  else if (sites.data.length === 0) body = <EmptyState title={strings.none} />;
  else
    body = (
      <div className={styles.wrap}>
        <Table aria-label={strings.tableLabel} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{strings.code}</TableHeaderCell>
              <TableHeaderCell>{strings.name}</TableHeaderCell>
              <TableHeaderCell>{strings.timeZone}</TableHeaderCell>
              <TableHeaderCell>{strings.currency}</TableHeaderCell>
              <TableHeaderCell>{strings.dialPlan}</TableHeaderCell>
              <TableHeaderCell>
                <VisuallyHidden>{admin.actions}</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sites.data.map((site) => (
              <TableRow key={site.id}>
                <TableCell>{site.code}</TableCell>
                <TableCell>{site.name}</TableCell>
                <TableCell>{site.timeZone}</TableCell>
                <TableCell>{site.currency}</TableCell>
                <TableCell>{strings.dialPlanText(site.dialPlan)}</TableCell>
                <TableCell>
                  <div className={styles.actions}>
                    <Button
                      size="small"
                      icon={<EditRegular />}
                      aria-label={strings.edit(site.name)}
                      onClick={() => setEditing(site)}
                    >
                      {common.edit}
                    </Button>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={strings.delete(site.name)}
                      onClick={() => {
                        remove.reset();
                        setDeleting(site);
                      }}
                    >
                      {common.delete}
                    </Button>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    );
  return (
    <>
      <div className={styles.toolbar}>
        <Title3 as="h2">{strings.title}</Title3>
        <Button icon={<AddRegular />} onClick={() => setEditing('new')}>
          {strings.add}
        </Button>
      </div>
      <FormFeedback success={done} />
      {body}
      {editing ? (
        <SiteDialog
          site={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(site) => {
            setDone(strings.saved(site.name));
            setEditing(null);
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          open
          title={strings.delete(deleting.name)}
          busy={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                setDone(strings.deleted(deleting.name));
                setDeleting(null);
              },
            })
          }
        >
          <Text>{strings.deleteBody(deleting.name)}</Text>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

function SiteDialog({
  site,
  onClose,
  onSaved,
}: {
  site: Site | null;
  onClose: () => void;
  onSaved: (site: Site) => void;
}) {
  const strings = useStrings().adminDirectory.sites;
  const styles = useStyles();
  const [draft, setDraft] = useState<SiteDraft>(() => (site ? siteDraftOf(site) : NEW_SITE));
  const [problems, setProblems] = useState<SiteField[]>([]);
  const save = useAdminMutation(
    (api, body: SiteBody) =>
      site
        ? api.send<Site>('PATCH', `${ADMIN_API.sites}/${site.id}`, body)
        : api.send<Site>('POST', ADMIN_API.sites, body),
    [ADMIN_API.sites],
  );
  const field = (name: SiteField, required = false) => (
    <Field
      label={strings.fields[name]}
      required={required}
      hint={strings.hints[name]}
      validationMessage={problems.includes(name) ? strings.problems[name] : undefined}
    >
      <Input value={draft[name]} onChange={(_, data) => setDraft({ ...draft, [name]: data.value })} />
    </Field>
  );
  return (
    <FormDialog
      open
      title={site ? strings.edit(site.name) : strings.add}
      saving={save.isPending}
      error={save.error}
      onClose={onClose}
      onSave={() => {
        const read = siteBody(draft);
        if (!read.ok) return setProblems(read.problems);
        setProblems([]);
        save.mutate(read.body, { onSuccess: onSaved });
      }}
    >
      <div className={styles.grid}>
        {field('code', true)}
        {field('name', true)}
        {field('timeZone', true)}
        {field('currency', true)}
      </div>
      <Text weight="semibold">{strings.dialPlan}</Text>
      <div className={styles.grid}>
        {field('country', true)}
        {field('outsideLineCode')}
        {field('internationalPrefix', true)}
        {field('nationalPrefix')}
      </div>
      {field('extensionRanges')}
      {field('localAreaCodes')}
    </FormDialog>
  );
}
