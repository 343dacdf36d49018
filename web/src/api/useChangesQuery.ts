import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChangesQuery, ChangesResult } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';
import { DASHBOARD_READ } from '../lib/freshness';

/** "What changed": every watched series' recent days against the days before the range, worst first. */
export function useChangesQuery(params: ChangesQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: queryKeys.changes(params),
    // At once from what is projected, as every dashboard read: "what changed" held the Quality page 10 s during a load.
    queryFn: (ctx) => apiGet<ChangesResult>('/api/v1/alerts/changes', { ...params, ...DASHBOARD_READ }, ctx),
    placeholderData: keepPreviousData,
  });
}
