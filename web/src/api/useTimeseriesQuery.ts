import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TimeseriesQuery, TimeseriesResponse } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export function useTimeseriesQuery(p: TimeseriesQuery) {
  return useQuery({
    queryKey: queryKeys.timeseries(p),
    queryFn: ({ signal }) => apiGet<TimeseriesResponse>('/api/v1/metrics/timeseries', p, signal),
    placeholderData: keepPreviousData,
  });
}
