import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from './useSingleMutation';
import type { AlertRow, AlertsQuery } from '../../../server/src/contract';
import { apiGet, apiSend } from './client';
import { queryKeys } from './query-keys';

/** Alerts about the page's tickets (all tickets, or its channel/category) in its range. */
export function useAlertsQuery(params: AlertsQuery) {
  return useQuery({
    queryKey: queryKeys.alerts(params),
    queryFn: (ctx) => apiGet<AlertRow[]>('/api/v1/alerts', params, ctx),
    placeholderData: keepPreviousData,
  });
}

export type AlertAction = 'acknowledge' | 'snooze' | 'resolve';

/** Acknowledge, snooze (a day) or resolve an alert; every alert list and "what changed" refresh. */
export function useAlertAction() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: ({ id, action }: { id: string; action: AlertAction }) =>
      apiSend<AlertRow>('POST', `/api/v1/alerts/${encodeURIComponent(id)}/${action}${action === 'snooze' ? '?hours=24' : ''}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.alertsAll }),
  });
}
