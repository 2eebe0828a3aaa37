import { Button, Switch, Table, TableBody, TableCell, TableRow, Title3 } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { AlarmRule } from '../../../api/api-types';
import { useApiQuery } from '../../../api/use-api-query';
import { useStrings } from '../../../i18n/I18nProvider';
import type { Strings } from '../../../i18n/strings';
import { ADMIN_API } from '../admin-types';
import { DeleteDialog } from '../shared/DeleteDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { QueryView } from '../shared/QueryView';
import { RowActions } from '../shared/RowActions';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { AlarmRuleDialog } from './AlarmRuleDialog';
import { recipientsOf, sendableDefinition, type AlarmRuleBody } from './alarm-rule-form';

/** Whom a rule's alarms go to, in a few words: "Teams, e-mail: supervisors, 2 addresses". */
export function recipientsSummary(
  given: AlarmRule['recipients'],
  strings: Strings['adminAlarms']['recipientsText'],
): string {
  const recipients = recipientsOf(given);
  const whom = [
    recipients.toUser ? strings.toUser : null,
    recipients.toSupervisors ? strings.toSupervisors : null,
    recipients.toAdmins ? strings.toAdmins : null,
    recipients.emails.length > 0 ? strings.addresses(recipients.emails.length) : null,
    recipients.conversations.length > 0 ? strings.chats(recipients.conversations.length) : null,
  ].filter(Boolean);
  const how = recipients.channels.map((channel) => strings[channel]).join(', ');
  return `${how}: ${whom.length > 0 ? whom.join(', ') : strings.nobody}`;
}

/** Alarm rules: the list, enable or disable, add, change and delete. */
export function AlarmRulesSection() {
  const strings = useStrings().adminAlarms;
  const form = useFormStyles();
  const rules = useApiQuery<AlarmRule[]>(ADMIN_API.alarmRules);
  const [editing, setEditing] = useState<AlarmRule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AlarmRule | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const toggle = useAdminMutation(
    (api, rule: AlarmRule) => {
      const body: AlarmRuleBody = {
        name: rule.name,
        kind: rule.kind,
        enabled: !rule.enabled,
        definition: sendableDefinition(rule.definition),
        recipients: recipientsOf(rule.recipients),
      };
      return api.send<AlarmRule>('PUT', `${ADMIN_API.alarmRules}/${rule.id}`, body);
    },
    [ADMIN_API.alarmRules],
  );
  return (
    <>
      <div className={form.toolbar}>
        <Title3 as="h2">{strings.title}</Title3>
        <Button icon={<AddRegular />} onClick={() => setEditing('new')}>
          {strings.add}
        </Button>
      </div>
      <FormFeedback success={done} error={toggle.error} />
      <QueryView query={rules} empty={strings.none}>
        {(list) => (
          <div className={form.wrap}>
            <Table aria-label={strings.tableLabel} size="small">
              <TableHead
                columns={[
                  strings.columns.name,
                  strings.columns.kind,
                  strings.columns.enabled,
                  strings.columns.recipients,
                ]}
              />
              <TableBody>
                {list.map((rule) => (
                  <TableRow key={rule.id}>
                    <TableCell>{rule.name}</TableCell>
                    <TableCell>{strings.kinds[rule.kind] ?? rule.kind}</TableCell>
                    <TableCell>
                      <Switch
                        checked={rule.enabled}
                        disabled={toggle.isPending}
                        aria-label={strings.enabledLabel(rule.name)}
                        onChange={() => {
                          setDone(null);
                          toggle.mutate(rule, {
                            onSuccess: () => setDone(strings.switched(rule.name, !rule.enabled)),
                          });
                        }}
                      />
                    </TableCell>
                    <TableCell>{recipientsSummary(rule.recipients, strings.recipientsText)}</TableCell>
                    <TableCell>
                      <RowActions
                        editLabel={strings.edit(rule.name)}
                        deleteLabel={strings.delete(rule.name)}
                        onEdit={() => setEditing(rule)}
                        onDelete={() => setDeleting(rule)}
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
        <AlarmRuleDialog
          rule={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(name) => {
            setDone(strings.saved(name));
            setEditing(null);
          }}
        />
      ) : null}
      {deleting ? (
        <DeleteDialog
          title={strings.delete(deleting.name)}
          body={strings.deleteBody(deleting.name)}
          path={`${ADMIN_API.alarmRules}/${deleting.id}`}
          invalidates={[ADMIN_API.alarmRules]}
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
