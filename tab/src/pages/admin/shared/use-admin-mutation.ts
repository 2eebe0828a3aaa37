import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { ApiClient } from '../../../api/api-client';
import { useApi } from '../../../api/ApiProvider';

/**
 * A change through the admin API. When it succeeds, every cached GET whose path starts with one
 * of `invalidates` is fetched again before the mutation counts as done, so a Save button stays
 * disabled until the page shows what was saved.
 */
export function useAdminMutation<TVariables, TResult = unknown>(
  change: (api: ApiClient, variables: TVariables) => Promise<TResult>,
  invalidates: readonly string[],
): UseMutationResult<TResult, Error, TVariables> {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation<TResult, Error, TVariables>({
    mutationFn: (variables) => change(api, variables),
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (query) => {
          const path = query.queryKey[0];
          return typeof path === 'string' && invalidates.some((prefix) => path.startsWith(prefix));
        },
      }),
  });
}
