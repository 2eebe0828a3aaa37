import {
  Button,
  Input,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Text,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  SaveRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import { useApiQuery } from '../../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Carrier, type RoutingRule, type Site } from '../admin-types';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { moveRule, newRule, ruleDrafts, rulesBody, type RuleDraft, type RuleProblem } from './routing-rules';

const useStyles = makeStyles({
  priority: { width: '90px' },
  problem: { color: tokens.colorPaletteRedForeground1, display: 'block' },
});

/** Routing rules: which carrier takes a call, edited as one list and saved all at once. */
export function RoutingRulesSection() {
  const strings = useStrings().adminRouting.routing;
  const rules = useApiQuery<RoutingRule[]>(ADMIN_API.routingRules);
  const sites = useApiQuery<Site[]>(ADMIN_API.sites);
  const carriers = useApiQuery<Carrier[]>(ADMIN_API.carriers);
  let body;
  if (rules.isPending || sites.isPending || carriers.isPending) body = <LoadingState />;
  else if (rules.isError || sites.isError || carriers.isError)
    body = (
      <ErrorState
        error={rules.error ?? sites.error ?? carriers.error}
        onRetry={() => void Promise.all([rules.refetch(), sites.refetch(), carriers.refetch()])}
      />
    );
  else body = <RulesEditor rules={rules.data} sites={sites.data} carriers={carriers.data} />;
  return (
    <>
      <Title3 as="h2">{strings.title}</Title3>
      <Text>{strings.description}</Text>
      {body}
    </>
  );
}

function RulesEditor({
  rules,
  sites,
  carriers,
}: {
  rules: RoutingRule[];
  sites: Site[];
  carriers: Carrier[];
}) {
  const { adminRouting, admin } = useStrings();
  const strings = adminRouting.routing;
  const styles = useStyles();
  const form = useFormStyles();
  const [drafts, setDrafts] = useState<RuleDraft[]>(() => ruleDrafts(rules));
  const [problems, setProblems] = useState<Record<string, RuleProblem>>({});
  const [saved, setSaved] = useState(false);
  const save = useAdminMutation(
    (api, body: { rules: Omit<RoutingRule, 'id'>[] }) =>
      api.send<RoutingRule[]>('PUT', ADMIN_API.routingRules, body),
    [ADMIN_API.routingRules],
  );
  const change = (next: RuleDraft[]) => {
    setDrafts(next);
    setSaved(false);
  };
  const set = (index: number, field: keyof Omit<RuleDraft, 'key'>, value: string) =>
    change(drafts.map((draft, i) => (i === index ? { ...draft, [field]: value } : draft)));
  const submit = () => {
    const read = rulesBody(drafts);
    if (!read.ok) return setProblems(read.problems);
    setProblems({});
    save.mutate(
      { rules: read.rules },
      {
        onSuccess: (stored) => {
          setDrafts(ruleDrafts(stored));
          setSaved(true);
        },
      },
    );
  };
  const problemOf = (index: number, field: RuleProblem) => {
    const problem = problems[`${index}.${field}`];
    return problem ? (
      <Text size={200} className={styles.problem} id={`rule-${index}-${field}-problem`}>
        {strings.problems[problem]}
      </Text>
    ) : null;
  };
  const described = (index: number, field: RuleProblem) =>
    problems[`${index}.${field}`]
      ? { 'aria-describedby': `rule-${index}-${field}-problem`, 'aria-invalid': true }
      : {};
  return (
    <>
      <div className={form.toolbar}>
        <Button icon={<AddRegular />} onClick={() => change([...drafts, newRule(drafts, carriers[0]?.id)])}>
          {strings.add}
        </Button>
        <Button appearance="primary" icon={<SaveRegular />} disabled={save.isPending} onClick={submit}>
          {save.isPending ? admin.saving : strings.saveAll}
        </Button>
      </div>
      <FormFeedback error={save.error} success={saved ? strings.saved(drafts.length) : null} />
      {drafts.length === 0 ? (
        <EmptyState title={strings.none}>{strings.noneBody}</EmptyState>
      ) : (
        <div className={form.wrap}>
          <Table aria-label={strings.tableLabel} size="small" className={form.cells}>
            <TableHead
              columns={[strings.priority, strings.site, strings.trunk, strings.prefix, strings.carrier]}
            />
            <TableBody>
              {drafts.map((draft, index) => {
                const n = index + 1;
                return (
                  <TableRow key={draft.key}>
                    <TableCell>
                      <Input
                        className={styles.priority}
                        inputMode="numeric"
                        aria-label={strings.fieldOf(strings.priority, n)}
                        value={draft.priority}
                        onChange={(_, data) => set(index, 'priority', data.value)}
                        {...described(index, 'priority')}
                      />
                      {problemOf(index, 'priority')}
                    </TableCell>
                    <TableCell>
                      <Select
                        aria-label={strings.fieldOf(strings.site, n)}
                        value={draft.siteId}
                        onChange={(_, data) => set(index, 'siteId', data.value)}
                      >
                        <option value="">{strings.any}</option>
                        {sites.map((site) => (
                          <option key={site.id} value={site.id}>
                            {site.code} · {site.name}
                          </option>
                        ))}
                      </Select>
                    </TableCell>
                    <TableCell>
                      <Input
                        aria-label={strings.fieldOf(strings.trunk, n)}
                        placeholder={strings.any}
                        value={draft.trunk}
                        onChange={(_, data) => set(index, 'trunk', data.value)}
                        {...described(index, 'trunk')}
                      />
                      {problemOf(index, 'trunk')}
                    </TableCell>
                    <TableCell>
                      <Input
                        inputMode="numeric"
                        aria-label={strings.fieldOf(strings.prefix, n)}
                        placeholder={strings.any}
                        value={draft.prefix}
                        onChange={(_, data) => set(index, 'prefix', data.value)}
                        {...described(index, 'prefix')}
                      />
                      {problemOf(index, 'prefix')}
                    </TableCell>
                    <TableCell>
                      <Select
                        aria-label={strings.fieldOf(strings.carrier, n)}
                        value={draft.carrierId}
                        onChange={(_, data) => set(index, 'carrierId', data.value)}
                        {...described(index, 'carrierId')}
                      >
                        {draft.carrierId === '' ? <option value="">—</option> : null}
                        {carriers.map((carrier) => (
                          <option key={carrier.id} value={carrier.id}>
                            {carrier.name}
                          </option>
                        ))}
                      </Select>
                      {problemOf(index, 'carrierId')}
                    </TableCell>
                    <TableCell>
                      <div className={form.actions}>
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<ArrowUpRegular />}
                          aria-label={strings.moveUp(n)}
                          disabled={index === 0}
                          onClick={() => change(moveRule(drafts, index, -1))}
                        />
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<ArrowDownRegular />}
                          aria-label={strings.moveDown(n)}
                          disabled={index === drafts.length - 1}
                          onClick={() => change(moveRule(drafts, index, 1))}
                        />
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<DeleteRegular />}
                          aria-label={strings.remove(n)}
                          onClick={() => change(drafts.filter((_, i) => i !== index))}
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
