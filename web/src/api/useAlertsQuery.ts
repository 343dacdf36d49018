import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AlertRow, AlertState } from '../../../server/src/contract';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export function useAlertsQuery(state: AlertState = 'open') {
  return useQuery({
    queryKey: queryKeys.alerts(state),
    queryFn: ({ signal }) => apiGet<AlertRow[]>('/api/v1/alerts', { state }, signal),
    placeholderData: keepPreviousData,
  });
}
