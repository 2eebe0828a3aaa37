import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Rate, TariffPlan } from '../admin-types';
import { SECTION_LOAD, json, renderAdmin, type SentRequest } from '../render-admin';
import { MILAN } from '../test-fixtures';

const italia: Rate = {
  id: 70,
  prefix: '39',
  destClass: null,
  country: null,
  label: 'Italia fisso',
  connectFee: 0,
  intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 20_000 }],
  bandIntervals: {},
  minCharge: 0,
  maxCost: null,
  unansweredCharge: 0,
};

const mobile: Rate = { ...italia, id: 71, prefix: '393', label: '', connectFee: 50_000 };

const plan: TariffPlan = {
  id: 7,
  carrierId: 3,
  carrier: { id: 3, code: 'telco-it', name: 'Telco Italia' },
  name: 'Business 2026',
  currency: 'EUR',
  activeFrom: Date.parse('2025-12-31T23:00:00Z'),
  timeBands: [],
  rounding: { decimals: 4, method: 'up' },
  rates: [italia, mobile],
};

const planRoutes = (patch: unknown) => ({
  'GET /api/v1/admin/tariff-plans/7': plan,
  'PATCH /api/v1/admin/tariff-plans/7/rates/70': patch,
});

const patches = (sent: SentRequest[]) => sent.filter((request) => request.method === 'PATCH');

