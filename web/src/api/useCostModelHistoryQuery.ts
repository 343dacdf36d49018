import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from './useSingleMutation';
import type { CostModelChange, CostModelHistoryEntry, CostModelVersion } from '../../../server/src/contract';
import { apiGet, apiSend } from './client';
import { queryKeys } from './query-keys';

export function useCostModelHistoryQuery() {
  return useQuery({ queryKey: queryKeys.costModelHistory, queryFn: (ctx) => apiGet<CostModelHistoryEntry[]>('/api/v1/cost-model/history', {}, ctx) });
}

/** Admin only: saves the what-if values as the new cost model version. */
export function useSaveCostModel() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: (values: CostModelChange) => apiSend<CostModelVersion>('PUT', '/api/v1/cost-model', values),
    onSuccess: () => client.invalidateQueries(),
  });
}
