import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import { queryKeys } from './query-keys';
import type { Timeseries } from './useTimeseriesQuery';

export interface Segment {
  key: string;
  tickets: number;
  aiInvolved: number;
  involvementRate: number | null;
  aiResolutionRate: number | null;
  verifiedAiResolutionRate: number | null;
  escalationRate: number | null;
  savings: { verifiedSavings: number | null; claimedSavings: number | null };
  byPath: { ai: { csat: { top2Box: number | null; responses: number }; repeatContactRate: number | null } };
  deltas?: { tickets: number | null; verifiedAiResolutionRate: number | null };
}

export interface Breakdown {
  by: string;
  segments: Segment[];
  other: Segment | null;
}

export function useBreakdownQuery(p: Record<string, string | undefined>) {
  return useQuery({
    queryKey: queryKeys.breakdown(p),
    queryFn: ({ signal }) => apiGet<Breakdown>('/api/v1/metrics/breakdown', p, signal),
    placeholderData: keepPreviousData,
  });
}

/** One weekly timeseries per segment, for the sparklines. */
export function useSegmentSeriesQueries(base: Record<string, string | undefined>, by: string, keys: string[]) {
  return useQueries({
    queries: keys.map((key) => {
      const p = { ...base, [by]: key, interval: 'week' };
      return { queryKey: queryKeys.timeseries(p), queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<Timeseries>('/api/v1/metrics/timeseries', p, signal) };
    }),
  });
}

/** One category breakdown per channel, for the quality page's category x channel table. */
export function useCategoryByChannelQueries(base: Record<string, string | undefined>, channels: string[]) {
  return useQueries({
    queries: channels.map((channel) => {
      const p = { ...base, channel, by: 'category', limit: '50' };
      return { queryKey: queryKeys.breakdown(p), queryFn: ({ signal }: { signal: AbortSignal }) => apiGet<Breakdown>('/api/v1/metrics/breakdown', p, signal) };
    }),
  });
}
