import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReportSchedule } from '../../../api/api-types';
import { createFormatters } from '../../../i18n/formatters';
import type { Department } from '../admin-types';
import { SECTION_LOAD, json, renderAdmin, type SentRequest } from '../render-admin';
import { MILAN } from '../test-fixtures';

const monthly: ReportSchedule = {
  id: 3,
  name: 'Monthly costs',
  report: 'departments',
  filters: { site: 1 },
  period: 'last-month',
  format: 'pdf',
  recipients: ['finance@contoso.test', 'person:6b0c2a4e-1f5e-4d7a-9b1c-0a1b2c3d4e5f'],
  cron: '0 7 1 * *',
  timeZone: 'Europe/Rome',
  enabled: true,
  lastRun: { dueAt: '2026-12-01T06:00:00.000Z', status: 'done', finishedAt: '2026-12-01T06:00:04.000Z' },
  nextRun: '2027-01-01T06:00:00.000Z',
};

const SALES: Department = {
  id: 2,
  code: 'SALES-IT',
  name: 'Sales Italy',
  parentId: null,
  costCenter: null,
  supervisorGroupId: null,
};

const format = createFormatters('en-US');
const writes = (sent: SentRequest[]) => sent.filter((request) => request.method !== 'GET');

describe('scheduled reports', () => {
  it('lists each schedule with its last and next run', async () => {
    renderAdmin('/admin/report-schedules', { 'GET /api/v1/admin/report-schedules': [monthly] });
    const table = await screen.findByRole('table', { name: 'Scheduled reports' }, SECTION_LOAD);
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(row).getByText('Cost by department')).toBeInTheDocument();
    expect(within(row).getByText('Last month')).toBeInTheDocument();
    expect(within(row).getByText('E-mail with PDF')).toBeInTheDocument();
    expect(within(row).getByText('2 recipients')).toBeInTheDocument();
    expect(within(row).getByText('1st of the month 07:00 (Europe/Rome)')).toBeInTheDocument();
    expect(
      within(row).getByText(`Sent, ${format.dateTime(monthly.lastRun!.finishedAt as string)}`),
    ).toBeInTheDocument();
    expect(within(row).getByText(format.dateTime(monthly.nextRun!))).toBeInTheDocument();
  });

  it('sends a schedule now and reads the list again', async () => {
    const { user, sent } = renderAdmin('/admin/report-schedules', {
      'GET /api/v1/admin/report-schedules': [monthly],
      'POST /api/v1/admin/report-schedules/3/run': json(202, { dueAt: '2026-12-05T10:00:00.000Z' }),
    });
    await user.click(await screen.findByRole('button', { name: 'Send now: Monthly costs' }, SECTION_LOAD));
    expect(await screen.findByText('Scheduled report Monthly costs is being sent.')).toBeInTheDocument();
    expect(writes(sent).map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/v1/admin/report-schedules/3/run',
    ]);
    expect(sent.filter((request) => request.path === '/api/v1/admin/report-schedules')).toHaveLength(2);
  });

  it('says so when sending now is refused', async () => {
    const { user } = renderAdmin('/admin/report-schedules', {
      'GET /api/v1/admin/report-schedules': [monthly],
      'POST /api/v1/admin/report-schedules/3/run': json(409, {
        error: { code: 'conflict', message: 'schedule 3 is being sent already' },
      }),
    });
    await user.click(await screen.findByRole('button', { name: 'Send now: Monthly costs' }, SECTION_LOAD));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('schedule 3 is being sent already');
    expect(alert).toHaveTextContent('Not sent');
  });

  it('creates a schedule from the form, a preset giving the cron expression', async () => {
    const { user, sent } = renderAdmin('/admin/report-schedules', {
      'GET /api/v1/admin/report-schedules': [],
      'GET /api/v1/admin/sites': [MILAN],
      'GET /api/v1/admin/departments': [SALES],
      'POST /api/v1/admin/report-schedules': { ...monthly, id: 8 },
    });
    await user.click(await screen.findByRole('button', { name: 'Add scheduled report' }, SECTION_LOAD));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Weekly destinations');
    await user.selectOptions(within(dialog).getByLabelText('Report'), 'destinations');
    await user.selectOptions(within(dialog).getByLabelText('Period'), 'last-week');
    await user.selectOptions(within(dialog).getByLabelText('Format'), 'card');
    await within(dialog).findByRole('option', { name: 'Sales Italy' });
    await user.selectOptions(within(dialog).getByLabelText('Department'), '2');
    await user.selectOptions(within(dialog).getByLabelText('When'), '0 8 * * 1');
    expect(within(dialog).getByLabelText(/^Cron expression/)).toHaveValue('0 8 * * 1');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Enter at least one recipient.')).toBeInTheDocument();
    expect(writes(sent)).toEqual([]);
    await user.type(within(dialog).getByLabelText(/^Recipients/), 'channel:19:team/19:general');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Scheduled report Weekly destinations saved.')).toBeInTheDocument();
    expect(writes(sent).map((request) => request.body)).toEqual([
      {
        name: 'Weekly destinations',
        report: 'destinations',
        filters: { department: 2 },
        period: 'last-week',
        format: 'card',
        recipients: ['channel:19:team/19:general'],
        cron: '0 8 * * 1',
        timeZone: 'Europe/Rome',
        enabled: true,
      },
    ]);
  });

  it('switches a schedule off with the whole schedule', async () => {
    const { user, sent } = renderAdmin('/admin/report-schedules', {
      'GET /api/v1/admin/report-schedules': [monthly],
      'PUT /api/v1/admin/report-schedules/3': { ...monthly, enabled: false },
    });
    await user.click(
      await screen.findByRole('switch', { name: 'Scheduled report Monthly costs enabled' }, SECTION_LOAD),
    );
    expect(await screen.findByText('Scheduled report Monthly costs disabled.')).toBeInTheDocument();
    const { id: _id, lastRun: _last, nextRun: _next, ...body } = monthly;
    expect(writes(sent).map((request) => request.body)).toEqual([{ ...body, enabled: false }]);
  });
});
