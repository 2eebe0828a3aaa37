import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AlarmJson } from '../../api/api-types';
import { createFormatters } from '../../i18n/formatters';
import { TEST_PEOPLE, json, renderWithProviders, requestsTo } from '../../test/render-with-providers';
import { AlarmsPage } from './AlarmsPage';

// The machine that runs the tests may be busy: give answers and re-renders time to arrive.
configure({ asyncUtilTimeout: 5_000 });

const budget: AlarmJson = {
  id: 12,
  ruleId: 1,
  rule: 'Monthly department budget',
  kind: 'budget',
  severity: 'critical',
  subject: 'Sales Italy',
  detail: '€ 1,250.00 of a € 1,000.00 budget (125%) in December 2026',
  raisedAt: '2026-12-02T09:30:00.000Z',
  status: 'open',
  acknowledgedBy: null,
  acknowledgedAt: null,
  resolvedAt: null,
  callId: null,
};

const premium: AlarmJson = {
  ...budget,
  id: 11,
  ruleId: 2,
  rule: 'Premium numbers',
  kind: 'destination',
  severity: 'warning',
  subject: 'Mario Rossi',
  detail: 'A call to a premium number (+39 899 …)',
  raisedAt: '2026-12-01T17:05:00.000Z',
  status: 'acknowledged',
  acknowledgedBy: 'Sam Supervisor',
  acknowledgedAt: '2026-12-01T18:00:00.000Z',
  callId: 481,
};

const format = createFormatters('en-US');

/** A fake alarms API over a list it changes when an alarm is acknowledged, as the server does. */
function alarmsApi(alarms: AlarmJson[]) {
  const state = alarms.map((alarm) => ({ ...alarm }));
  return {
    '/api/v1/alarms': (url: URL) => {
      const status = url.searchParams.get('status') ?? 'open';
      return { alarms: state.filter((alarm) => status === 'all' || alarm.status === status) };
    },
    '/api/v1/alarms/12/acknowledge': () => {
      const alarm = state.find((each) => each.id === 12)!;
      Object.assign(alarm, {
        status: 'acknowledged',
        acknowledgedBy: 'Sam Supervisor',
        acknowledgedAt: '2026-12-02T10:00:00.000Z',
      });
      return { alarm };
    },
  };
}

describe('AlarmsPage', () => {
  it('lists the open alarms with severity in words, rule, subject, detail and when raised', async () => {
    const { fetch } = renderWithProviders(<AlarmsPage />, {
      me: TEST_PEOPLE.supervisor,
      url: '/alarms',
      routes: alarmsApi([budget, premium]),
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Alarms' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Alarms' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(2);
    const row = rows[1] as HTMLElement;
    expect(within(row).getByText('Critical')).toBeInTheDocument();
    expect(within(row).getByText('Monthly department budget')).toBeInTheDocument();
    expect(within(row).getByText('Sales Italy')).toBeInTheDocument();
    expect(within(row).getByText(budget.detail)).toBeInTheDocument();
    expect(within(row).getByText(format.dateTime(budget.raisedAt))).toBeInTheDocument();
    expect(within(row).getByText('Open')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Open' })).toBeChecked();
    expect(Object.fromEntries(requestsTo(fetch, '/api/v1/alarms')[0]!)).toEqual({
      status: 'open',
      limit: '500',
    });
  });

  it('keeps the status filter in the URL and asks the API for that status', async () => {
    const { fetch, user, location } = renderWithProviders(<AlarmsPage />, {
      url: '/alarms',
      routes: alarmsApi([budget, premium]),
    });
    await screen.findByRole('table', { name: 'Alarms' });
    await user.click(screen.getByRole('radio', { name: 'Acknowledged' }));
    expect(await screen.findByText('Premium numbers')).toBeInTheDocument();
    expect(location()).toBe('/alarms?status=acknowledged');
    const row = screen.getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Warning')).toBeInTheDocument();
    expect(
      within(row).getByText(`Sam Supervisor, ${format.dateTime(premium.acknowledgedAt!)}`),
    ).toBeInTheDocument();
    // Only open alarms can be acknowledged.
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(requestsTo(fetch, '/api/v1/alarms').map((query) => query.get('status'))).toEqual([
      'open',
      'acknowledged',
    ]);
  });

  it('opens at the status the URL names', async () => {
    renderWithProviders(<AlarmsPage />, { url: '/alarms?status=all', routes: alarmsApi([budget, premium]) });
    const table = await screen.findByRole('table', { name: 'Alarms' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('radio', { name: 'All' })).toBeChecked();
  });

  it('acknowledges an open alarm: the request is sent and the list read again', async () => {
    const { fetch, user } = renderWithProviders(<AlarmsPage />, {
      me: TEST_PEOPLE.supervisor,
      url: '/alarms',
      routes: alarmsApi([budget, premium]),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Acknowledge alarm Monthly department budget: Sales Italy' }),
    );
    expect(await screen.findByText('Alarm Monthly department budget acknowledged.')).toBeInTheDocument();
    expect(await screen.findByText('No open alarms')).toBeInTheDocument();
    const posts = fetch.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts.map(([input]) => new URL(String(input), 'http://x').pathname)).toEqual([
      '/api/v1/alarms/12/acknowledge',
    ]);
    expect(requestsTo(fetch, '/api/v1/alarms')).toHaveLength(2);

    await user.click(screen.getByRole('radio', { name: 'Acknowledged' }));
    const table = await screen.findByRole('table', { name: 'Alarms' });
    expect(within(table).getByText('Monthly department budget')).toBeInTheDocument();
  });

  it('says so when an acknowledgement is refused, and keeps the alarm open', async () => {
    const { user } = renderWithProviders(<AlarmsPage />, {
      url: '/alarms',
      routes: {
        ...alarmsApi([budget]),
        '/api/v1/alarms/12/acknowledge': () =>
          json(404, { error: { code: 'not-found', message: 'alarm 12 not found' } }),
      },
    });
    await user.click(await screen.findByRole('button', { name: /^Acknowledge alarm/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not acknowledged');
    expect(alert).toHaveTextContent('alarm 12 not found');
    expect(screen.getByRole('button', { name: /^Acknowledge alarm/ })).toBeEnabled();
  });

  it('says there are no alarms when the list is empty', async () => {
    renderWithProviders(<AlarmsPage />, { url: '/alarms', routes: { '/api/v1/alarms': { alarms: [] } } });
    expect(await screen.findByText('No open alarms')).toBeInTheDocument();
  });

  it('shows a failure of the API, a 404 included, as an error with a retry', async () => {
    const { fetch, user } = renderWithProviders(<AlarmsPage />, { url: '/alarms' });
    expect(await screen.findByRole('alert')).toHaveTextContent('no /api/v1/alarms');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('alert');
    expect(requestsTo(fetch, '/api/v1/alarms').length).toBeGreaterThanOrEqual(2);
  });

  it('shows a server error as an error', async () => {
    renderWithProviders(<AlarmsPage />, {
      url: '/alarms',
      routes: {
        '/api/v1/alarms': () => json(500, { error: { code: 'internal', message: 'the server failed' } }),
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('the server failed');
  });
});
