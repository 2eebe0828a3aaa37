import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AlarmRule } from '../../../api/api-types';
import { SECTION_LOAD, json, renderAdmin, type SentRequest } from '../render-admin';

const budget: AlarmRule = {
  id: 4,
  name: 'Department budget',
  kind: 'budget',
  enabled: true,
  definition: {
    subject: 'department',
    period: 'month',
    budgetMicro: 1_500_000_000,
    thresholds: [80, 100],
    timeZone: 'Europe/Rome',
  },
  recipients: {
    channels: ['teams', 'email'],
    toUser: false,
    toSupervisors: true,
    toAdmins: false,
    emails: ['finance@contoso.test'],
    conversations: [],
  },
};

const hours = (from: number, to: number) => ({ from, to });
const outOfHours: AlarmRule = {
  id: 5,
  name: 'Night calls',
  kind: 'out_of_hours',
  enabled: false,
  // As the engine gives business hours back: a list from Monday.
  definition: {
    businessHours: [hours(8, 18), hours(8, 18), hours(8, 18), hours(8, 18), hours(8, 17), null, null],
    holidays: true,
    minCostMicro: 0,
    severity: 'warning',
  },
  recipients: {
    channels: ['teams'],
    toUser: true,
    toSupervisors: false,
    toAdmins: false,
    emails: [],
    conversations: [],
    adminGroupId: null,
  } as AlarmRule['recipients'],
};

const writes = (sent: SentRequest[]) => sent.filter((request) => request.method !== 'GET');

