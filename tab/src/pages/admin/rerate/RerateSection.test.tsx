import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SECTION_LOAD, json, renderAdmin } from '../render-admin';

describe('re-rating', () => {
  it('shows that it is working until the API answers, then the result', async () => {
    let answer: (response: Response) => void = () => undefined;
    const { user, sent } = renderAdmin('/admin/rerate?from=2026-02-01&to=2026-02-03', {
      'GET /api/v1/admin/carriers': [{ id: 3, code: 'telco-it', name: 'Telco Italia' }],
      'POST /api/v1/admin/rerate': () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    await screen.findByRole('option', { name: 'Telco Italia' }, SECTION_LOAD);
    expect(screen.getByLabelText(/^From/)).toHaveValue('2026-02-01');
    await user.selectOptions(screen.getByLabelText('Carrier'), 'telco-it');
    await user.click(screen.getByRole('button', { name: 'Re-rate' }));
    expect(await screen.findByText(/Re-rating 3 days of calls/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Re-rate' })).toBeDisabled();
    expect(sent.find((request) => request.method === 'POST')?.body).toEqual({
      from: '2026-02-01',
      to: '2026-02-03',
      carrier: 'telco-it',
    });
    answer(json(200, { days: 3, calls: 1234, changed: 56, skipped: 0 }));
    expect(await screen.findByTestId('rerate-result')).toHaveTextContent(
      'Done: 1,234 calls over 3 days priced again, 56 changed, 0 skipped',
    );
    expect(screen.queryByText(/Re-rating 3 days/)).not.toBeInTheDocument();
  });

  it('refuses days that run backwards without asking the API', async () => {
    const { user, sent } = renderAdmin('/admin/rerate?from=2026-02-05&to=2026-02-03', {
      'GET /api/v1/admin/carriers': [],
    });
    await user.click(await screen.findByRole('button', { name: 'Re-rate' }, SECTION_LOAD));
    expect(await screen.findByText('Must not be before the first day.')).toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'POST')).toEqual([]);
  });
});
