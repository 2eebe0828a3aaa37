import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { callFiltersFromSearch, searchOfCallFilters, type CallFilters } from './call-filters';

/** The calls page's own filters and order, read from and written to the page's URL. */
export function useCallFilters(): [CallFilters, (next: Partial<CallFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => callFiltersFromSearch(params), [params]);
  const setFilters = useCallback(
    (next: Partial<CallFilters>) =>
      setParams((current) => searchOfCallFilters({ ...callFiltersFromSearch(current), ...next }, current), {
        replace: true,
      }),
    [setParams],
  );
  return [filters, setFilters];
}
