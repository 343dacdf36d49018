import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { formatCount, formatMoney, formatRate } from './format';
import { asOfDay, bucketState, judged } from './maturity';

export const SEGMENT_COLUMNS = [
  { sort: 'tickets', label: 'Tickets' },
  { sort: 'involvementRate', label: 'AI involvement' },
  { sort: 'aiResolutionRate', label: 'AI resolution (claimed)' },
  { sort: 'verifiedAiResolutionRate', label: 'AI resolution (verified)' },
  { sort: 'byPath.ai.csat.top2Box', label: 'AI CSAT top-2' },
  { sort: 'byPath.ai.repeatContactRate', label: 'AI repeat contacts' },
  { sort: 'savings.verifiedSavings', label: 'Verified savings' },
] as const;

export interface SegmentRow {
  key: string;
  cells: string[];
  /** Verified AI resolution rate per bucket of the segment's series (empty without one, and for "other"). */
  weekly: (number | null)[];
}

/** The table's rows: the segments, then "other" when there is one. */
export function segmentRows(b: LeanBreakdownResponse, currency: string): SegmentRow[] {
  const today = asOfDay(b.asOf, b.tz);
  return [...b.segments, ...(b.other ? [b.other] : [])].map((s) => ({
    key: s.key,
    cells: [
      formatCount(s.tickets),
      formatRate(s.involvementRate),
      formatRate(s.aiResolutionRate),
      formatRate(s.verifiedAiResolutionRate),
      `${formatRate(s.byPath.ai.csat.top2Box, 0)} (n=${s.byPath.ai.csat.responses})`,
      formatRate(s.byPath.ai.repeatContactRate),
      formatMoney(s.savings.verifiedSavings, currency),
    ],
    // A maturing or partial week's verified rate is not final: a gap, not a dip.
    weekly: s.series?.map((w) => judged(w.verifiedAiResolutionRate, bucketState(w, today))) ?? [],
  }));
}
