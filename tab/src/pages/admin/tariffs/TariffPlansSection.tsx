import {
  Button,
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
import { DeleteRegular, OpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';
import { useFormat, useStrings } from '../../../i18n/I18nProvider';
import { ADMIN_API, type AffectedCalls, type Carrier, type TariffPlanSummary } from '../admin-types';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { FormFeedback } from '../shared/FormFeedback';
import { useFormStyles } from '../shared/form-styles';
import { TableHead } from '../shared/TableHead';
import { useAdminMutation } from '../shared/use-admin-mutation';
import { TariffPlanPage } from './TariffPlanPage';
import { TariffPreview } from './TariffPreview';
import { useAffectedText } from './use-affected-text';

const useStyles = makeStyles({
  carrier: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** Tariff plans and rates: the plans per carrier with the rating preview, and each plan's page. */
export function TariffPlansSection() {
  return (
    <Routes>
      <Route index element={<PlanList />} />
      <Route path=":planId" element={<TariffPlanPage />} />
    </Routes>
  );
}

/** The carriers' plans in tables under each carrier. */
export function groupPlansByCarrier(
  carriers: readonly Carrier[],
  plans: readonly TariffPlanSummary[],
): { carrier: Carrier; plans: TariffPlanSummary[] }[] {
  return carriers.map((carrier) => ({
    carrier,
    plans: plans.filter((plan) => plan.carrierId === carrier.id).sort((a, b) => a.activeFrom - b.activeFrom),
  }));
}

function PlanList() {
  const strings = useStrings().adminTariffs;
  const styles = useStyles();
  const carriers = useApiQuery<Carrier[]>(ADMIN_API.carriers);
  const plans = useApiQuery<TariffPlanSummary[]>(ADMIN_API.tariffPlans);
  const [deleting, setDeleting] = useState<TariffPlanSummary | null>(null);
  const [deleted, setDeleted] = useState<{ name: string; affected: AffectedCalls } | null>(null);
  const affectedText = useAffectedText();
  let list;
  if (carriers.isPending || plans.isPending) list = <LoadingState />;
  else if (carriers.isError || plans.isError)
    list = (
      <ErrorState
        error={carriers.error ?? plans.error}
        onRetry={() => {
          void carriers.refetch();
          void plans.refetch();
        }}
      />
    );
  else if (carriers.data.length === 0) list = <EmptyState title={strings.noCarriers} />;
  else
    list = groupPlansByCarrier(carriers.data, plans.data).map(({ carrier, plans: ofCarrier }) => (
      <section key={carrier.id} className={styles.carrier} aria-label={carrier.name}>
        <Text as="h3" weight="semibold" size={400}>
          {carrier.name}
        </Text>
        {ofCarrier.length === 0 ? (
          <Text>{strings.noPlans}</Text>
        ) : (
          <PlanTable plans={ofCarrier} carrier={carrier} onDelete={setDeleting} />
        )}
      </section>
    ));
  return (
    <>
      <Title3 as="h2">{strings.title}</Title3>
      {deleted ? (
        <FormFeedback success={`${strings.planDeleted(deleted.name)} ${affectedText(deleted.affected)}`} />
      ) : null}
      {list}
      <TariffPreview />
      {deleting ? (
        <DeletePlanDialog
          plan={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(affected) => {
            setDeleted({ name: deleting.name, affected });
            setDeleting(null);
          }}
        />
      ) : null}
    </>
  );
}

function PlanTable({
  plans,
  carrier,
  onDelete,
}: {
  plans: TariffPlanSummary[];
  carrier: Carrier;
  onDelete: (plan: TariffPlanSummary) => void;
}) {
  const { adminTariffs: strings, common } = useStrings();
  const format = useFormat();
  const styles = useFormStyles();
  const navigate = useNavigate();
  return (
    <Table aria-label={strings.plansOf(carrier.name)} size="small">
      <TableHead
        columns={[strings.plan.name, strings.plan.activeFrom, strings.plan.currency, strings.plan.rates]}
      />
      <TableBody>
        {plans.map((plan) => (
          <TableRow key={plan.id}>
            <TableCell>{plan.name}</TableCell>
            <TableCell>{format.dateTime(new Date(plan.activeFrom).toISOString())}</TableCell>
            <TableCell>{plan.currency}</TableCell>
            <TableCell>{format.integer(plan.rates)}</TableCell>
            <TableCell>
              <div className={styles.actions}>
                <Button
                  size="small"
                  icon={<OpenRegular />}
                  aria-label={strings.openPlan(plan.name)}
                  onClick={() => navigate(`/admin/tariff-plans/${plan.id}`)}
                >
                  {strings.open}
                </Button>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={strings.deletePlan(plan.name)}
                  onClick={() => onDelete(plan)}
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
}

function DeletePlanDialog({
  plan,
  onClose,
  onDeleted,
}: {
  plan: TariffPlanSummary;
  onClose: () => void;
  onDeleted: (affected: AffectedCalls) => void;
}) {
  const strings = useStrings().adminTariffs;
  const [force, setForce] = useState(false);
  const remove = useAdminMutation(
    (api, withForce: boolean) =>
      api.send<{ affected: AffectedCalls }>('DELETE', `${ADMIN_API.tariffPlans}/${plan.id}`, undefined, {
        query: { force: withForce ? 'true' : undefined },
      }),
    [ADMIN_API.tariffPlans],
  );
  return (
    <ConfirmDialog
      open
      title={strings.deletePlan(plan.name)}
      busy={remove.isPending}
      error={remove.error}
      onClose={onClose}
      onConfirm={() => remove.mutate(force, { onSuccess: (result) => onDeleted(result.affected) })}
    >
      <Text block>{strings.deletePlanBody(plan.name, plan.rates)}</Text>
      <Switch label={strings.forceDelete} checked={force} onChange={(_, data) => setForce(data.checked)} />
    </ConfirmDialog>
  );
}
