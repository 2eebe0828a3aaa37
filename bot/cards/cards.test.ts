// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { BreakdownReport } from '../../backend/reports/breakdown-report.js';
import type { CallListRow } from '../../backend/reports/call-list.js';
import type { SummaryReport } from '../../backend/reports/summary-report.js';
import { alarmCard, openAlarmsCard, type AlarmView } from './alarm-card.js';
import { formatCost, talkTime } from './card-elements.js';
import { costSummaryCard } from './cost-summary-card.js';
import { helpCard } from './help-card.js';
import { recentCallsCard } from './recent-calls-card.js';
import { tabLink } from './report-link.js';
import { scheduledReportCard, subscriptionCard } from './scheduled-report-card.js';
import { problemsOf, expectValid } from './test-card-validation.js';
import { topListCard } from './top-list-card.js';

const totals = (micro: number, calls: number) => ({
  calls,
  answered: calls - 1,
  talkSec: calls * 90,
  minutes: calls * 1.5,
  billedSec: calls * 90,
  cost:
    micro === 0
      ? []
      : [{ currency: 'EUR', micro, chargedCalls: calls, averageMicro: Math.round(micro / calls) }],
});
const summary: SummaryReport = {
  period: { from: '2026-04-01', to: '2026-04-30' },
  source: 'rollups',
  totals: totals(123_456_789, 420),
  previous: { period: { from: '2026-03-02', to: '2026-03-31' }, totals: totals(100_000_000, 400) },
};
const breakdown: BreakdownReport = {
  dimension: 'user',
  period: { from: '2026-04-01', to: '2026-04-30' },
  source: 'rollups',
  rows: [
    { key: 1, label: 'Anna Rossi', ...totals(50_000_000, 100) },
    { key: 2, label: 'Ben Smith', ...totals(20_000_000, 80) },
  ],
  other: { rows: 12, ...totals(3_000_000, 30) },
  total: totals(73_000_000, 210),
};
const call: CallListRow = {
  id: 9,
  startedAt: '2026-04-03T08:00:00.000Z',
  localTime: '2026-04-03 10:00:00',
  localDay: '2026-04-03',
  direction: 'outbound',
  answered: true,
  talkSec: 125,
  billedSec: 126,
  user: { id: 1, name: 'Anna Rossi' },
  department: null,
  site: null,
  carrier: null,
  caller: '+390212345',
  callee: '+44207946***',
  number: '+44207946***',
  destClass: 'international',
  country: 'GB',
  destination: 'United Kingdom',
  cost: { currency: 'EUR', micro: 310_000 },
  ratingStatus: 'rated',
};
const alarm: AlarmView = {
  id: 7,
  rule: 'Calls to premium numbers',
  subject: 'Sales',
  detail: '3 calls to premium numbers today, threshold 1',
  raisedAt: '2026-04-03 10:05',
  acknowledged: null,
};
const link = tabLink('https://ledgerline.contoso.com/', 'dashboard', {
  from: '2026-04-01',
  to: '2026-04-30',
  department: 4,
});

