// From claimed to verified savings, step by step (the savings audit's waterfall). Each step is what
// one check takes away from the naive claim; the steps add up exactly to the verified savings.
import type { Summary } from '../../../server/src/contract';

export interface WaterfallCounts {
  /** AI resolutions judged (not pending) and reopened. */
  reopened: number;
  /** Judged, not reopened, but the customer came back within 7 days. */
  repeatOnly: number;
}

export interface WaterfallStep {
  name: string;
  /** Signed change (the first and last steps are totals). */
  value: number;
  /** Bar from..to, for a floating-bar chart. */
  range: [number, number];
  total?: boolean;
}

export function savingsWaterfall(s: Summary, c: WaterfallCounts): WaterfallStep[] | null {
  const hc = s.savings.humanCostPerTicket;
  const claimed = s.savings.claimedSavings;
  const verified = s.savings.verifiedSavings;
  const hours = s.savings.humanHoursAvoided;
  if (hc === null || claimed === null || verified === null || hours === null) return null;
  const atAverage = s.verifiedAiResolved * hc; // verified resolutions priced at the average ticket
  const likeForLike = hours * s.costModel.humanHourlyCost; // ...and at their own category's cost
  const deltas: [string, number][] = [
    ['Still maturing (< 7 days)', -s.pendingAiResolved * hc],
    ['Reopened', -c.reopened * hc],
    ['Customer came back', -c.repeatOnly * hc],
    ['Priced like for like', likeForLike - atAverage],
    ['AI cost', -s.savings.aiCost],
  ];
  const fixed = s.savings.fixedCosts ?? 0;
  const steps: WaterfallStep[] = [{ name: 'Claimed', value: claimed, range: [0, claimed], total: true }];
  let level = claimed;
  for (const [name, value] of deltas) {
    steps.push({ name, value, range: [level, level + value] });
    level += value;
  }
  steps.push({ name: 'Verified', value: verified, range: [0, verified], total: true });
  // Net of the fixed costs of running the AI, when the cost model has any.
  if (fixed > 0 && s.savings.netSavings !== null && s.savings.netSavings !== undefined) {
    steps.push({ name: 'Fixed costs', value: -fixed, range: [verified, verified - fixed] });
    steps.push({ name: 'Net', value: s.savings.netSavings, range: [0, s.savings.netSavings], total: true });
  }
  return steps;
}

/** The tickets behind each step of the waterfall (predicates of GET /api/v1/tickets). */
export const STEP_TICKETS: Record<string, Record<string, string>> = {
  Claimed: { path: 'ai', resolved: 'true' },
  'Still maturing (< 7 days)': { path: 'ai', pending: 'true' },
  Reopened: { path: 'ai', resolved: 'true', pending: 'false', reopened: 'true' },
  'Customer came back': { path: 'ai', resolved: 'true', pending: 'false', reopened: 'false', repeatContact: 'true' },
  'Priced like for like': { path: 'ai', verified: 'true' },
  'AI cost': { path: 'ai,escalated' },
  Verified: { path: 'ai', verified: 'true' },
  'Fixed costs': { path: 'ai,escalated' },
  Net: { path: 'ai', verified: 'true' },
};
