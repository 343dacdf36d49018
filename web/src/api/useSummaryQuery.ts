import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Summary } from '../../../server/src/contract/api-types';
import type { SummaryDeltas } from '../lib/summary-cards';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export interface SummaryParams {
  from: string;
  to: string;
  tz: string;
  channel?: string;
  category?: string;
  compare?: 'previous' | 'year';
}

export function useSummaryQuery(p: SummaryParams) {
  return useQuery({
    queryKey: queryKeys.summary(p),
    queryFn: ({ signal }) => apiGet<Summary & { deltas?: SummaryDeltas }>('/api/v1/metrics/summary', { ...p }, signal),
    placeholderData: keepPreviousData,
  });
}
