import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChangesQuery, ChangesResult } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

/** "What changed": every watched series' recent days against the days before the range, worst first. */
export function useChangesQuery(params: ChangesQuery) {
  return useQuery({
    queryKey: queryKeys.changes(params),
    queryFn: (ctx) => apiGet<ChangesResult>('/api/v1/alerts/changes', params, ctx),
    placeholderData: keepPreviousData,
  });
}
