import { Caption1, Field, Select, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SummaryReport } from '../../api/api-types';
import { useApiQuery } from '../../api/use-api-query';
import { useSession } from '../../auth/SessionProvider';
import { FilterBar } from '../../components/filters/FilterBar';
import { useFilterOptions } from '../../components/filters/use-filter-options';
import { useReportFilters } from '../../components/filters/use-report-filters';
import { useStrings } from '../../i18n/I18nProvider';
import type { ChannelView } from '../config/channel-tab-config';
import { CostBreakdownPanel, HourPanel, TrendPanel } from './DashboardPanels';
import { KpiCards } from './KpiCards';
import { chartCurrencies } from './report-charts';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    maxWidth: '1600px',
    margin: '0 auto',
  },
  channel: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '100vh',
  },
  title: { display: 'flex', flexDirection: 'column' },
  heading: { margin: 0 },
  scope: { color: tokens.colorNeutralForeground2 },
  currency: { minWidth: '140px' },
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 460px), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: '1 / -1' },
});

/**
 * The dashboard: the period's key figures against the period before, the cost over time and
 * where it goes (departments, destination classes, users, destinations) and the calls per hour.
 * Employees see their own calls, so nothing per department or user. In a channel tab `channel`
 * fixes what it shows: the company, or one department (the department filter is then fixed).
 */
export function DashboardPage({ channel }: { channel?: ChannelView } = {}) {
  const styles = useStyles();
  const strings = useStrings();
  const { me } = useSession();
  const fixedDepartment = channel?.kind === 'department' ? channel.departmentId : undefined;
  const { filters, setFilters, query } = useReportFilters(
    fixedDepartment === undefined ? {} : { department: fixedDepartment },
  );
  const summary = useApiQuery<SummaryReport>('/api/v1/reports/summary', query);
  const currencies = summary.data ? chartCurrencies(summary.data.totals) : [];
  const [chosenCurrency, setChosenCurrency] = useState<string | null>(null);
  const currency =
    chosenCurrency !== null && currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? null);
  const departmentName = useFilterOptions().data?.departments.find((d) => d.id === fixedDepartment)?.name;
  const employee = me.role === 'employee';
  const scope = employee
    ? strings.dashboard.ownCalls
    : channel?.kind === 'company'
      ? strings.dashboard.companyView
      : departmentName
        ? strings.dashboard.departmentView(departmentName)
        : null;
  const panel = { query, currency };

  const page = (
    <div className={styles.page}>
      <div className={styles.title}>
        <Title2 as="h1" className={styles.heading}>
          {strings.dashboard.title}
        </Title2>
        {scope ? <Caption1 className={styles.scope}>{scope}</Caption1> : null}
      </div>
      <FilterBar filters={filters} onChange={setFilters} fixedDepartment={fixedDepartment !== undefined}>
        {currencies.length > 1 ? (
          <Field label={strings.dashboard.chartCurrency} className={styles.currency}>
            <Select value={currency ?? ''} onChange={(_, data) => setChosenCurrency(data.value)}>
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </FilterBar>
      <KpiCards
        summary={summary.data}
        loading={summary.isPending}
        error={summary.error}
        onRetry={() => void summary.refetch()}
      />
      <div className={styles.charts}>
        <TrendPanel {...panel} className={styles.wide} />
        {employee ? null : <CostBreakdownPanel {...panel} dimension="department" />}
        <CostBreakdownPanel {...panel} dimension="destClass" />
        {employee ? null : <CostBreakdownPanel {...panel} dimension="user" />}
        <CostBreakdownPanel {...panel} dimension="destination" />
        <HourPanel query={query} className={styles.wide} />
      </div>
    </div>
  );
  // A channel tab has no navigation frame around it, so the page is its own main landmark.
  return channel ? <main className={styles.channel}>{page}</main> : page;
}
