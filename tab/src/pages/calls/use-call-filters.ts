import { useCallback, useMemo } from 'react';
import { useUrlWriter } from '../../components/filters/use-url-writer';
import { callFiltersFromSearch, searchOfCallFilters, type CallFilters } from './call-filters';

/** The calls page's own filters and order, read from and written to the page's URL. */
export function useCallFilters(): [CallFilters, (next: Partial<CallFilters>) => void] {
  const [params, write] = useUrlWriter({ replace: true });
  const filters = useMemo(() => callFiltersFromSearch(params), [params]);
  const setFilters = useCallback(
    (next: Partial<CallFilters>) =>
      write((latest) => searchOfCallFilters({ ...callFiltersFromSearch(latest), ...next }, latest)),
    [write],
  );
  return [filters, setFilters];
}
