import { configure, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PipelineStatus } from '../../api/api-types';
import { json, renderWithProviders } from '../../test/render-with-providers';
import { StatusPage } from './StatusPage';

// The machine that runs the tests may be busy: give answers and re-renders time to arrive.
configure({ asyncUtilTimeout: 5_000 });

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function status(changes: Partial<PipelineStatus> = {}): PipelineStatus {
  return {
    lastCallAt: minutesAgo(2),
    lastMinedAt: minutesAgo(1),
    calls: { rated: 40_038, unrated: 11, free: 59_700, total: 99_749 },
    recordedLines: 99_751,
    rejectedLines: 2,
    backlog: { files: 0, bytes: 0, oldestAt: null },
    failedFiles: [],
    recorders: [
      {
        source: 'sfb',
        position: '2026-12-02T17:05:17.087Z#112314',
        openSessions: 9,
        updatedAt: minutesAgo(1),
      },
    ],
    ...changes,
  };
}

describe('StatusPage', () => {
  // A Wednesday at 11:00: working time, when a quiet pipeline would be red.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 2, 11, 0, 0));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the figures the API reports', async () => {
    renderWithProviders(<StatusPage />, { routes: { '/api/v1/status': () => status() } });
    expect(screen.getByRole('heading', { level: 1, name: 'Status' })).toBeInTheDocument();
    const overall = await screen.findByTestId('status-overall');
    expect(screen.getByText('40,038')).toBeInTheDocument();
    expect(screen.getByText('59,700')).toBeInTheDocument();
    expect(screen.getByText('99,749')).toBeInTheDocument();
    expect(screen.getByText('99,751')).toBeInTheDocument();
    const recorders = screen.getByRole('table', { name: 'Recorder sources' });
    expect(within(recorders).getByText('2026-12-02T17:05:17.087Z#112314')).toBeInTheDocument();
    expect(within(recorders).getByText('9')).toBeInTheDocument();
    expect(screen.getByText('No spool file has failed.')).toBeInTheDocument();
    expect(overall).toHaveAttribute('data-state', 'green');
    expect(overall).toHaveTextContent('Overall state: Working');
    expect(overall).toHaveTextContent('Calls are being recorded, mined and rated');
  });

  it('turns red, saying why, when spool files failed', async () => {
    renderWithProviders(<StatusPage />, {
      routes: { '/api/v1/status': () => status({ failedFiles: ['sfb-20261202-1705.jsonl'] }) },
    });
    const overall = await screen.findByTestId('status-overall');
    expect(overall).toHaveAttribute('data-state', 'red');
    expect(overall).toHaveTextContent('Overall state: Not working');
    expect(overall).toHaveTextContent('1 spool file has failed and was set aside');
    expect(screen.getByText('sfb-20261202-1705.jsonl')).toBeInTheDocument();
  });

  it('turns red when nothing was recorded for hours in working time', async () => {
    renderWithProviders(<StatusPage />, {
      routes: { '/api/v1/status': () => status({ lastCallAt: minutesAgo(185) }) },
    });
    const overall = await screen.findByTestId('status-overall');
    expect(overall).toHaveAttribute('data-state', 'red');
    expect(overall).toHaveTextContent('No call has been recorded for 3 hours during the working day.');
  });

  it('says when the status cannot be read', async () => {
    renderWithProviders(<StatusPage />, {
      routes: { '/api/v1/status': () => json(500, { error: { code: 'internal', message: 'boom' } }) },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('boom');
    expect(screen.queryByTestId('status-overall')).not.toBeInTheDocument();
  });

  it('says it is loading until the status arrives', async () => {
    renderWithProviders(<StatusPage />, { routes: { '/api/v1/status': () => new Promise(() => undefined) } });
    expect(await screen.findByText('Loading…')).toBeInTheDocument();
  });
});
