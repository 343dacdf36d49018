import type { Breakdown } from '../api/useBreakdownQuery';
import { formatCount, formatMoney, formatRate } from './format';

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
}

/** The table's rows: the segments, then "other" when there is one. */
export function segmentRows(b: Breakdown, currency: string): SegmentRow[] {
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
  }));
}
