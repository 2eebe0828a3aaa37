import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallPage, CallRow } from '../../api/api-types';
import { createFormatters } from '../../i18n/formatters';
import { CallsPage } from './CallsPage';
import { json, renderWithProviders, requestsTo, type FakeRoutes } from '../../test/render-with-providers';

// The machine that runs the tests may be busy: give answers and re-renders time to arrive.
configure({ asyncUtilTimeout: 5_000 });

const format = createFormatters('en-US');

function call(id: number, changes: Partial<CallRow> = {}): CallRow {
  return {
    id,
    startedAt: '2026-11-03T08:15:00.000Z',
    localTime: '2026-11-03 09:15:00',
    localDay: '2026-11-03',
    direction: 'outbound',
    answered: true,
    talkSec: 125,
    billedSec: 126,
    user: { id: 7, name: 'Chiara Rossi' },
    department: { id: 3, name: 'Sales Italy' },
    site: { id: 1, name: 'Milano' },
    carrier: { id: 1, name: 'TIM' },
    caller: '+390212345678',
    callee: '+39 02 1234 5xxx',
    number: '+39 02 1234 5xxx',
    destClass: 'national',
    country: 'IT',
    destination: 'Italy - geographic',
    cost: { currency: 'EUR', micro: 2_345_000 },
    ratingStatus: 'rated',
    ...changes,
  };
}

const FIRST: CallPage = {
  calls: [
    call(11),
    call(12, {
      user: { id: 8, name: 'Oliver Hughes' },
      number: '+44 20 7946 0xxx',
      cost: { currency: 'GBP', micro: 80_000 },
    }),
    call(13, { user: { id: 9, name: 'Marco Bianchi' }, cost: null, ratingStatus: 'unrated' }),
    call(14, {
      user: { id: 10, name: 'Anna Verdi' },
      direction: 'internal',
      cost: null,
      ratingStatus: 'free',
    }),
  ],
  nextCursor: 'cursor-2',
};
const SECOND: CallPage = { calls: [call(15, { user: { id: 11, name: 'Luca Neri' } })], nextCursor: null };

const FILTER_OPTIONS = { sites: [{ id: 2, code: 'LON', name: 'London', currency: 'GBP' }], departments: [] };

function callsApi(pages: Record<string, CallPage> = { '': FIRST, 'cursor-2': SECOND }): FakeRoutes {
  return {
    '/api/v1/reports/filters': FILTER_OPTIONS,
    '/api/v1/calls': (url: URL) => pages[url.searchParams.get('cursor') ?? ''],
  };
}

const grid = () => screen.findByRole('grid', { name: 'Calls' });

// Fluent's focus manager lives on the window across a file's tests and, in jsdom, may leave a
// dialog of a later test marked aria-hidden for a while; the name is what is checked.
const findDetails = () => screen.findByRole('dialog', { name: 'Call details', hidden: true });

afterEach(() => vi.restoreAllMocks());

