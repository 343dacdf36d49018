import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from './useSingleMutation';
import type { CreateWorkspace, UpdateWorkspace, WorkspaceInfo } from '../../../server/src/contract';
import { apiGet, apiSend, shouldRetry } from './client';
import { queryKeys } from './query-keys';

/** The workspaces this token may use (every one for an instance admin). */
export function useWorkspacesQuery(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.workspaces,
    queryFn: (ctx) => apiGet<WorkspaceInfo[]>('/api/v1/workspaces', {}, ctx),
    enabled,
    retry: shouldRetry,
    placeholderData: keepPreviousData,
    // An empty workspace's page says how to send data: it notices the first tickets by itself.
    refetchInterval: (q) => (q.state.data?.some((w) => !w.hasData) ? 10_000 : false),
  });
}

/** Changes the workspace's name, reporting time zone or alert floors (its admin). */
export function useUpdateWorkspace(slug: string) {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: (change: UpdateWorkspace) => apiSend<WorkspaceInfo>('PATCH', `/api/v1/workspaces/${encodeURIComponent(slug)}`, change),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.workspaces }),
  });
}

/** A new, empty workspace (the instance admin). */
export function useCreateWorkspace() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: (w: CreateWorkspace) => apiSend<WorkspaceInfo>('POST', '/api/v1/workspaces', w),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.workspaces }),
  });
}
