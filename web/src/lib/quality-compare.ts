// The quality page's "this range against the comparison" table: each guardrail rate for AI and
// human, its value in both periods with its n, and the change in points.
import type { SummaryCore } from '../../../server/src/contract';
import { DASH, formatCount, formatPoints, formatRate, isNoPoints } from './format';
import { NOT_JUDGED, mostlyMaturing } from './maturity';

export interface CompareRow {
  label: string;
  current: string;
  previous: string;
  /** Signed change in percentage points, or a dash when either side has no value. */
  change: string;
  /** The change is a worsening (higher repeat/reopen/escalation, lower CSAT or verified rate). */
  worse: boolean;
}

type Pick = (s: SummaryCore) => { rate: number | null; n: number };

const METRICS: { label: string; pick: Pick; higherIsBetter: boolean; verdict?: true }[] = [
  { label: 'AI CSAT top-2-box', pick: (s) => ({ rate: s.byPath.ai.csat.top2Box, n: s.byPath.ai.csat.responses }), higherIsBetter: true },
  { label: 'Human CSAT top-2-box', pick: (s) => ({ rate: s.byPath.human.csat.top2Box, n: s.byPath.human.csat.responses }), higherIsBetter: true },
  { label: 'Verified AI resolution rate', pick: (s) => ({ rate: s.verifiedAiResolutionRate, n: s.aiInvolved - s.pendingAiResolved }), higherIsBetter: true, verdict: true },
  { label: 'AI repeat-contact rate', pick: (s) => ({ rate: s.byPath.ai.repeatContactRate, n: s.byPath.ai.resolved }), higherIsBetter: false },
  { label: 'Human repeat-contact rate', pick: (s) => ({ rate: s.byPath.human.repeatContactRate, n: s.byPath.human.resolved }), higherIsBetter: false },
  { label: 'AI reopen rate', pick: (s) => ({ rate: s.byPath.ai.reopenRate, n: s.byPath.ai.resolved }), higherIsBetter: false },
  { label: 'Human reopen rate', pick: (s) => ({ rate: s.byPath.human.reopenRate, n: s.byPath.human.resolved }), higherIsBetter: false },
  { label: 'Escalation rate', pick: (s) => ({ rate: s.escalationRate, n: s.aiInvolved }), higherIsBetter: false },
];

const withN = (x: { rate: number | null; n: number }) => (x.rate === null ? DASH : `${formatRate(x.rate)} (n=${formatCount(x.n)})`);

export function qualityComparison(current: SummaryCore, previous: SummaryCore): CompareRow[] {
  return METRICS.map((m) => {
    // A period whose AI resolutions are mostly maturing has no verified rate to compare yet (maturity.ts).
    const early = (s: SummaryCore) => m.verdict === true && mostlyMaturing(s);
    const a = m.pick(current);
    const b = m.pick(previous);
    const d = a.rate === null || b.rate === null || early(current) || early(previous) ? null : a.rate - b.rate;
    return {
      label: m.label,
      current: early(current) ? NOT_JUDGED : withN(a),
      previous: early(previous) ? NOT_JUDGED : withN(b),
      change: d === null ? DASH : formatPoints(d),
      // A change shown as ±0.0 pt is no worsening, whatever its sign below the last digit.
      worse: d !== null && !isNoPoints(d) && (m.higherIsBetter ? d < 0 : d > 0),
    };
  });
}

/**
 * Why a range that ends within the last 7 days reads better than it is: repeat-contact and reopen
 * rates count every resolved ticket (CONTRACT.md), the young ones too, which can still come back.
 * The walk of 2026-11-30 saw the human repeat-contact rate 1.6 pt "better" than the month before
 * for that reason only (weeks judged 10.3-10.8%, the last one so far 8.0%). Null when nothing is young.
 */
export function youngTicketsNote(current: { pendingAiResolved: number }): string | null {
  if (current.pendingAiResolved === 0) return null;
  return `Repeat-contact and reopen rates count every resolved ticket, also those resolved in the last 7 days (${formatCount(current.pendingAiResolved)} by the AI alone), which can still come back: this range's rates may still rise.`;
}