describe('CallsPage', () => {
  it('shows the calls the API answers, as it gives them', async () => {
    renderWithProviders(<CallsPage />, { routes: callsApi(), url: '/calls' });
    expect(screen.getByRole('heading', { level: 1, name: 'Calls' })).toBeInTheDocument();
    const rows = within(await grid())
      .getAllByRole('row')
      .slice(1);
    expect(rows).toHaveLength(4);
    const first = within(rows[0] as HTMLElement);
    expect(first.getByText('Chiara Rossi')).toBeInTheDocument();
    expect(first.getByText('+39 02 1234 5xxx')).toBeInTheDocument();
    expect(first.getByText(format.money(2_345_000, 'EUR'))).toBeInTheDocument();
    expect(first.getByText(format.localDateTime('2026-11-03 09:15:00'))).toBeInTheDocument();
    expect(first.getByText(format.duration(125))).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText(format.money(80_000, 'GBP'))).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('Unrated')).toBeInTheDocument();
    expect(within(rows[3] as HTMLElement).getByText('Free')).toBeInTheDocument();
  });

  it('asks the next page with the cursor and goes back to the first without one', async () => {
    const { fetch, user } = renderWithProviders(<CallsPage />, {
      routes: callsApi(),
      url: '/calls?period=last-month',
    });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Luca Neri')).toBeInTheDocument();
    expect(screen.getByText('Page 2')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled();
    const asked = requestsTo(fetch, '/api/v1/calls');
    expect(asked.at(-1)?.get('cursor')).toBe('cursor-2');
    expect(asked[0]?.get('cursor')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Chiara Rossi')).toBeInTheDocument();
    expect(screen.getByText('Page 1')).toBeInTheDocument();
  });

  it('starts again at page 1 when a filter changes', async () => {
    const { fetch, user } = renderWithProviders(<CallsPage />, { routes: callsApi(), url: '/calls' });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('Luca Neri');
    await user.click(screen.getByRole('combobox', { name: 'Direction' }));
    await user.click(screen.getByRole('option', { name: 'Outbound' }));
    await waitFor(() => expect(requestsTo(fetch, '/api/v1/calls').at(-1)?.get('direction')).toBe('outbound'));
    const last = requestsTo(fetch, '/api/v1/calls').at(-1);
    expect(last?.has('cursor')).toBe(false);
    expect(await screen.findByText('Page 1')).toBeInTheDocument();
  });

  it('searches and filters by minimum cost as typing pauses', async () => {
    const { fetch, user } = renderWithProviders(<CallsPage />, { routes: callsApi(), url: '/calls' });
    await grid();
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'rossi');
    await user.type(screen.getByRole('textbox', { name: 'Minimum cost' }), '0,5');
    await waitFor(() => {
      const last = requestsTo(fetch, '/api/v1/calls').at(-1);
      expect(last?.get('q')).toBe('rossi');
      expect(last?.get('minCost')).toBe('0.5');
    });
  });

  it('says an amount it cannot use is wrong, and does not send it', async () => {
    const { fetch, user } = renderWithProviders(<CallsPage />, { routes: callsApi(), url: '/calls' });
    await grid();
    await user.type(screen.getByRole('textbox', { name: 'Minimum cost' }), 'abc');
    expect(await screen.findByText('Write an amount such as 0.50 (at most 6 decimals).')).toBeInTheDocument();
    expect(requestsTo(fetch, '/api/v1/calls').every((query) => !query.has('minCost'))).toBe(true);
  });

  it('asks another order from a sortable header, largest first', async () => {
    const { fetch, user } = renderWithProviders(<CallsPage />, { routes: callsApi(), url: '/calls' });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Cost' }));
    await waitFor(() => expect(requestsTo(fetch, '/api/v1/calls').at(-1)?.get('sort')).toBe('cost'));
    expect(requestsTo(fetch, '/api/v1/calls').at(-1)?.get('order')).toBe('desc');
  });

  it('shows every field of a call opened from the list', async () => {
    const { user } = renderWithProviders(<CallsPage />, { routes: callsApi(), url: '/calls' });
    fireEvent.click(within(await grid()).getByText('Oliver Hughes'));
    const drawer = await findDetails();
    expect(within(drawer).getByText('12')).toBeInTheDocument();
    expect(within(drawer).getByText('TIM')).toBeInTheDocument();
    expect(within(drawer).getByText('+390212345678')).toBeInTheDocument();
    expect(within(drawer).getByText(format.money(80_000, 'GBP'))).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Close details', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).not.toBeInTheDocument());
  });

  it('opens a call with Enter on a cell of its row', async () => {
    renderWithProviders(<CallsPage />, { routes: callsApi(), url: '/calls' });
    const row = within(await grid()).getAllByRole('row')[2] as HTMLElement;
    fireEvent.keyDown(within(row).getAllByRole('gridcell')[1] as HTMLElement, { key: 'Enter' });
    const drawer = await findDetails();
    expect(within(drawer).getByText('12')).toBeInTheDocument();
  });

  it('says so while loading, when nothing matches, and when the API fails', async () => {
    let answer: (page: CallPage) => void = () => undefined;
    const { unmount } = renderWithProviders(<CallsPage />, {
      routes: { '/api/v1/calls': () => new Promise<CallPage>((resolve) => (answer = resolve)) },
      url: '/calls',
    });
    expect(await screen.findByText('Loading…')).toBeInTheDocument();
    answer({ calls: [], nextCursor: null });
    expect(await screen.findByText('No calls match these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<CallsPage />, {
      routes: {
        '/api/v1/calls': () => json(403, { error: { code: 'forbidden', message: 'not your department' } }),
      },
      url: '/calls',
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('not your department');
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('exports exactly the calls the list selects', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:ledgerline/1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { fetch, user } = renderWithProviders(<CallsPage />, {
      routes: {
        ...callsApi(),
        '/api/v1/calls/export': () =>
          new Response('id\n11\n', {
            headers: { 'Content-Disposition': 'attachment; filename="calls_2026-10-01_2026-10-31.xlsx"' },
          }),
      },
      url: '/calls?period=last-month&site=2&direction=outbound&answered=true&minCost=0.5&q=rossi&sort=cost',
    });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Export Excel' }));
    expect(await screen.findByText('Downloaded calls_2026-10-01_2026-10-31.xlsx.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledOnce();
    const listed = requestsTo(fetch, '/api/v1/calls')[0] as URLSearchParams;
    const exported = requestsTo(fetch, '/api/v1/calls/export')[0] as URLSearchParams;
    const selection = (params: URLSearchParams, without: string[]) =>
      [...params].filter(([name]) => !without.includes(name)).sort();
    expect(exported.get('format')).toBe('xlsx');
    expect(selection(exported, ['format'])).toEqual(selection(listed, ['sort', 'order', 'limit', 'cursor']));
    expect(selection(exported, ['format'])).toContainEqual(['q', 'rossi']);
  });

  it('says why an export failed', async () => {
    const { user } = renderWithProviders(<CallsPage />, {
      routes: {
        ...callsApi(),
        '/api/v1/calls/export': () =>
          json(429, { error: { code: 'too-many-requests', message: 'too many exports, wait a moment' } }),
      },
      url: '/calls',
    });
    await grid();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('too many exports, wait a moment')).toBeInTheDocument();
    expect(screen.getByText('The export did not work')).toBeInTheDocument();
  });
});
