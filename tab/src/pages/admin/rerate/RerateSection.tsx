import {
  Button,
  Card,
  Field,
  Input,
  Select,
  Spinner,
  Text,
  Title3,
  makeStyles,
  mergeClasses,
} from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type Carrier, type RerateResult } from '../admin-types';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { useAdminMutation } from '../shared/use-admin-mutation';
import {
  dayCount,
  initialRerateDraft,
  rerateBody,
  type RerateBody,
  type RerateDraft,
  type RerateProblem,
} from './rerate-form';

const useStyles = makeStyles({
  narrow: { maxWidth: '720px' },
});

/**
 * Re-rating: prices the stored calls of some local days again with today's tariffs and routing.
 * The API answers when it is done; until then the form shows that it is working.
 */
export function RerateSection() {
  const strings = useStrings().adminRouting.rerate;
  const format = useFormat();
  const styles = useStyles();
  const form = useFormStyles();
  const [search] = useSearchParams();
  const carriers = useApiQuery<Carrier[]>(ADMIN_API.carriers);
  const [draft, setDraft] = useState<RerateDraft>(() => initialRerateDraft(search, new Date()));
  const [problem, setProblem] = useState<RerateProblem | null>(null);
  const rerate = useAdminMutation(
    (api, body: RerateBody) => api.send<RerateResult>('POST', ADMIN_API.rerate, body),
    ['/api/v1/reports', '/api/v1/calls', ADMIN_API.audit],
  );
  const submit = () => {
    const read = rerateBody(draft);
    if (!read.ok) return setProblem(read.problem);
    setProblem(null);
    rerate.mutate(read.body);
  };
  const result = rerate.data;
  return (
    <>
      <Title3 as="h2">{strings.title}</Title3>
      <Text>{strings.description}</Text>
      <Card>
        <form
          className={mergeClasses(form.form, styles.narrow)}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <div className={form.grid}>
            <Field
              label={strings.from}
              required
              validationMessage={problem === 'from' ? strings.problems.day : undefined}
            >
              <Input
                type="date"
                value={draft.from}
                onChange={(_, data) => setDraft({ ...draft, from: data.value })}
              />
            </Field>
            <Field
              label={strings.to}
              required
              validationMessage={
                problem === 'to'
                  ? strings.problems.day
                  : problem === 'order'
                    ? strings.problems.order
                    : undefined
              }
            >
              <Input
                type="date"
                value={draft.to}
                onChange={(_, data) => setDraft({ ...draft, to: data.value })}
              />
            </Field>
            <Field label={strings.carrier}>
              <Select
                value={draft.carrier}
                onChange={(_, data) => setDraft({ ...draft, carrier: data.value })}
              >
                <option value="">{strings.allCarriers}</option>
                {(carriers.data ?? []).map((carrier) => (
                  <option key={carrier.id} value={carrier.code}>
                    {carrier.name}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={form.actions}>
            <Button
              type="submit"
              appearance="primary"
              icon={<ArrowSyncRegular />}
              disabled={rerate.isPending}
            >
              {strings.run}
            </Button>
            {rerate.isPending ? (
              <Spinner
                size="small"
                label={strings.running(dayCount(draft.from, draft.to))}
                role="status"
                aria-live="polite"
              />
            ) : null}
          </div>
          <FormFeedback error={rerate.error} />
          {result ? (
            <div data-testid="rerate-result">
              <FormFeedback
                success={strings.result(
                  format.integer(result.calls),
                  format.integer(result.days),
                  format.integer(result.changed),
                  format.integer(result.skipped),
                )}
              />
            </div>
          ) : null}
        </form>
      </Card>
    </>
  );
}