describe('the cards', () => {
  it('builds a cost summary with the period before, Refresh for everyone in place and a link into the tab', () => {
    const request = {
      kind: 'cost' as const,
      from: '2026-04-01',
      to: '2026-04-30',
      label: 'last month',
      subjectName: 'Sales',
      departmentId: 4,
    };
    const card = costSummaryCard({ request, summary, scopeName: 'Sales', link, refreshUserIds: ['29:user'] });
    expectValid(card);
    const text = JSON.stringify(card);
    expect(text).toContain('EUR 123.46');
    expect(text).toContain('EUR 100.00');
    expect(text).toContain('+23.5% (EUR)');
    expect(card.actions).toEqual([
      { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { request } },
      {
        type: 'Action.OpenUrl',
        title: 'Open in Ledgerline',
        url: 'https://ledgerline.contoso.com/dashboard?from=2026-04-01&to=2026-04-30&department=4',
      },
    ]);
    expect(card.refresh?.userIds).toEqual(['29:user']);
    expectValid(
      costSummaryCard({
        request: { ...request, subjectName: null },
        summary,
        scopeName: 'the whole company',
        link: null,
      }),
    );
  });

  it('builds top lists with the rest summed', () => {
    const card = topListCard({
      request: { kind: 'top', dimension: 'users', from: '2026-04-01', to: '2026-04-30', label: 'last month' },
      breakdown,
      scopeName: 'Sales',
      link,
    });
    expectValid(card);
    expect(JSON.stringify(card)).toContain('12 more');
    expect(JSON.stringify(card)).toContain('1. Anna Rossi');
    expectValid(
      topListCard({
        request: { kind: 'top', dimension: 'destinations', from: '2026-04-01', to: '2026-04-30', label: 'x' },
        breakdown: { ...breakdown, rows: [], other: null },
        scopeName: 'you',
        link: null,
      }),
    );
  });

  it('builds recent calls with the numbers as the report engine masked them', () => {
    const card = recentCallsCard({
      request: { kind: 'my-calls', from: '2026-04-01', to: '2026-04-30', label: 'last month' },
      calls: [
        call,
        {
          ...call,
          id: 10,
          answered: false,
          talkSec: 0,
          cost: null,
          ratingStatus: 'free',
          direction: 'inbound',
        },
      ],
      more: true,
      link: null,
    });
    expectValid(card);
    expect(JSON.stringify(card)).toContain('+44207946***');
    expect(JSON.stringify(card)).toContain('(not answered)');
  });

  it('builds alarms with Acknowledge while open, and the empty list', () => {
    const open = alarmCard(alarm, { refreshUserIds: ['29:user'] });
    expectValid(open);
    expect(open.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      verb: 'acknowledge',
      data: { alarmId: 7 },
    });
    const done = alarmCard({ ...alarm, acknowledged: { by: 'Anna Rossi', at: '2026-04-03 11:00' } });
    expectValid(done);
    expect(done.actions).toBeUndefined();
    expectValid(openAlarmsCard([]));
    expect(JSON.stringify(openAlarmsCard([]))).toContain('There are no open alarms.');
    expectValid(openAlarmsCard([alarm]));
  });

  it('builds scheduled reports, subscriptions and help', () => {
    const report = costSummaryCard({
      request: { kind: 'cost', from: '2026-04-01', to: '2026-04-30', label: 'last month', subjectName: null },
      summary,
      scopeName: 'the whole company',
      link,
    });
    expectValid(scheduledReportCard({ reportName: 'Cost summary', schedule: 'weekly', report }));
    expectValid(
      subscriptionCard({ reportName: 'Cost summary', schedule: 'weekly', note: 'Sending starts later.' }),
    );
    expectValid(helpCard());
    const confused = helpCard({ notUnderstood: 'make me a sandwich' });
    expectValid(confused);
    expect(JSON.stringify(confused)).toContain('did not understand');
    const long = helpCard({ notUnderstood: 'a'.repeat(5_000) });
    expectValid(long);
    expect(JSON.stringify(long)).toContain(`${'a'.repeat(60)}…`);
    expect(JSON.stringify(long)).not.toContain('a'.repeat(61));
  });

  it('is caught out by the validation when a card is wrong', () => {
    const broken = { ...helpCard(), body: [{ type: 'TextBlok', text: 'x' }], version: '1.5' as const };
    expect(problemsOf(broken).join()).toMatch(/UnknownElementType/);
  });

  it('formats money to the cent without floating point, and talk time', () => {
    expect(formatCost(1_234_565_000, 'EUR')).toBe('EUR 1,234.57');
    expect(formatCost(4_999, 'GBP')).toBe('GBP 0.00');
    expect(formatCost(-5_000, 'GBP')).toBe('-GBP 0.01');
    expect(talkTime(59)).toBe('1 min');
    expect(talkTime(3_900)).toBe('1 h 05 min');
  });
});
