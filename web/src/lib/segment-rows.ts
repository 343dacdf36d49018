import type { LeanBreakdownResponse } from '../../../server/src/contract';
import { formatChange, formatCount, formatMoney, formatPoints, formatRate, moneyScale } from './format';
import { NOT_JUDGED, asOfDay, bucketState, judged, judgedAiTickets, mostlyMaturing } from './maturity';

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
  /** The "other" row (every segment past the top N), not a segment named "other". */
  isOther: boolean;
  cells: string[];
  /** Verified AI resolution rate per bucket of the segment's series (empty without one, and for "other"). */
  weekly: (number | null)[];
}

/** The table's rows: the segments, then "other" when there is one. */
/** A change against the comparison, in brackets after the value ('' without one). */
const inBrackets = (d: number | null | undefined, format: (change: number) => string) => (d === null || d === undefined ? '' : ` (${format(d)})`);
const pt = (d: number | null | undefined) => inBrackets(d, formatPoints);
const count = (d: number | null | undefined) => inBrackets(d, (v) => formatChange(v, (a) => a.toLocaleString('en-US')));
const money = (d: number | null | undefined, currency: string, like: number) => inBrackets(d, (v) => formatChange(v, (a) => formatMoney(a, currency, like)));

/**
 * A rate over fewer than 30 tickets carries its n ("60.0% (n=5)"): a phone segment's 100% of 2
 * read like a finding. Larger ones keep the table readable (the CSV has every count).
 */
export const SMALL_N = 30;
const few = (n: number) => (n < SMALL_N && n > 0 ? ` (n=${formatCount(n)})` : '');

export function segmentRows(b: LeanBreakdownResponse, currency: string): SegmentRow[] {
  const today = asOfDay(b.asOf, b.tz);
  const all = [...b.segments, ...(b.other ? [b.other] : [])];
  // One precision for the savings column and its changes: whole amounts when any is 1,000 or more.
  const like = moneyScale(all.flatMap((s) => [s.savings.verifiedSavings, s.deltas?.savings.verifiedSavings]));
  return all.map((s, i) => {
    const d = s.deltas;
    const csatDelta = s.comparison && s.byPath.ai.csat.top2Box !== null && s.comparison.byPath.ai.csat.top2Box !== null ? s.byPath.ai.csat.top2Box - s.comparison.byPath.ai.csat.top2Box : null;
    const repeatDelta = s.comparison && s.byPath.ai.repeatContactRate !== null && s.comparison.byPath.ai.repeatContactRate !== null ? s.byPath.ai.repeatContactRate - s.comparison.byPath.ai.repeatContactRate : null;
    // Mostly maturing (maturity.ts): the verified figures wait, with no change against the comparison.
    const early = mostlyMaturing(s);
    return {
    key: s.key,
    isOther: i >= b.segments.length,
    cells: [
      // No ticket in the comparison (before the data began, a new category): new, not "+1,200".
      `${formatCount(s.tickets)}${s.comparison?.tickets === 0 ? ' (new)' : count(d?.tickets)}`,
      `${formatRate(s.involvementRate)}${few(s.tickets)}${pt(d?.involvementRate)}`,
      `${formatRate(s.aiResolutionRate)}${few(s.aiInvolved)}${pt(d?.aiResolutionRate)}`,
      early ? NOT_JUDGED : `${formatRate(s.verifiedAiResolutionRate)}${few(judgedAiTickets(s))}${pt(d?.verifiedAiResolutionRate)}`,
      `${formatRate(s.byPath.ai.csat.top2Box, 0)} (n=${formatCount(s.byPath.ai.csat.responses)})${pt(csatDelta)}`,
      `${formatRate(s.byPath.ai.repeatContactRate)}${few(s.byPath.ai.resolved)}${pt(repeatDelta)}`,
      early ? NOT_JUDGED : `${formatMoney(s.savings.verifiedSavings, currency, like)}${money(d?.savings.verifiedSavings, currency, like)}`,
    ],
    // A maturing or partial week's verified rate is not final: a gap, not a dip.
    weekly: s.series?.map((w) => judged(w.verifiedAiResolutionRate, bucketState(w, today))) ?? [],
    };
  });
}
