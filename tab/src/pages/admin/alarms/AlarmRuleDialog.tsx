import { Checkbox, Field, Input, Select, Switch, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AlarmRule, AlarmRuleKind } from '../../../api/api-types';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API } from '../admin-types';
import { FieldGroup } from '../shared/FieldGroup';
import { FormDialog } from '../shared/FormDialog';
import { useFormStyles } from '../shared/form-styles';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { AlarmRuleKindFields } from './AlarmRuleKindFields';
import {
  ALARM_RULE_KINDS,
  NEW_ALARM_RULE,
  alarmRuleBody,
  alarmRuleDraftOf,
  type AlarmRuleBody,
  type AlarmRuleDraft,
  type AlarmRuleField,
  type RecipientsDraft,
} from './alarm-rule-form';

/** The form of one alarm rule: its name and kind, the kind's settings, and whom its alarms go to. */
export function AlarmRuleDialog({
  rule,
  onClose,
  onSaved,
}: {
  rule: AlarmRule | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const strings = useStrings().adminAlarms;
  const form = useFormStyles();
  const [draft, setDraft] = useState<AlarmRuleDraft>(() => (rule ? alarmRuleDraftOf(rule) : NEW_ALARM_RULE));
  const [problems, setProblems] = useState<AlarmRuleField[]>([]);
  const save = useAdminMutation(
    (api, body: AlarmRuleBody) =>
      rule
        ? api.send<AlarmRule>('PUT', `${ADMIN_API.alarmRules}/${rule.id}`, body)
        : api.send<AlarmRule>('POST', ADMIN_API.alarmRules, body),
    [ADMIN_API.alarmRules],
  );
  const problem = (field: AlarmRuleField) =>
    problems.includes(field) ? strings.problems[field as keyof typeof strings.problems] : undefined;
  const recipients = draft.recipients;
  const setRecipients = (change: Partial<RecipientsDraft>) =>
    setDraft({ ...draft, recipients: { ...recipients, ...change } });
  const flag = (name: 'toUser' | 'toSupervisors' | 'toAdmins' | 'teams' | 'email') => (
    <Checkbox
      label={strings.fields[name]}
      checked={recipients[name]}
      onChange={(_, data) => setRecipients({ [name]: data.checked === true })}
    />
  );
  return (
    <FormDialog
      open
      wide
      title={rule ? strings.edit(rule.name) : strings.add}
      saving={save.isPending}
      error={save.error}
      onClose={onClose}
      onSave={() => {
        const read = alarmRuleBody(draft);
        if (!read.ok) return setProblems(read.problems);
        setProblems([]);
        save.mutate(read.body, { onSuccess: () => onSaved(read.body.name) });
      }}
    >
      <div className={form.grid}>
        <Field label={strings.fields.name} required validationMessage={problem('name')}>
          <Input value={draft.name} onChange={(_, data) => setDraft({ ...draft, name: data.value })} />
        </Field>
        <Field label={strings.fields.kind}>
          <Select
            value={draft.kind}
            onChange={(_, data) => setDraft({ ...draft, kind: data.value as AlarmRuleKind })}
          >
            {ALARM_RULE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {strings.kinds[kind]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={strings.fields.enabled}>
          <Switch
            checked={draft.enabled}
            onChange={(_, data) => setDraft({ ...draft, enabled: data.checked })}
          />
        </Field>
      </div>
      <AlarmRuleKindFields draft={draft} setDraft={setDraft} problem={problem} />
      <Text weight="semibold">{strings.fields.recipients}</Text>
      <FieldGroup label={strings.fields.channels} problem={problem('channels')}>
        {flag('teams')}
        {flag('email')}
      </FieldGroup>
      <div className={form.actions}>
        {flag('toUser')}
        {flag('toSupervisors')}
        {flag('toAdmins')}
      </div>
      <Field label={strings.fields.emails} hint={strings.hints.emails}>
        <Textarea value={recipients.emails} onChange={(_, data) => setRecipients({ emails: data.value })} />
      </Field>
      <Field label={strings.fields.conversations} hint={strings.hints.conversations}>
        <Textarea
          value={recipients.conversations}
          onChange={(_, data) => setRecipients({ conversations: data.value })}
        />
      </Field>
    </FormDialog>
  );
}
