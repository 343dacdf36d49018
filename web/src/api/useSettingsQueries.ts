import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from './useSingleMutation';
import type { CreatedToken, DataStatus, TokenInfo, TokenRole } from '../../../server/src/contract';
import { apiGet, apiSend } from './client';
import { DASHBOARD_READ } from '../lib/freshness';
import { queryKeys } from './query-keys';

export function useStatusQuery() {
  return useQuery({ queryKey: queryKeys.status, queryFn: (ctx) => apiGet<DataStatus>('/api/v1/status', DASHBOARD_READ, ctx), refetchInterval: 30_000 });
}

export function useTokensQuery(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: (ctx) => apiGet<TokenInfo[]>('/api/v1/tokens', {}, ctx), enabled });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: (v: { name: string; role: TokenRole }) => apiSend<CreatedToken>('POST', '/api/v1/tokens', v),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: (id: string) => apiSend<TokenInfo>('DELETE', `/api/v1/tokens/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}
