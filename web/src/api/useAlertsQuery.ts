import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export interface AlertItem {
  id: string;
  state: 'open' | 'acknowledged' | 'resolved';
  metric: string;
  path: string;
  segment: string;
  startedOn: string;
  detectedOn: string;
  details: { summary: string; effectSize: number; effectSizeKind: string; drillDown: Record<string, string> };
}

export function useAlertsQuery(state: 'open' | 'acknowledged' | 'resolved' = 'open') {
  return useQuery({
    queryKey: queryKeys.alerts(state),
    queryFn: ({ signal }) => apiGet<AlertItem[]>('/api/v1/alerts', { state }, signal),
    placeholderData: keepPreviousData,
  });
}
