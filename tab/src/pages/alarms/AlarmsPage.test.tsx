import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../i18n/formatters';
import { json, renderWithProviders, requestsTo } from '../../test/render-with-providers';
import { AlarmsPage } from './AlarmsPage';

// The machine that runs the tests may be busy: give answers and re-renders time to arrive.
configure({ asyncUtilTimeout: 5_000 });

describe('AlarmsPage', () => {
  it('says there are no alarms while the server has no alarm API (404)', async () => {
    const { fetch } = renderWithProviders(<AlarmsPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Alarms' })).toBeInTheDocument();
    expect(await screen.findByText('No alarms')).toBeInTheDocument();
    expect(
      screen.getByText("Alarms about costs, unusual traffic and the system's health will appear here."),
    ).toBeInTheDocument();
    expect(requestsTo(fetch, '/api/v1/alarms')).toHaveLength(1);
  });

  it('lists the alarms the API answers', async () => {
    const raisedAt = '2026-12-02T09:30:00.000Z';
    renderWithProviders(<AlarmsPage />, {
      routes: {
        '/api/v1/alarms': () => ({
          alarms: [
            { id: 1, title: 'Sales Italy over budget', severity: 'critical', state: 'open', raisedAt },
          ],
        }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Alarms' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Sales Italy over budget')).toBeInTheDocument();
    expect(within(row).getByText('Critical')).toBeInTheDocument();
    expect(within(row).getByText('Open')).toBeInTheDocument();
    expect(within(row).getByText(createFormatters('en-US').dateTime(raisedAt))).toBeInTheDocument();
  });

  it('shows other errors as errors', async () => {
    renderWithProviders(<AlarmsPage />, {
      routes: {
        '/api/v1/alarms': () => json(500, { error: { code: 'internal', message: 'the server failed' } }),
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('the server failed');
  });
});
