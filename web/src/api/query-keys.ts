import type { AlertsQuery, BreakdownQuery, ChangesQuery, SummaryQuery, TicketsQuery, TimeseriesQuery } from '../../../server/src/contract';
import { currentWorkspace } from './workspace-scope';

/** Every key of a workspace's data starts with it (api/workspace-scope.ts). */
const ws = () => ['ws', currentWorkspace()] as const;

/** Query-key factory: every cache key of the dashboard is built here. */
export const queryKeys = {
  me: ['me'] as const,
  /** The workspaces this token may use (the switcher). */
  workspaces: ['workspaces'] as const,
  get costModel() {
    return [...ws(), 'cost-model'] as const;
  },
  get costModelHistory() {
    return [...ws(), 'cost-model', 'history'] as const;
  },
  get status() {
    return [...ws(), 'status'] as const;
  },
  get tokens() {
    return [...ws(), 'tokens'] as const;
  },
  /** Alerts and "what changed" share a prefix: acting on an alert refreshes both. */
  get alertsAll() {
    return [...ws(), 'alerts'] as const;
  },
  alerts: (p: AlertsQuery) => [...ws(), 'alerts', 'list', p] as const,
  changes: (p: ChangesQuery) => [...ws(), 'alerts', 'changes', p] as const,
  tickets: (p: TicketsQuery) => [...ws(), 'tickets', p] as const,
  ticket: (id: string) => [...ws(), 'ticket', id] as const,
  timeseries: (p: TimeseriesQuery) => [...ws(), 'metrics', 'timeseries', p] as const,
  breakdown: (p: BreakdownQuery) => [...ws(), 'metrics', 'breakdown', p] as const,
  summary: (p: SummaryQuery) => [...ws(), 'metrics', 'summary', p] as const,
  /** Claims share a prefix: saving one refreshes the list, the claim and its vendor rows. */
  get claimsAll() {
    return [...ws(), 'claims'] as const;
  },
  claim: (id: string) => [...ws(), 'claims', 'one', id] as const,
  vendorItems: (id: string, p: { class?: string; cursor?: string }) => [...ws(), 'claims', 'vendor', id, p] as const,
};