describe('a tariff plan’s page', () => {
  it('shows the rates and saves one rate’s new price as a PATCH of what changed', async () => {
    const { user, sent } = renderAdmin(
      '/admin/tariff-plans/7',
      planRoutes({
        rate: { ...italia, intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 30_000 }] },
        affected: { calls: 12, firstDay: 20260201, lastDay: 20260203 },
      }),
    );
    const rates = await screen.findByRole('table', { name: 'Rates' }, SECTION_LOAD);
    expect(within(rates).getAllByRole('row')).toHaveLength(3);
    expect(within(rates).getByText('+393')).toBeInTheDocument();
    // A rate without a label is named by its prefix.
    expect(screen.getByRole('button', { name: 'Edit rate 393' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Edit rate Italia fisso' }));
    const dialog = await screen.findByRole('dialog');
    const price = within(dialog).getByLabelText('Price per minute');
    expect(price).toHaveValue('0.02');
    await user.clear(price);
    await user.type(price, '0,03');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Rate Italia fisso saved\./)).toBeInTheDocument();
    expect(screen.getByText(/12 stored calls from .* keep their old cost/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(patches(sent)).toEqual([
      expect.objectContaining({
        path: '/api/v1/admin/tariff-plans/7/rates/70',
        contentType: 'application/json',
        body: { intervals: [{ fromSec: 0, incrementSec: 60, pricePerMinute: 30_000 }] },
      }),
    ]);
    // The plan is read again after the change.
    expect(sent.filter((request) => request.path === '/api/v1/admin/tariff-plans/7')).toHaveLength(2);
  });

  it('shows the API’s refusal in the rate dialog and keeps it open', async () => {
    const { user } = renderAdmin(
      '/admin/tariff-plans/7',
      planRoutes(
        json(409, { error: { code: 'conflict', message: 'tariff plan 7 was changed by someone else' } }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Edit rate Italia fisso' }, SECTION_LOAD));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText('Connection fee'));
    await user.type(within(dialog).getByLabelText('Connection fee'), '0.01');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('tariff plan 7 was changed by someone else');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('refuses an amount it cannot read without sending anything', async () => {
    const { user, sent } = renderAdmin('/admin/tariff-plans/7', planRoutes({}));
    await user.click(await screen.findByRole('button', { name: 'Edit rate Italia fisso' }, SECTION_LOAD));
    const dialog = await screen.findByRole('dialog');
    await user.clear(within(dialog).getByLabelText('Price per minute'));
    await user.type(within(dialog).getByLabelText('Price per minute'), 'cheap');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/Enter an amount of zero or more/)).toBeInTheDocument();
    expect(patches(sent)).toEqual([]);
  });

  it('uploads a rate deck with the options chosen and shows what it did', async () => {
    const { user, sent } = renderAdmin('/admin/tariff-plans/7', {
      ...planRoutes({}),
      'PUT /api/v1/admin/tariff-plans/7/rates': {
        plan: { id: 7, carrierId: 3, name: 'Business 2026', currency: 'EUR', activeFrom: 0, rates: 2 },
        affected: { calls: 0, firstDay: null, lastDay: null },
        added: 1,
        changed: 1,
        removed: 0,
        unchanged: 0,
      },
    });
    await screen.findByRole('table', { name: 'Rates' }, SECTION_LOAD);
    const file = new File(['prefix;pricePerMinute\n39;0,05\n'], 'listino.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText(/CSV file/), file);
    await user.selectOptions(screen.getByLabelText('Column separator'), ';');
    await user.selectOptions(screen.getByLabelText('Encoding'), 'windows-1252');
    await user.type(screen.getByLabelText('Billing increments'), '60/60');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(
      await screen.findByText(/Imported: 1 added, 1 changed, 0 removed, 0 unchanged\./),
    ).toBeInTheDocument();
    const put = sent.find((request) => request.method === 'PUT');
    expect(put).toMatchObject({
      path: '/api/v1/admin/tariff-plans/7/rates',
      contentType: 'text/csv; charset=windows-1252',
      body: 'prefix;pricePerMinute\n39;0,05\n',
    });
    expect(Object.fromEntries(put!.query)).toEqual({
      fileName: 'listino.csv',
      separator: ';',
      increments: '60/60',
    });
  });
});

describe('the tariff plans list', () => {
  it('lists plans under their carrier and previews a sample call', async () => {
    const { user, sent } = renderAdmin('/admin/tariff-plans', {
      'GET /api/v1/admin/carriers': [{ id: 3, code: 'telco-it', name: 'Telco Italia' }],
      'GET /api/v1/admin/tariff-plans': [
        { id: 7, carrierId: 3, name: 'Business 2026', currency: 'EUR', activeFrom: 0, rates: 2 },
      ],
      'GET /api/v1/admin/sites': [MILAN],
      'POST /api/v1/admin/tariffs/preview': {
        site: { id: 1, code: 'MIL' },
        normalized: '+390212345678',
        destClass: 'local',
        destCountry: 'IT',
        status: 'rated',
        reason: null,
        carrier: { id: 3, code: 'telco-it', name: 'Telco Italia' },
        plan: { id: 7, name: 'Business 2026', activeFrom: 0 },
        rate: {
          id: 70,
          label: 'Italia fisso',
          matchedBy: 'prefix',
          prefix: '39',
          destClass: null,
          country: null,
        },
        cost: 40_000,
        costText: '0.04 EUR',
        currency: 'EUR',
        billedSec: 120,
        bands: [{ band: null, billedSec: 120, amount: 40_000 }],
      },
    });
    const table = await screen.findByRole('table', { name: 'Tariff plans of Telco Italia' }, SECTION_LOAD);
    expect(within(table).getByText('Business 2026')).toBeInTheDocument();
    await screen.findByRole('option', { name: 'MIL · Milano' });
    await user.type(screen.getByLabelText(/Number dialled/), '00212345678');
    await user.clear(screen.getByLabelText(/Talk time in seconds/));
    await user.type(screen.getByLabelText(/Talk time in seconds/), '90');
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    const result = await screen.findByTestId('preview-result');
    expect(result).toHaveTextContent('Local · IT');
    expect(result).toHaveTextContent('Italia fisso · +39');
    expect(result).toHaveTextContent('€0.04');
    const preview = sent.find((request) => request.method === 'POST');
    expect(preview?.body).toMatchObject({
      siteId: 1,
      number: '00212345678',
      durationSec: 90,
      trunk: null,
      answered: true,
    });
  });

  it('opens a plan from the list', async () => {
    const { user } = renderAdmin('/admin/tariff-plans', {
      'GET /api/v1/admin/carriers': [{ id: 3, code: 'telco-it', name: 'Telco Italia' }],
      'GET /api/v1/admin/tariff-plans': [
        { id: 7, carrierId: 3, name: 'Business 2026', currency: 'EUR', activeFrom: 0, rates: 2 },
      ],
      'GET /api/v1/admin/tariff-plans/7': plan,
      'GET /api/v1/admin/sites': [],
    });
    await user.click(await screen.findByRole('button', { name: 'Open plan Business 2026' }, SECTION_LOAD));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Telco Italia: Business 2026' })).toBeInTheDocument(),
    );
  });
});
