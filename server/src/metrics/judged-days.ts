// The judged days of a range (contract JudgedDays): what the summary and a claim's rate checks
// read when a range ends within 7 days of asOf.
import type { JudgedDays, SummaryCore } from '../contract';
import { daysBetween, localDateOf } from '../stats/time-range';

/** How long an AI resolution matures before it is judged (CONTRACT.md, Maturity). */
const MATURITY_MS = 7 * 86_400_000;

/**
 * The range's judged days: from its start to the local day of asOf − 7 days (exclusive), every
 * ticket of which was created 7 days or more before asOf. Null when that is all of the range (its
 * own figures are judged) or none of it.
 */
export function judgedDates(fromDate: string, toDate: string, asOf: Date, tz: string): { from: string; to: string } | null {
  const to = localDateOf(new Date(asOf.getTime() - MATURITY_MS), tz);
  return to > fromDate && to < toDate ? { from: fromDate, to } : null;
}

/** The judged days' figures (contract JudgedDays): the same definitions, over their tickets. */
export const judgedDaysOf = (d: { from: string; to: string }, c: SummaryCore): JudgedDays => ({
  from: d.from,
  to: d.to,
  days: daysBetween(d.from, d.to),
  tickets: c.tickets,
  aiInvolved: c.aiInvolved,
  aiResolved: c.aiResolved,
  pendingAiResolved: c.pendingAiResolved,
  verifiedAiResolved: c.verifiedAiResolved,
  aiResolutionRate: c.aiResolutionRate,
  verifiedAiResolutionRate: c.verifiedAiResolutionRate,
  verifiedAiResolutionRateLow: c.verifiedAiResolutionRateLow,
  verifiedAiResolutionRateHigh: c.verifiedAiResolutionRateHigh,
});
