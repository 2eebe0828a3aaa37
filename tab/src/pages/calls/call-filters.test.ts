import { describe, expect, it } from 'vitest';
import {
  CALL_PAGE_SIZE,
  NO_CALL_FILTERS,
  callExportQuery,
  callFiltersFromSearch,
  callListQuery,
  callSelection,
  isAmount,
  searchOfCallFilters,
  type CallFilters,
} from './call-filters';

const report = { from: '2026-11-01', to: '2026-11-30', site: 2, department: null };
const chosen: CallFilters = {
  direction: 'outbound',
  destClass: 'mobile',
  answered: true,
  minCost: '0.50',
  q: 'rossi',
  sort: 'cost',
  order: 'asc',
};

describe('call filters in the URL', () => {
  it('round-trips every filter and keeps the other parameters', () => {
    const params = searchOfCallFilters(chosen, new URLSearchParams('period=last-month&site=2'));
    expect(params.get('period')).toBe('last-month');
    expect(params.get('site')).toBe('2');
    expect(callFiltersFromSearch(params)).toEqual(chosen);
  });

  it('writes nothing for the defaults and reads the defaults from an empty URL', () => {
    expect(searchOfCallFilters(NO_CALL_FILTERS, new URLSearchParams()).toString()).toBe('');
    expect(callFiltersFromSearch(new URLSearchParams())).toEqual(NO_CALL_FILTERS);
  });

  it('ignores values the API would refuse', () => {
    const read = callFiltersFromSearch(
      new URLSearchParams('direction=sideways&destClass=moon&answered=maybe&minCost=1e3&sort=name&order=up'),
    );
    expect(read).toEqual(NO_CALL_FILTERS);
  });

  it('takes amounts with up to six decimals', () => {
    expect(isAmount('0.5')).toBe(true);
    expect(isAmount('0,50')).toBe(true);
    expect(isAmount('12')).toBe(true);
    expect(isAmount('0.1234567')).toBe(false);
    expect(isAmount('-1')).toBe(false);
    expect(isAmount('')).toBe(false);
  });
});

describe('the calls query', () => {
  it('carries the report filters, the call filters, the order, the page size and the cursor', () => {
    expect(callListQuery(report, chosen, 'abc')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      site: 2,
      department: null,
      direction: 'outbound',
      destClass: 'mobile',
      answered: true,
      minCost: '0.50',
      q: 'rossi',
      sort: 'cost',
      order: 'asc',
      limit: CALL_PAGE_SIZE,
      cursor: 'abc',
    });
  });

  it('sends an amount written with a decimal comma with a point', () => {
    expect(callListQuery(report, { ...chosen, minCost: ' 1,25 ' }, null).minCost).toBe('1.25');
  });

  it('leaves unset filters out (null) and asks page 1 without a cursor', () => {
    const query = callListQuery(report, { ...NO_CALL_FILTERS, answered: false, q: '  ' }, null);
    expect(query).toMatchObject({
      direction: null,
      destClass: null,
      answered: false,
      minCost: null,
      q: null,
    });
    expect(query.cursor).toBeNull();
  });

  it('exports exactly the selection the list shows, in either format', () => {
    const list = callListQuery(report, chosen, 'abc');
    for (const format of ['csv', 'xlsx'] as const) {
      const exported = callExportQuery(report, chosen, format);
      const { format: asked, ...selection } = exported;
      expect(asked).toBe(format);
      expect(selection).toEqual(callSelection(report, chosen));
      for (const [name, value] of Object.entries(selection)) expect(list[name]).toEqual(value);
      expect(exported).not.toHaveProperty('cursor');
    }
  });
});
