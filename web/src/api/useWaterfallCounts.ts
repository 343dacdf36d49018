import type { ViewFilters } from '../lib/date-range';
import type { WaterfallCounts } from '../lib/savings-waterfall';
import { useTicketsQuery } from './useTicketsQuery';

/**
 * What the savings waterfall needs beside the summary: judged AI resolutions reopened, and those
 * whose customer came back without a reopen (two ticket-list totals). `counts` is null until both are in.
 */
export function useWaterfallCounts(filters: ViewFilters) {
  const base = { ...filters, path: 'ai', resolved: 'true' as const, pending: 'false' as const, limit: '1' };
  const reopened = useTicketsQuery({ ...base, reopened: 'true' });
  const repeatOnly = useTicketsQuery({ ...base, reopened: 'false', repeatContact: 'true' });
  const counts: WaterfallCounts | null = reopened.data && repeatOnly.data ? { reopened: reopened.data.total, repeatOnly: repeatOnly.data.total } : null;
  return { counts, queries: [reopened, repeatOnly] as const };
}
