import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CostModelVersion } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export function useCostModelQuery() {
  return useQuery({
    queryKey: queryKeys.costModel,
    queryFn: ({ signal }) => apiGet<CostModelVersion>('/api/v1/cost-model', {}, signal),
    placeholderData: keepPreviousData,
  });
}
