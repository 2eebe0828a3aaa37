import {
  Button,
  Field,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApiQuery } from '../../../api/use-api-query';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Department } from '../admin-types';
import { DeleteDialog } from '../shared/DeleteDialog';
import { FormDialog } from '../shared/FormDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { QueryView } from '../shared/QueryView';
import { RowActions } from '../shared/RowActions';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';
import {
  departmentBody,
  departmentDraftOf,
  indentDepartments,
  selfAndBelow,
  type DepartmentDraft,
  type DepartmentField,
} from './department-tree';

const useStyles = makeStyles({
  group: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** Departments as an indented tree, with their supervisor groups: add, change, delete. */
export function DepartmentsSection() {
  const { adminDirectory } = useStrings();
  const strings = adminDirectory.departments;
  const form = useFormStyles();
  const styles = useStyles();
  const departments = useApiQuery<Department[]>(ADMIN_API.departments);
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Department | null>(null);
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
      <QueryView query={departments} empty={strings.none}>
        {(list) => (
          <div className={form.wrap}>
            <Table aria-label={strings.tableLabel} size="small">
              <TableHead
                columns={[strings.name, strings.code, strings.costCenter, strings.supervisorGroupId]}
              />
              <TableBody>
                {indentDepartments(list).map(({ department, depth }) => (
                  <TableRow key={department.id}>
                    <TableCell>
                      <span style={{ paddingLeft: `${depth * 24}px` }}>
                        {depth > 0 ? '└ ' : ''}
                        {department.name}
                      </span>
                    </TableCell>
                    <TableCell>{department.code}</TableCell>
                    <TableCell>{department.costCenter ?? '—'}</TableCell>
                    <TableCell className={styles.group}>{department.supervisorGroupId ?? '—'}</TableCell>
                    <TableCell>
                      <RowActions
                        editLabel={strings.edit(department.name)}
                        deleteLabel={strings.delete(department.name)}
                        onEdit={() => setEditing(department)}
                        onDelete={() => setDeleting(department)}
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
        <DepartmentDialog
          department={editing === 'new' ? null : editing}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(department) => {
            setDone(strings.saved(department.name));
            setEditing(null);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title={strings.delete(deleting.name)}
          body={strings.deleteBody(deleting.name)}
          path={`${ADMIN_API.departments}/${deleting.id}`}
          invalidates={[ADMIN_API.departments]}
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

function DepartmentDialog({
  department,
  departments,
  onClose,
  onSaved,
}: {
  department: Department | null;
  departments: Department[];
  onClose: () => void;
  onSaved: (department: Department) => void;
}) {
  const strings = useStrings().adminDirectory.departments;
  const [draft, setDraft] = useState<DepartmentDraft>(() => departmentDraftOf(department));
  const [problems, setProblems] = useState<DepartmentField[]>([]);
  const save = useAdminMutation(
    (api, body: Omit<Department, 'id'>) =>
      department
        ? api.send<Department>('PATCH', `${ADMIN_API.departments}/${department.id}`, body)
        : api.send<Department>('POST', ADMIN_API.departments, body),
    [ADMIN_API.departments],
  );
  const excluded = department ? selfAndBelow(departments, department.id) : new Set<number>();
  const field = (name: DepartmentField, required = false) => (
    <Field
      label={strings[name]}
      required={required}
      hint={name === 'supervisorGroupId' ? strings.supervisorGroupHint : undefined}
      validationMessage={problems.includes(name) ? strings.problems[name] : undefined}
    >
      <Input value={draft[name]} onChange={(_, data) => setDraft({ ...draft, [name]: data.value })} />
    </Field>
  );
  return (
    <FormDialog
      open
      title={department ? strings.edit(department.name) : strings.add}
      saving={save.isPending}
      error={save.error}
      onClose={onClose}
      onSave={() => {
        const read = departmentBody(draft);
        if (!read.ok) return setProblems(read.problems);
        setProblems([]);
        save.mutate(read.body, { onSuccess: onSaved });
      }}
    >
      {field('code', true)}
      {field('name', true)}
      <Field label={strings.parent}>
        <Select value={draft.parentId} onChange={(_, data) => setDraft({ ...draft, parentId: data.value })}>
          <option value="">{strings.topLevel}</option>
          {indentDepartments(departments)
            .filter(({ department: option }) => !excluded.has(option.id))
            .map(({ department: option, depth }) => (
              <option key={option.id} value={option.id}>
                {`${'\u00a0\u00a0'.repeat(depth)}${option.name} (${option.code})`}
              </option>
            ))}
        </Select>
      </Field>
      {field('costCenter')}
      {field('supervisorGroupId')}
    </FormDialog>
  );
}
