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
import { ADMIN_API, type Carrier } from '../admin-types';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { FormDialog } from '../shared/FormDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { VisuallyHidden } from '../shared/VisuallyHidden';
import { useAdminMutation } from '../shared/use-admin-mutation';

const useStyles = makeStyles({
  toolbar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** A carrier's code (as tariff files name it) and name. */
export interface CarrierDraft {
  code: string;
  name: string;
}

/** The body of a carrier's POST or PATCH, or the fields that cannot be sent. */
export function carrierBody(
  draft: CarrierDraft,
): { ok: true; body: CarrierDraft } | { ok: false; problems: (keyof CarrierDraft)[] } {
  const body = { code: draft.code.trim(), name: draft.name.trim() };
  const problems: (keyof CarrierDraft)[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(body.code)) problems.push('code');
  if (body.name === '' || body.name.length > 200) problems.push('name');
  return problems.length > 0 ? { ok: false, problems } : { ok: true, body };
}

/** Carriers: the list, add, change and delete (refused while plans, rules or calls use one). */
export function CarriersSection() {
  const { adminTariffs, common } = useStrings();
  const strings = adminTariffs.carriers;
  const styles = useStyles();
  const carriers = useApiQuery<Carrier[]>(ADMIN_API.carriers);
  const [editing, setEditing] = useState<Carrier | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Carrier | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useAdminMutation(
    (api, carrier: Carrier) => api.send('DELETE', `${ADMIN_API.carriers}/${carrier.id}`),
    [ADMIN_API.carriers, ADMIN_API.tariffPlans],
  );
  let body;
  if (carriers.isPending) body = <LoadingState />;
  else if (carriers.isError)
    body = <ErrorState error={carriers.error} onRetry={() => void carriers.refetch()} />;
  else if (carriers.data.length === 0) body = <EmptyState title={strings.none} />;
  else
    body = (
      <Table aria-label={strings.tableLabel} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{strings.code}</TableHeaderCell>
            <TableHeaderCell>{strings.name}</TableHeaderCell>
            <TableHeaderCell>
              <VisuallyHidden>{adminTariffs.rates.actions}</VisuallyHidden>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {carriers.data.map((carrier) => (
            <TableRow key={carrier.id}>
              <TableCell>{carrier.code}</TableCell>
              <TableCell>{carrier.name}</TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <Button
                    size="small"
                    icon={<EditRegular />}
                    aria-label={strings.edit(carrier.name)}
                    onClick={() => setEditing(carrier)}
                  >
                    {common.edit}
                  </Button>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={strings.delete(carrier.name)}
                    onClick={() => {
                      remove.reset();
                      setDeleting(carrier);
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
        <CarrierDialog
          carrier={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setDone(strings.saved(saved.name));
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

function CarrierDialog({
  carrier,
  onClose,
  onSaved,
}: {
  carrier: Carrier | null;
  onClose: () => void;
  onSaved: (carrier: Carrier) => void;
}) {
  const strings = useStrings().adminTariffs.carriers;
  const [draft, setDraft] = useState<CarrierDraft>({ code: carrier?.code ?? '', name: carrier?.name ?? '' });
  const [problems, setProblems] = useState<(keyof CarrierDraft)[]>([]);
  const save = useAdminMutation(
    (api, body: CarrierDraft) =>
      carrier
        ? api.send<Carrier>('PATCH', `${ADMIN_API.carriers}/${carrier.id}`, body)
        : api.send<Carrier>('POST', ADMIN_API.carriers, body),
    [ADMIN_API.carriers],
  );
  return (
    <FormDialog
      open
      title={carrier ? strings.edit(carrier.name) : strings.add}
      saving={save.isPending}
      error={save.error}
      onClose={onClose}
      onSave={() => {
        const read = carrierBody(draft);
        if (!read.ok) return setProblems(read.problems);
        setProblems([]);
        save.mutate(read.body, { onSuccess: onSaved });
      }}
    >
      <Field
        label={strings.code}
        required
        hint={strings.codeHint}
        validationMessage={problems.includes('code') ? strings.codeProblem : undefined}
      >
        <Input value={draft.code} onChange={(_, data) => setDraft({ ...draft, code: data.value })} />
      </Field>
      <Field
        label={strings.name}
        required
        validationMessage={problems.includes('name') ? strings.nameProblem : undefined}
      >
        <Input value={draft.name} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
      </Field>
    </FormDialog>
  );
}
