import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../i18n/formatters';
import { stringsFor } from '../../i18n/strings';
import { BY_DEPARTMENT, BY_DEST_CLASS, BY_HOUR, TREND, totals } from './dashboard-test-data';
import {
  breakdownFigures,
  chartCurrencies,
  dashboardStringsOf,
  hourFigures,
  intervalLabel,
  trendFigures,
} from './report-charts';

const strings = dashboardStringsOf(stringsFor('en'));
const format = createFormatters('en-US');

describe('chart currencies', () => {
  it('puts the currency of most charged calls first', () => {
    const cost = [
      { currency: 'EUR', micro: 1, chargedCalls: 5, averageMicro: 0 },
      { currency: 'GBP', micro: 9, chargedCalls: 50, averageMicro: 0 },
      { currency: 'CHF', micro: 9, chargedCalls: 5, averageMicro: 0 },
    ];
    expect(chartCurrencies(totals({ cost }))).toEqual(['GBP', 'CHF', 'EUR']);
    expect(chartCurrencies(totals())).toEqual([]);
  });
});

describe('the figures of a cost breakdown', () => {
  it('draws the cost in one currency, largest first, other in the table only', () => {
    const { data, empty } = breakdownFigures(BY_DEPARTMENT, 'department', 'EUR', strings, format);
    expect(empty).toBe(false);
    expect(data).toEqual([
      { label: 'Sales', value: 300, display: '€300.00' },
      { label: 'Support', value: 150, display: '€150.00' },
      { label: 'No department', value: 1, display: '€1.00' },
    ]);
  });

  it('draws another currency in its own order, zero where a row has none of it', () => {
    const { data } = breakdownFigures(BY_DEPARTMENT, 'department', 'GBP', strings, format);
    expect(data.map((point) => [point.label, point.value])).toEqual([
      ['Support', 12.34],
      ['Sales', 0],
      ['No department', 0],
    ]);
  });

  it('lists every currency in its table, with a total row', () => {
    const { table } = breakdownFigures(BY_DEPARTMENT, 'department', 'EUR', strings, format);
    expect(table.columns.map((column) => column.header)).toEqual([
      'Department',
      'Calls',
      'Answered',
      'Minutes',
      'Cost (EUR)',
      'Cost (GBP)',
    ]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['Sales', '700', '600', '2,000', '€300.00', '—'],
      ['Support', '400', '300', '1,500', '€150.00', '£12.34'],
      ['No department', '30', '20', '26.5', '€1.00', '—'],
      ['Other (3)', '104', '67', '200', '€5.78', '—'],
    ]);
    expect(table.footer).toEqual(['Total', '1,234', '987', '3,726.5', '€456.78', '£12.34']);
  });

  it('names destination classes in the viewer’s language', () => {
    const italian = dashboardStringsOf(stringsFor('it'));
    const { data } = breakdownFigures(BY_DEST_CLASS, 'destClass', 'EUR', italian, createFormatters('it-IT'));
    expect(data.map((point) => point.label)).toEqual(['Internazionale', 'Cellulare']);
  });

  it('is empty when the period has no calls', () => {
    const none = { ...BY_DEPARTMENT, rows: [], other: null, total: totals() };
    expect(breakdownFigures(none, 'department', 'EUR', strings, format)).toMatchObject({
      data: [],
      empty: true,
      table: { rows: [] },
    });
  });
});

describe('the figures of calls per hour', () => {
  it('draws every hour in order with its calls', () => {
    const { data, table, empty } = hourFigures(BY_HOUR, strings, format);
    expect(empty).toBe(false);
    expect(data).toHaveLength(24);
    expect(data[0]).toEqual({ label: '00:00', value: 0, display: '0' });
    expect(data[9]).toEqual({ label: '09:00', value: 1000, display: '1,000' });
    expect(data[14]?.value).toBe(234);
    expect(table.rows[9]?.cells.slice(0, 3)).toEqual(['09:00', '1,000', '800']);
  });
});

describe('the figures of the cost trend', () => {
  it('draws the cost of every interval in the chosen currency, with every currency in the table', () => {
    const { data, table, empty } = trendFigures(TREND, 'EUR', strings, format);
    expect(empty).toBe(false);
    expect(data).toEqual([
      {
        name: 'EUR',
        points: [
          { start: '2026-11-01', label: 'Nov 1, 2026', value: 2, display: '€2.00' },
          { start: '2026-11-02', label: 'Nov 2, 2026', value: 0, display: '€0.00' },
          { start: '2026-11-03', label: 'Nov 3, 2026', value: 7, display: '€7.00' },
        ],
      },
    ]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['Nov 1, 2026', '10', '0', '0', '€2.00', '—'],
      ['Nov 2, 2026', '0', '0', '0', '—', '—'],
      ['Nov 3, 2026', '20', '0', '0', '€7.00', '£1.00'],
    ]);
    expect(table.footer).toEqual(['Total', '30', '20', '60', '€9.00', '£1.00']);
  });

  it('is empty without calls or without a series', () => {
    expect(trendFigures({ ...TREND, series: [] }, 'EUR', strings, format).empty).toBe(true);
  });

  it('names weeks by their days and months by name', () => {
    expect(intervalLabel({ start: '2026-11-02', end: '2026-11-08' }, 'week', format)).toBe('Nov 2 – Nov 8');
    expect(intervalLabel({ start: '2026-11-01', end: '2026-11-30' }, 'month', format)).toBe('November 2026');
  });
});
