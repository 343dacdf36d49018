import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CostModel } from '../../../server/src/contract/api-types';
import { apiGet, apiSend } from './client';
import { queryKeys } from './query-keys';
import type { CostModelVersion } from './useCostModelQuery';

export type CostModelHistory = (CostModelVersion & { changes: Record<string, { old: number | string; new: number | string }> })[];

export function useCostModelHistoryQuery() {
  return useQuery({ queryKey: queryKeys.costModelHistory, queryFn: ({ signal }) => apiGet<CostModelHistory>('/api/v1/cost-model/history', {}, signal) });
}

/** Admin only: saves the what-if values as the new cost model version. */
export function useSaveCostModel() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (values: Partial<CostModel>) => apiSend<CostModelVersion>('PUT', '/api/v1/cost-model', values),
    onSuccess: () => client.invalidateQueries(),
  });
}
