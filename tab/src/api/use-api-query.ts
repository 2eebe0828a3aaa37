import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { QueryValues } from './api-client';
import { useApi } from './ApiProvider';

/**
 * A GET of the API as a React Query: cached by path and query, cancelled when the component
 * goes away or the query changes, the previous answer kept on screen while the next loads.
 * `enabled: false` waits (e.g. until the filters are known).
 */
export function useApiQuery<T>(
  path: string,
  query: QueryValues = {},
  options: { enabled?: boolean; refetchInterval?: number } = {},
): UseQueryResult<T, Error> {
  const api = useApi();
  return useQuery<T, Error>({
    queryKey: [path, query],
    queryFn: ({ signal }) => api.get<T>(path, query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    ...(options.refetchInterval ? { refetchInterval: options.refetchInterval } : {}),
  });
}
