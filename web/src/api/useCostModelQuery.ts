import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CostModelVersion } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export function useCostModelQuery() {
  return useQuery({
    queryKey: queryKeys.costModel,
    queryFn: (ctx) => apiGet<CostModelVersion>('/api/v1/cost-model', {}, ctx),
    placeholderData: keepPreviousData,
  });
}
