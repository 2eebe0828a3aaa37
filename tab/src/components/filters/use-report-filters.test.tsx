import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  queryOfFilters,
  searchOfFilters,
  useReportFilters,
  type ReportFilters,
} from './use-report-filters';

const TODAY = '2026-01-15';
const read = (search: string) => filtersFromSearch(new URLSearchParams(search), TODAY);

describe('report filters in the URL', () => {
  it('defaults to this month with no site or department', () => {
    expect(read('')).toEqual({
      preset: 'this-month',
      from: '2026-01-01',
      to: '2026-01-15',
      site: null,
      department: null,
    });
  });

  it('reads a preset as days counted from today', () => {
    expect(read('period=last-month')).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(read('period=last-7-days&site=2&department=5')).toMatchObject({
      preset: 'last-7-days',
      from: '2026-01-09',
      to: '2026-01-15',
      site: 2,
      department: 5,
    });
  });

  it('reads a custom range from its days', () => {
    expect(read('from=2025-11-03&to=2025-12-02')).toMatchObject({
      preset: 'custom',
      from: '2025-11-03',
      to: '2025-12-02',
    });
  });

  it('falls back to this month for values that make no sense', () => {
    for (const search of [
      'period=yesterday',
      'from=2025-02-30&to=2025-03-01',
      'from=2025-12-02&to=2025-11-03',
      'from=2025-12-02',
      'period=custom',
    ])
      expect(read(search)).toMatchObject({ from: '2026-01-01', to: '2026-01-15' });
    expect(read('site=-1&department=2.5').site).toBeNull();
    expect(read('site=abc&department=2.5').department).toBeNull();
    expect(read('site=0').site).toBeNull();
  });

  it('writes presets without days and custom ranges with them, keeping other parameters', () => {
    const custom: ReportFilters = {
      preset: 'custom',
      from: '2025-10-01',
      to: '2025-10-31',
      site: 3,
      department: null,
    };
    const params = searchOfFilters(custom, new URLSearchParams('theme=dark&period=last-month'));
    expect(params.toString()).toBe('theme=dark&from=2025-10-01&to=2025-10-31&site=3');
    const preset = searchOfFilters({ ...custom, preset: 'last-90-days', site: null, department: 4 });
    expect(preset.toString()).toBe('period=last-90-days&department=4');
    expect(searchOfFilters({ ...custom, preset: 'this-month', site: null }).toString()).toBe('');
  });

  it('gives back the same filters after a round trip through the URL', () => {
    const cases: ReportFilters[] = [
      { preset: 'custom', from: '2024-02-01', to: '2024-02-29', site: 1, department: 9 },
      { preset: 'last-30-days', from: '2025-12-17', to: '2026-01-15', site: null, department: 2 },
      { preset: 'this-month', from: '2026-01-01', to: '2026-01-15', site: null, department: null },
    ];
    for (const filters of cases) expect(read(searchOfFilters(filters).toString())).toEqual(filters);
  });

  it('asks the API for the period and the filters that are set', () => {
    expect(
      queryOfFilters({ preset: 'custom', from: '2025-10-01', to: '2025-10-31', site: null, department: 7 }),
    ).toEqual({ from: '2025-10-01', to: '2025-10-31', site: null, department: 7 });
  });
});

describe('useReportFilters', () => {
  it('keeps two changes made before the page renders again', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/dashboard?department=4']}>{children}</MemoryRouter>
    );
    const { result } = renderHook(() => useReportFilters(), { wrapper });
    act(() => {
      result.current.setFilters({ department: null });
      result.current.setFilters({ site: 2 });
    });
    expect(result.current.filters.department).toBeNull();
    expect(result.current.filters.site).toBe(2);
  });
});
