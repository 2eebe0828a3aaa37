import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/PageState';

/**
 * What a GET of the admin API shows: a spinner while it loads, the error with a retry, the empty
 * state when there is nothing, else `children` of the answer.
 */
export function QueryView<T>({
  query,
  empty,
  isEmpty,
  children,
}: {
  query: UseQueryResult<T, Error>;
  empty?: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && (isEmpty ? isEmpty(query.data) : (query.data as unknown[]).length === 0))
    return <EmptyState title={empty} />;
  return <>{children(query.data)}</>;
}
