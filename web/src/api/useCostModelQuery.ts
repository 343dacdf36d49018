import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CostModel } from '../../../server/src/contract/api-types';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export interface CostModelVersion extends CostModel {
  version: number;
  currency: string;
  changedBy: string;
  changedAt: string;
}

export function useCostModelQuery() {
  return useQuery({
    queryKey: queryKeys.costModel,
    queryFn: ({ signal }) => apiGet<CostModelVersion>('/api/v1/cost-model', {}, signal),
    placeholderData: keepPreviousData,
  });
}
