import { UseQueryResult, keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BreakdownQuery, BreakdownResponse, LeanBreakdownResponse } from '../../../server/src/contract';
import { DASHBOARD_READ, refetchWhileBehind } from '../lib/freshness';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

/**
 * GET /api/v1/metrics/breakdown: one column or two (category,channel), optionally with a series per
 * segment; with percentiles: 'false' the lean segments (no medians), much cheaper for wide tables.
 */
export function useBreakdownQuery(p: BreakdownQuery & { percentiles: 'false' }): UseQueryResult<LeanBreakdownResponse>;
export function useBreakdownQuery(p: BreakdownQuery): UseQueryResult<BreakdownResponse>;
export function useBreakdownQuery(p: BreakdownQuery) {
  return useQuery({
    queryKey: queryKeys.breakdown(p),
    queryFn: (ctx) => apiGet<BreakdownResponse | LeanBreakdownResponse>('/api/v1/metrics/breakdown', { ...p, ...DASHBOARD_READ }, ctx),
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileBehind,
  });
}
