import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { BreakdownQuery, BreakdownResponse } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

/** GET /api/v1/metrics/breakdown: one column or two (category,channel), optionally with a series per segment. */
export function useBreakdownQuery(p: BreakdownQuery) {
  return useQuery({
    queryKey: queryKeys.breakdown(p),
    queryFn: ({ signal }) => apiGet<BreakdownResponse>('/api/v1/metrics/breakdown', p, signal),
    placeholderData: keepPreviousData,
  });
}
