import type { AlertsQuery, BreakdownQuery, ChangesQuery, SummaryQuery, TicketsQuery, TimeseriesQuery } from '../../../server/src/contract';

/** Query-key factory: every cache key of the dashboard is built here. */
export const queryKeys = {
  me: ['me'] as const,
  costModel: ['cost-model'] as const,
  costModelHistory: ['cost-model', 'history'] as const,
  status: ['status'] as const,
  tokens: ['tokens'] as const,
  /** Alerts and "what changed" share a prefix: acting on an alert refreshes both. */
  alertsAll: ['alerts'] as const,
  alerts: (p: AlertsQuery) => ['alerts', 'list', p] as const,
  changes: (p: ChangesQuery) => ['alerts', 'changes', p] as const,
  tickets: (p: TicketsQuery) => ['tickets', p] as const,
  ticket: (id: string) => ['ticket', id] as const,
  timeseries: (p: TimeseriesQuery) => ['metrics', 'timeseries', p] as const,
  breakdown: (p: BreakdownQuery) => ['metrics', 'breakdown', p] as const,
  summary: (p: SummaryQuery) => ['metrics', 'summary', p] as const,
  /** Claims share a prefix: saving one refreshes the list, the claim and its vendor rows. */
  claimsAll: ['claims'] as const,
  claim: (id: string) => ['claims', 'one', id] as const,
  vendorItems: (id: string, p: { class?: string; cursor?: string }) => ['claims', 'vendor', id, p] as const,
};
