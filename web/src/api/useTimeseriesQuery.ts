import { UseQueryResult, keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeanTimeseriesResponse, TimeseriesQuery, TimeseriesResponse } from '../../../server/src/contract';
import { DASHBOARD_READ, refetchWhileBehind } from '../lib/freshness';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

/** GET /api/v1/metrics/timeseries; with percentiles: 'false' the lean buckets (no medians), much cheaper. */
export function useTimeseriesQuery(p: TimeseriesQuery & { percentiles: 'false' }): UseQueryResult<LeanTimeseriesResponse>;
export function useTimeseriesQuery(p: TimeseriesQuery): UseQueryResult<TimeseriesResponse>;
export function useTimeseriesQuery(p: TimeseriesQuery) {
  return useQuery({
    queryKey: queryKeys.timeseries(p),
    queryFn: (ctx) => apiGet<TimeseriesResponse | LeanTimeseriesResponse>('/api/v1/metrics/timeseries', { ...p, ...DASHBOARD_READ }, ctx),
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileBehind,
  });
}
