import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useCallFilters } from './use-call-filters';

describe('useCallFilters', () => {
  it('keeps a search and an amount committed before the page renders again', () => {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MemoryRouter initialEntries={['/calls?period=last-month&direction=outbound']}>{children}</MemoryRouter>
    );
    const { result } = renderHook(() => useCallFilters(), { wrapper });
    act(() => {
      const [, setFilters] = result.current;
      setFilters({ q: 'rossi' });
      setFilters({ minCost: '0,5' });
    });
    const [filters] = result.current;
    expect(filters.q).toBe('rossi');
    expect(filters.minCost).toBe('0.5');
    expect(filters.direction).toBe('outbound');
  });
});