describe('alarm rules', () => {
  it('lists the rules with their kind, whether enabled, and whom they are sent to', async () => {
    renderAdmin('/admin/alarm-rules', { 'GET /api/v1/admin/alarm-rules': [budget, outOfHours] });
    const table = await screen.findByRole('table', { name: 'Alarm rules' }, SECTION_LOAD);
    const [, first, second] = within(table).getAllByRole('row') as HTMLElement[];
    expect(within(first!).getByText('Budget')).toBeInTheDocument();
    expect(within(first!).getByText('Teams, e-mail: supervisors, 1 address')).toBeInTheDocument();
    expect(within(first!).getByRole('switch', { name: 'Rule Department budget enabled' })).toBeChecked();
    expect(within(second!).getByText('Out of hours')).toBeInTheDocument();
    expect(within(second!).getByRole('switch', { name: 'Rule Night calls enabled' })).not.toBeChecked();
  });

  it('creates a budget rule from the form, sending the definition in micro-units', async () => {
    const { user, sent } = renderAdmin('/admin/alarm-rules', {
      'GET /api/v1/admin/alarm-rules': [],
      'POST /api/v1/admin/alarm-rules': { ...budget, id: 9 },
    });
    await user.click(await screen.findByRole('button', { name: 'Add alarm rule' }, SECTION_LOAD));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Sales budget');
    await user.type(within(dialog).getByLabelText('Id'), '3');
    await user.selectOptions(within(dialog).getByLabelText('Per'), 'week');
    await user.type(within(dialog).getByLabelText('Budget'), '250,50');
    await user.clear(within(dialog).getByLabelText('Warn at (percent of the budget)'));
    await user.type(within(dialog).getByLabelText('Warn at (percent of the budget)'), '90, 100, 120');
    await user.click(within(dialog).getByRole('checkbox', { name: 'E-mail' }));
    await user.type(
      within(dialog).getByLabelText('Also to these e-mail addresses'),
      'a@contoso.test, b@contoso.test',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Alarm rule Sales budget saved.')).toBeInTheDocument();
    expect(writes(sent)).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/admin/alarm-rules',
        body: {
          name: 'Sales budget',
          kind: 'budget',
          enabled: true,
          definition: {
            subject: 'department',
            subjectId: 3,
            period: 'week',
            budgetMicro: 250_500_000,
            thresholds: [90, 100, 120],
          },
          recipients: {
            channels: ['teams', 'email'],
            toUser: false,
            toSupervisors: true,
            toAdmins: false,
            emails: ['a@contoso.test', 'b@contoso.test'],
            conversations: [],
          },
        },
      }),
    ]);
  });

  it('creates a single-call rule with a cost and a duration limit', async () => {
    const { user, sent } = renderAdmin('/admin/alarm-rules', {
      'GET /api/v1/admin/alarm-rules': [],
      'POST /api/v1/admin/alarm-rules': { ...budget, id: 10 },
    });
    await user.click(await screen.findByRole('button', { name: 'Add alarm rule' }, SECTION_LOAD));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Expensive call');
    await user.selectOptions(within(dialog).getByLabelText('What it watches'), 'single_call');
    // Neither limit: refused without asking the API.
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Enter a cost, a duration, or both.')).toBeInTheDocument();
    expect(writes(sent)).toEqual([]);
    await user.type(within(dialog).getByLabelText('Cost over'), '20');
    await user.type(within(dialog).getByLabelText('Longer than (minutes)'), '90');
    await user.selectOptions(within(dialog).getByLabelText('Severity'), 'critical');
    await user.click(within(dialog).getByRole('checkbox', { name: 'To the user it is about' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await screen.findByText('Alarm rule Expensive call saved.');
    expect(writes(sent).map((request) => request.body)).toEqual([
      expect.objectContaining({
        kind: 'single_call',
        definition: { maxCostMicro: 20_000_000, maxDurationSec: 5400, severity: 'critical' },
        recipients: expect.objectContaining({ channels: ['teams'], toUser: true, toSupervisors: true }),
      }),
    ]);
  });

  it('shows the API’s validation problems next to the form and keeps it open', async () => {
    const { user } = renderAdmin('/admin/alarm-rules', {
      'GET /api/v1/admin/alarm-rules': [budget],
      'PUT /api/v1/admin/alarm-rules/4': json(400, {
        error: {
          code: 'invalid-input',
          message: 'the budget alarm rule is not valid',
          details: ['definition.thresholds: must be at most 1000'],
        },
      }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Edit alarm rule Department budget' }, SECTION_LOAD),
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Budget')).toHaveValue('1500');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('the budget alarm rule is not valid');
    expect(alert).toHaveTextContent('definition.thresholds: must be at most 1000');
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('switches a rule on with the whole rule, business hours by weekday name', async () => {
    const { user, sent } = renderAdmin('/admin/alarm-rules', {
      'GET /api/v1/admin/alarm-rules': [budget, outOfHours],
      'PUT /api/v1/admin/alarm-rules/5': { ...outOfHours, enabled: true },
    });
    await user.click(await screen.findByRole('switch', { name: 'Rule Night calls enabled' }, SECTION_LOAD));
    expect(await screen.findByText('Alarm rule Night calls enabled.')).toBeInTheDocument();
    expect(writes(sent)).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: '/api/v1/admin/alarm-rules/5',
        body: {
          name: 'Night calls',
          kind: 'out_of_hours',
          enabled: true,
          definition: {
            businessHours: {
              mon: hours(8, 18),
              tue: hours(8, 18),
              wed: hours(8, 18),
              thu: hours(8, 18),
              fri: hours(8, 17),
              sat: null,
              sun: null,
            },
            holidays: true,
            minCostMicro: 0,
            severity: 'warning',
          },
          recipients: {
            channels: ['teams'],
            toUser: true,
            toSupervisors: false,
            toAdmins: false,
            emails: [],
            conversations: [],
          },
        },
      }),
    ]);
  });

  it('deletes a rule after asking', async () => {
    const { user, sent } = renderAdmin('/admin/alarm-rules', {
      'GET /api/v1/admin/alarm-rules': [budget],
      'DELETE /api/v1/admin/alarm-rules/4': new Response(null, { status: 204 }),
    });
    await user.click(
      await screen.findByRole('button', { name: 'Delete alarm rule Department budget' }, SECTION_LOAD),
    );
    const dialog = await screen.findByRole('alertdialog');
    expect(writes(sent)).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Alarm rule Department budget deleted.')).toBeInTheDocument();
    expect(writes(sent).map((request) => `${request.method} ${request.path}`)).toEqual([
      'DELETE /api/v1/admin/alarm-rules/4',
    ]);
  });
});
