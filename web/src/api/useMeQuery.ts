import { useQuery } from '@tanstack/react-query';
import type { WhoAmI } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

/** Who the stored token belongs to; a 401 means: ask for a token. */
export function useMeQuery(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.me, queryFn: (ctx) => apiGet<WhoAmI>('/api/v1/me', {}, ctx), enabled, retry: false });
}
