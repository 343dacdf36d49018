import type { SummaryParams } from './useSummaryQuery';

/** Query-key factory: every cache key of the dashboard is built here. */
export const queryKeys = {
  me: ['me'] as const,
  costModel: ['cost-model'] as const,
  costModelHistory: ['cost-model', 'history'] as const,
  status: ['status'] as const,
  tokens: ['tokens'] as const,
  alerts: (state: string) => ['alerts', state] as const,
  tickets: (p: Record<string, string | undefined>) => ['tickets', p] as const,
  ticket: (id: string) => ['ticket', id] as const,
  timeseries: (p: Record<string, string | undefined>) => ['metrics', 'timeseries', p] as const,
  breakdown: (p: Record<string, string | undefined>) => ['metrics', 'breakdown', p] as const,
  summary: (p: SummaryParams) => ['metrics', 'summary', p] as const,
};
