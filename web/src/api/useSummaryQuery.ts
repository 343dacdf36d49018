import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SummaryQuery, SummaryResponse } from '../../../server/src/contract';
import { apiGet } from './client';
import { DASHBOARD_READ, refetchWhileBehind } from '../lib/freshness';
import { queryKeys } from './query-keys';

export function useSummaryQuery(p: SummaryQuery) {
  return useQuery({
    queryKey: queryKeys.summary(p),
    queryFn: (ctx) => apiGet<SummaryResponse>('/api/v1/metrics/summary', { ...p, ...DASHBOARD_READ }, ctx),
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileBehind,
  });
}
