import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { CategoryPoint, TimeSeries } from '../../components/charts/chart-data';
import {
  json,
  renderWithProviders,
  requestsTo,
  TEST_PEOPLE,
  type RenderOptions,
} from '../../test/render-with-providers';
import { DashboardPage } from './DashboardPage';
import { dashboardRoutes, SUMMARY, totals } from './dashboard-test-data';
import type { ChannelView } from '../config/channel-tab-config';

// jsdom cannot lay out SVG: the chart library is replaced by lists of what it would draw.
vi.mock('../../components/charts/fluent-charts', () => {
  const bars = ({ points, title }: { points: CategoryPoint[]; title: string }) => (
    <ul aria-label={`chart: ${title}`}>
      {points.map((point) => (
        <li key={point.label}>{`${point.label}: ${point.display}`}</li>
      ))}
    </ul>
  );
  return {
    BarChart: bars,
    ColumnChart: bars,
    TimeLineChart: ({ series, title }: { series: TimeSeries[]; title: string }) => (
      <ul aria-label={`chart: ${title}`}>
        {series.flatMap((line) =>
          line.points.map((p) => <li key={p.start}>{`${p.label}: ${p.display}`}</li>),
        )}
      </ul>
    ),
  };
});

function renderDashboard(options: RenderOptions & { channel?: ChannelView } = {}) {
  return renderWithProviders(<DashboardPage channel={options.channel} />, {
    url: '/dashboard',
    routes: dashboardRoutes(),
    ...options,
  });
}

const panel = (name: string) => screen.getByRole('region', { name });
const kpiValues = (id: string) =>
  within(screen.getByTestId(`kpi-${id}`))
    .getAllByTestId('kpi-value')
    .map((el) => el.textContent);

