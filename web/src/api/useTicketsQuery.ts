import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TicketDetail, TicketPage } from '../../../server/src/contract/api-types';
import { apiGet } from './client';
import { queryKeys } from './query-keys';

export type TicketsParams = Record<string, string | undefined>;

export function useTicketsQuery(p: TicketsParams) {
  return useQuery({
    queryKey: queryKeys.tickets(p),
    queryFn: ({ signal }) => apiGet<TicketPage>('/api/v1/tickets', p, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTicketQuery(id: string | null) {
  return useQuery({
    queryKey: queryKeys.ticket(id ?? ''),
    queryFn: ({ signal }) => apiGet<TicketDetail>(`/api/v1/tickets/${encodeURIComponent(id!)}`, {}, signal),
    enabled: id !== null,
  });
}
