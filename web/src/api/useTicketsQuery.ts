import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TicketDetail, TicketPage, TicketsQuery } from '../../../server/src/contract';
import { apiGet } from './client';
import { DASHBOARD_READ } from '../lib/freshness';
import { queryKeys } from './query-keys';

export function useTicketsQuery(p: TicketsQuery) {
  return useQuery({
    queryKey: queryKeys.tickets(p),
    queryFn: (ctx) => apiGet<TicketPage>('/api/v1/tickets', { ...p, ...DASHBOARD_READ }, ctx),
    placeholderData: keepPreviousData,
  });
}

export function useTicketQuery(id: string | null) {
  return useQuery({
    queryKey: queryKeys.ticket(id ?? ''),
    queryFn: (ctx) => apiGet<TicketDetail>(`/api/v1/tickets/${encodeURIComponent(id!)}`, DASHBOARD_READ, ctx),
    enabled: id !== null,
  });
}
