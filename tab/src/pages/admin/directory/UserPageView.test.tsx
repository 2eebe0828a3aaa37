import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SECTION_LOAD, json, renderAdmin } from '../render-admin';
import { MILAN } from '../test-fixtures';

const anna = {
  id: 5,
  upn: 'anna.rossi@contoso.com',
  displayName: 'Anna Rossi',
  entraObjectId: null,
  sipUri: null,
  departmentId: null,
  siteId: 1,
  anonymous: false,
  numbers: [{ id: 50, userId: 5, siteId: 1, kind: 'extension', number: '2001' }],
};

describe('a user’s page', () => {
  it('adds a number and shows the API’s 409 when another user has it', async () => {
    let taken = true;
    const { user, sent } = renderAdmin('/admin/users/5', {
      'GET /api/v1/admin/users/5': anna,
      'GET /api/v1/admin/sites': [MILAN],
      'POST /api/v1/admin/users/5/numbers': () =>
        taken
          ? json(409, {
              error: { code: 'conflict', message: '+390212345678 belongs to Marco Bianchi: send reassign' },
            })
          : json(201, { id: 51, userId: 5, siteId: 1, kind: 'e164', number: '+390212345678' }),
    });
    const numbers = await screen.findByRole('table', { name: 'Numbers of Anna Rossi' }, SECTION_LOAD);
    expect(within(numbers).getByText('2001')).toBeInTheDocument();
    await screen.findByRole('option', { name: 'MIL · Milano' });
    await user.type(screen.getByLabelText(/Number or extension/), '+39 02 1234 5678');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('belongs to Marco Bianchi');

    taken = false;
    await user.click(screen.getByRole('switch', { name: 'Take it from whoever has it now' }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('+390212345678 added.')).toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual([
      { siteId: 1, number: '+390212345678', reassign: false },
      { siteId: 1, number: '+390212345678', reassign: true },
    ]);
  });

  it('asks before taking a number away, then deletes it', async () => {
    const { user, sent } = renderAdmin('/admin/users/5', {
      'GET /api/v1/admin/users/5': anna,
      'GET /api/v1/admin/sites': [MILAN],
      'DELETE /api/v1/admin/users/5/numbers/50': new Response(null, { status: 204 }),
    });
    await user.click(await screen.findByRole('button', { name: 'Remove number 2001' }, SECTION_LOAD));
    const dialog = await screen.findByRole('alertdialog');
    expect(sent.some((request) => request.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('2001 removed.')).toBeInTheDocument();
    expect(sent.filter((request) => request.method === 'DELETE').map((request) => request.path)).toEqual([
      '/api/v1/admin/users/5/numbers/50',
    ]);
  });
});
