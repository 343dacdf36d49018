import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSingleMutation } from './useSingleMutation';
import type { Claim, ClaimDetail, ClaimInput, ClaimListItem, VendorClass, VendorItemPage, VendorUploadReport } from '../../../server/src/contract';
import { apiGet, apiSend } from './client';
import { queryKeys } from './query-keys';
import { DASHBOARD_READ, refetchWhileBehind } from '../lib/freshness';

export function useClaimsQuery() {
  return useQuery({ queryKey: queryKeys.claimsAll, queryFn: (ctx) => apiGet<ClaimListItem[]>('/api/v1/claims', DASHBOARD_READ, ctx), placeholderData: keepPreviousData });
}

export function useClaimQuery(id: string | null) {
  return useQuery({
    queryKey: queryKeys.claim(id ?? ''),
    // At once from what is projected (as every dashboard read), saying so and refreshing while a load is behind.
    queryFn: (ctx) => apiGet<ClaimDetail>(`/api/v1/claims/${encodeURIComponent(id!)}`, DASHBOARD_READ, ctx),
    refetchInterval: refetchWhileBehind,
    enabled: id !== null,
    // No previous claim's data while the next loads: its buttons would act on the wrong claim.
  });
}

export function useVendorItemsQuery(id: string | null, cls: VendorClass | null, cursor?: string) {
  const p = { class: cls ?? undefined, cursor, limit: '50' };
  return useQuery({
    queryKey: queryKeys.vendorItems(id ?? '', p),
    queryFn: (ctx) => apiGet<VendorItemPage>(`/api/v1/claims/${encodeURIComponent(id!)}/vendor-export`, p, ctx),
    enabled: id !== null && cls !== null,
    placeholderData: keepPreviousData,
  });
}

/** Admin only: creates a claim (no id) or saves a new version of one. */
export function useSaveClaim() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: ({ id, input }: { id?: string; input: ClaimInput }) => (id ? apiSend<ClaimDetail>('PUT', `/api/v1/claims/${encodeURIComponent(id)}`, input) : apiSend<ClaimDetail>('POST', '/api/v1/claims', input)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.claimsAll }),
  });
}

export function useDeleteClaim() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: (id: string) => apiSend<Claim>('DELETE', `/api/v1/claims/${encodeURIComponent(id)}`),
    // Not the deleted claim's own queries: read again, they were a 404 in the console.
    onSuccess: (_, id) => client.invalidateQueries({ queryKey: queryKeys.claimsAll, predicate: (q) => !q.queryKey.includes(id) }),
  });
}

/** Admin only: a vendor's per-conversation export (CSV text) for a claim, read with a preset. */
export function useUploadVendorExport() {
  const client = useQueryClient();
  return useSingleMutation({
    mutationFn: ({ id, csv, preset, ticketPrefix }: { id: string; csv: string; preset: string; ticketPrefix?: string }) =>
      apiSend<VendorUploadReport>('POST', `/api/v1/claims/${encodeURIComponent(id)}/vendor-export?${new URLSearchParams({ preset, ...(ticketPrefix ? { ticketPrefix } : {}) })}`, csv, 'text/csv'),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.claimsAll }),
  });
}
