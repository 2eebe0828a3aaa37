import type { UseQueryResult } from '@tanstack/react-query';
import type { FilterOptions } from '../../api/api-types';
import { useApiQuery } from '../../api/use-api-query';
import { useSession } from '../../auth/SessionProvider';

/**
 * The sites and departments the signed-in person may filter by. Employees have none (they see
 * only their own calls), so they are not asked for.
 */
export function useFilterOptions(): UseQueryResult<FilterOptions, Error> {
  const { me } = useSession();
  return useApiQuery<FilterOptions>('/api/v1/reports/filters', {}, { enabled: me.role !== 'employee' });
}
