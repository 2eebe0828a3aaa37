import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  Title3,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApiQuery } from '../../../api/use-api-query';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Site } from '../admin-types';
import { DeleteDialog } from '../shared/DeleteDialog';
import { FormDialog } from '../shared/FormDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { QueryView } from '../shared/QueryView';
import { RowActions } from '../shared/RowActions';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { NEW_SITE, siteBody, siteDraftOf, type SiteBody, type SiteDraft, type SiteField } from './site-form';

/** Sites and their dial plans: the list, add, change and delete. */
export function SitesSection() {
  const { adminDirectory } = useStrings();
  const strings = adminDirectory.sites;
  const form = useFormStyles();
  const sites = useApiQuery<Site[]>(ADMIN_API.sites);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Site | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <div className={form.toolbar}>
        <Title3 as="h2">{strings.title}</Title3>
        <Button icon={<AddRegular />} onClick={() => setEditing('new')}>
          {strings.add}
        </Button>
      </div>
      <FormFeedback success={done} />
      <QueryView query={sites} empty={strings.none}>
        {(list) => (
          <div className={form.wrap}>
            <Table aria-label={strings.tableLabel} size="small">
              <TableHead
                columns={[strings.code, strings.name, strings.timeZone, strings.currency, strings.dialPlan]}
              />
              <TableBody>
                {list.map((site) => (
                  <TableRow key={site.id}>
                    <TableCell>{site.code}</TableCell>
                    <TableCell>{site.name}</TableCell>
                    <TableCell>{site.timeZone}</TableCell>
                    <TableCell>{site.currency}</TableCell>
                    <TableCell>{strings.dialPlanText(site.dialPlan)}</TableCell>
                    <TableCell>
                      <RowActions
                        editLabel={strings.edit(site.name)}
                        deleteLabel={strings.delete(site.name)}
                        onEdit={() => setEditing(site)}
                        onDelete={() => setDeleting(site)}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </QueryView>
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
        <DeleteDialog
          title={strings.delete(deleting.name)}
          body={strings.deleteBody(deleting.name)}
          path={`${ADMIN_API.sites}/${deleting.id}`}
          invalidates={[ADMIN_API.sites]}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDone(strings.deleted(deleting.name));
            setDeleting(null);
          }}
        />
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
  const form = useFormStyles();
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
      <div className={form.grid}>
        {field('code', true)}
        {field('name', true)}
        {field('timeZone', true)}
        {field('currency', true)}
      </div>
      <Text weight="semibold">{strings.dialPlan}</Text>
      <div className={form.grid}>
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
