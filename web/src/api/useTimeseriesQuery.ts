import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PathSummary, ReportedPath } from '../../../server/src/contract/api-types';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export interface TimeseriesBucket {
  bucket: string;
  from: string;
  to: string;
  tickets: number;
  escalationRate: number | null;
  verifiedAiResolutionRate: number | null;
  involvementRate: number | null;
  savings: { verifiedSavings: number | null; roi: number | null; fteEquivalent: number | null };
  byPath: Record<ReportedPath, PathSummary>;
}

export interface Timeseries {
  interval: string;
  buckets: TimeseriesBucket[];
}

export function useTimeseriesQuery(p: Record<string, string | undefined>) {
  return useQuery({
    queryKey: queryKeys.timeseries(p),
    queryFn: ({ signal }) => apiGet<Timeseries>('/api/v1/metrics/timeseries', p, signal),
    placeholderData: keepPreviousData,
  });
}
