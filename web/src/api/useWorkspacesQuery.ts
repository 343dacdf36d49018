import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { WorkspaceInfo } from '../../../server/src/contract';
import { apiGet, shouldRetry } from './client';
import { queryKeys } from './query-keys';

/** The workspaces this token may use (every one for an instance admin). */
export function useWorkspacesQuery(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.workspaces,
    queryFn: ({ signal }) => apiGet<WorkspaceInfo[]>('/api/v1/workspaces', {}, signal),
    enabled,
    retry: shouldRetry,
    placeholderData: keepPreviousData,
    // An empty workspace's page says how to send data: it notices the first tickets by itself.
    refetchInterval: (q) => (q.state.data?.some((w) => !w.hasData) ? 10_000 : false),
  });
}