describe('the dashboard', () => {
  it('shows the summary’s figures on the KPI cards, money per currency', async () => {
    renderDashboard();
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    await screen.findByTestId('kpi-cost');
    expect(kpiValues('cost')).toEqual(['€456.78', '£12.34']);
    expect(kpiValues('calls')).toEqual(['1,234']);
    expect(kpiValues('answered')).toEqual(['987']);
    expect(kpiValues('minutes')).toEqual(['3,727']);
    // 456.78 / 600 and 12.34 / 40, as the API rounded them.
    expect(kpiValues('average')).toEqual(['€0.76', '£0.31']);
    expect(within(screen.getByTestId('kpi-answered')).getByText('80% of calls')).toBeInTheDocument();
  });

  it('shows each figure’s change against the previous period', async () => {
    renderDashboard();
    const cost = await screen.findByTestId('kpi-cost');
    const [euros, pounds] = within(cost).getAllByTestId('kpi-change');
    expect(euros).toHaveTextContent('+25%');
    expect(euros).toHaveTextContent('Up 25% on the previous period');
    expect(pounds).toHaveTextContent('No previous data');
    expect(within(screen.getByTestId('kpi-calls')).getByTestId('kpi-change')).toHaveTextContent('+23.4%');
    expect(within(screen.getByTestId('kpi-answered')).getByTestId('kpi-change')).toHaveTextContent(
      'Same as the previous period',
    );
    expect(within(screen.getByTestId('kpi-minutes')).getByTestId('kpi-change')).toHaveTextContent(
      'Down 6.8% on the previous period',
    );
  });

  it('draws every breakdown from the API’s rows, in the largest currency', async () => {
    renderDashboard();
    const departments = await within(panel('Cost by department')).findByRole('list', {
      name: 'chart: Cost by department',
    });
    expect(
      within(departments)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Sales: €300.00', 'Support: €150.00', 'No department: €1.00']);
    expect(
      await within(panel('Cost by destination class')).findByText('International: €400.00'),
    ).toBeInTheDocument();
    expect(await within(panel('Top users by cost')).findByText('Giulia Bianchi: €90.00')).toBeInTheDocument();
    expect(
      await within(panel('Top destinations by cost')).findByText('Germany mobile: €70.00'),
    ).toBeInTheDocument();
    expect(await within(panel('Calls by hour of day')).findByText('09:00: 1,000')).toBeInTheDocument();
    expect(await within(panel('Cost over time')).findByText('Nov 3, 2026: €7.00')).toBeInTheDocument();
  });

  it('shows a chart as a table on request, with every currency', async () => {
    const { user } = renderDashboard();
    const departments = panel('Cost by department');
    await user.click(await within(departments).findByRole('button', { name: 'Show as table' }));
    const table = within(departments).getByRole('table', { name: 'Cost by department' });
    const support = within(table).getByRole('row', { name: /Support/ });
    expect(
      within(support)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Support', '400', '300', '1,500', '€150.00', '£12.34']);
    await user.click(within(departments).getByRole('button', { name: 'Show as chart' }));
    expect(within(departments).queryByRole('table')).not.toBeInTheDocument();
  });

  it('draws the charts in another currency when one is chosen', async () => {
    const { user } = renderDashboard();
    await user.selectOptions(await screen.findByLabelText('Currency of the charts'), 'GBP');
    expect(await within(panel('Cost by department')).findByText('Support: £12.34')).toBeInTheDocument();
  });

  it('asks for the period chosen and keeps it in the URL, with the trend per week for 90 days', async () => {
    const { user, fetch, location } = renderDashboard();
    await screen.findByTestId('kpi-cost');
    await user.selectOptions(screen.getByLabelText('Period'), 'last-90-days');
    await waitFor(() => expect(location()).toBe('/dashboard?period=last-90-days'));
    await waitFor(() =>
      expect(requestsTo(fetch, '/api/v1/reports/trend').at(-1)?.get('interval')).toBe('week'),
    );
    const summary = requestsTo(fetch, '/api/v1/reports/summary').at(-1);
    const days = (Date.parse(summary?.get('to') ?? '') - Date.parse(summary?.get('from') ?? '')) / 86_400_000;
    expect(days).toBe(89);
  });

  it('filters by site and department from the lists the API gives', async () => {
    const { user, fetch, location } = renderDashboard();
    const department = await screen.findByLabelText('Department');
    expect(
      within(department)
        .getAllByRole('option')
        .map((o) => o.textContent?.trim()),
    ).toEqual(['All departments', 'Sales', 'Export sales', 'Support']);
    await user.selectOptions(department, '4');
    await user.selectOptions(screen.getByLabelText('Site'), '2');
    await waitFor(() => expect(location()).toBe('/dashboard?site=2&department=4'));
    await waitFor(() => {
      const last = requestsTo(fetch, '/api/v1/reports/summary').at(-1);
      expect([last?.get('site'), last?.get('department')]).toEqual(['2', '4']);
    });
  });

  it('shows an employee their own calls: no site, department or per-person charts', async () => {
    const { fetch } = renderDashboard({ me: TEST_PEOPLE.employee });
    await screen.findByTestId('kpi-cost');
    expect(screen.getByText('Your own calls')).toBeInTheDocument();
    await screen.findByText('Germany mobile: €70.00');
    expect(screen.queryByRole('region', { name: 'Cost by department' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Top users by cost' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Department')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Site')).not.toBeInTheDocument();
    expect(requestsTo(fetch, '/api/v1/reports/filters')).toHaveLength(0);
    const dimensions = requestsTo(fetch, '/api/v1/reports/breakdown').map((q) => q.get('dimension'));
    expect(dimensions).not.toContain('department');
    expect(dimensions).not.toContain('user');
  });

  it('in a department’s channel tab, shows that department and offers no other', async () => {
    const { fetch } = renderDashboard({
      channel: { kind: 'department', departmentId: 3 },
      url: '/channel?department=9',
    });
    expect(await screen.findByText('Department: Support')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByLabelText('Site')).toBeInTheDocument();
    expect(screen.queryByLabelText('Department')).not.toBeInTheDocument();
    await screen.findByTestId('kpi-cost');
    for (const path of ['/api/v1/reports/summary', '/api/v1/reports/trend', '/api/v1/reports/breakdown'])
      expect(requestsTo(fetch, path).map((q) => q.get('department'))).not.toContain(null);
    expect(requestsTo(fetch, '/api/v1/reports/summary')[0]?.get('department')).toBe('3');
  });

  it('says it is loading while the API has not answered', async () => {
    renderDashboard({ routes: dashboardRoutes({ '/api/v1/reports/summary': () => new Promise(() => {}) }) });
    expect(await screen.findAllByText('Loading…')).not.toHaveLength(0);
    expect(screen.queryByTestId('kpi-cost')).not.toBeInTheDocument();
  });

  it('says what went wrong when a report fails, and tries again on request', async () => {
    let fail = true;
    const { user } = renderDashboard({
      routes: dashboardRoutes({
        '/api/v1/reports/summary': () =>
          fail ? json(403, { error: { code: 'forbidden', message: 'Not your department.' } }) : SUMMARY,
      }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You do not have access to this. Not your department.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('kpi-cost')).toBeInTheDocument();
  });

  it('shows empty states, not empty charts, for a period without calls', async () => {
    const none = { rows: [], other: null, total: totals() };
    renderDashboard({
      routes: dashboardRoutes({
        '/api/v1/reports/summary': {
          ...SUMMARY,
          totals: totals(),
          previous: { ...SUMMARY.previous, totals: totals() },
        },
        '/api/v1/reports/trend': {
          interval: 'day',
          groupBy: null,
          period: SUMMARY.period,
          source: 'calls',
          series: [],
        },
        '/api/v1/reports/breakdown': (url: URL) => ({
          dimension: url.searchParams.get('dimension'),
          period: SUMMARY.period,
          source: 'calls',
          ...none,
        }),
      }),
    });
    await screen.findByTestId('kpi-cost');
    expect(kpiValues('calls')).toEqual(['0']);
    expect(within(screen.getByTestId('kpi-cost')).getByText('No charged calls')).toBeInTheDocument();
    expect(within(screen.getByTestId('kpi-calls')).getByText('No previous data')).toBeInTheDocument();
    for (const name of ['Cost over time', 'Cost by department', 'Calls by hour of day'])
      expect(await within(panel(name)).findByText('No data for this period.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: /chart:/ })).not.toBeInTheDocument();
  });
});
