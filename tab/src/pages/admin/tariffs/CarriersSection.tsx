import {
  Button,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Title3,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApiQuery } from '../../../api/use-api-query';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Carrier } from '../admin-types';
import { DeleteDialog } from '../shared/DeleteDialog';
import { FormDialog } from '../shared/FormDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { QueryView } from '../shared/QueryView';
import { RowActions } from '../shared/RowActions';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';

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
  const { adminTariffs } = useStrings();
  const strings = adminTariffs.carriers;
  const form = useFormStyles();
  const carriers = useApiQuery<Carrier[]>(ADMIN_API.carriers);
  const [editing, setEditing] = useState<Carrier | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Carrier | null>(null);
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
      <QueryView query={carriers} empty={strings.none}>
        {(list) => (
          <Table aria-label={strings.tableLabel} size="small">
            <TableHead columns={[strings.code, strings.name]} />
            <TableBody>
              {list.map((carrier) => (
                <TableRow key={carrier.id}>
                  <TableCell>{carrier.code}</TableCell>
                  <TableCell>{carrier.name}</TableCell>
                  <TableCell>
                    <RowActions
                      editLabel={strings.edit(carrier.name)}
                      deleteLabel={strings.delete(carrier.name)}
                      onEdit={() => setEditing(carrier)}
                      onDelete={() => setDeleting(carrier)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </QueryView>
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
        <DeleteDialog
          title={strings.delete(deleting.name)}
          body={strings.deleteBody(deleting.name)}
          path={`${ADMIN_API.carriers}/${deleting.id}`}
          invalidates={[ADMIN_API.carriers, ADMIN_API.tariffPlans]}
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
