// The savings audit's table of figures: each headline number with its 95% interval, from claimed
// down to net and the yearly run-rate (the audit page and the board pack show the same rows).
import type { Summary } from '../../../server/src/contract';
import { type CardSummary, formatFte, intervalOf, judgedRate, noBaselineReason } from './summary-cards';
import { DASH, formatCount, formatInterval, formatMoney, formatNumber, formatRate, moneyScale } from './format';
import { NOT_JUDGED, judgedAiTickets, mostlyMaturing } from './maturity';

export interface FactRow {
  label: string;
  value: string;
  /** The 95% interval, or '' where the figure has none (a count, a bill). */
  interval: string;
  note?: string;
}

export function savingsFacts(s: CardSummary, currency: string): FactRow[] {
  const sv = s.savings;
  const iv = sv.intervals;
  const approx = iv?.approximate ?? false;
  // One precision for the table: "$2,048" and "−$438.81" in one column read as different kinds of figure.
  const like = moneyScale([sv.claimedSavings, sv.verifiedSavings, sv.netSavings, sv.netSavingsPerYear, sv.verifiedSavingsPerYear]);
  const money = (v: number) => formatMoney(v, currency, like);
  // A note's amounts (a cost per month, the AI cost) are their own, not the table's column: "$99.50 a month".
  const own = (v: number) => formatMoney(v, currency);
  const times = (v: number) => `${formatNumber(v, 1)}×`;
  const fte = (v: number) => formatFte(v);
  const rateIv = intervalOf(s.verifiedAiResolutionRateLow, s.verifiedAiResolutionRateHigh);
  const judged = judgedAiTickets(s);
  const jr = judgedRate(s);
  // Mostly maturing (maturity.ts): a figure resting on the verdicts waits; the claim, the handoff tax and fixed costs do not.
  const early = mostlyMaturing(s);
  const verdict = (r: FactRow): FactRow => (early ? { ...r, value: NOT_JUDGED, interval: '' } : r);
  const rows: FactRow[] = [
    { label: 'Claimed savings', value: money(sv.claimedSavings ?? NaN), interval: '', note: `every AI resolution (${formatCount(s.aiResolved)}) at the average human ticket` },
    // A range ending within the last 7 days: its judged days' rate, as the overview's card (summary-cards.ts judgedRate).
    jr
      ? { label: 'Verified AI resolution rate', value: formatRate(jr.days.verifiedAiResolutionRate), interval: formatInterval(jr.interval, (v) => formatRate(v)), note: `${jr.over}; ${jr.young}` }
      : verdict({
          label: 'Verified AI resolution rate',
          value: formatRate(s.verifiedAiResolutionRate),
          interval: formatInterval(rateIv, (v) => formatRate(v)),
          note: early
            ? `${formatCount(s.pendingAiResolved)} of ${formatCount(s.aiResolved)} AI resolutions ${s.pendingAiResolved === 1 ? 'is' : 'are'} younger than 7 days; ${formatCount(s.verifiedAiResolved)} durable of ${formatCount(judged)} judged so far`
            : `${formatCount(s.verifiedAiResolved)} durable of ${formatCount(judged)} judged; ${formatCount(s.pendingAiResolved)} not judged yet`,
        }),
    verdict({ label: 'Verified savings', value: money(sv.verifiedSavings ?? NaN), interval: formatInterval(iv?.verifiedSavings, money, approx), note: sv.lowRated?.excluded ? 'without the resolutions rated 1–2' : undefined }),
    verdict({ label: 'ROI (verified)', value: sv.roi === null ? DASH : times(sv.roi), interval: formatInterval(iv?.roi, times, approx), note: `on ${own(sv.aiCost)} AI cost` }),
    verdict({ label: 'FTE equivalent (verified)', value: sv.fteEquivalent === null ? DASH : fte(sv.fteEquivalent), interval: formatInterval(iv?.fteEquivalent, fte, approx), note: `the claim: ${sv.claimedFteEquivalent === null ? DASH : fte(sv.claimedFteEquivalent)} FTE at ${s.costModel.fteHoursPerMonth} h a month` }),
  ];
  if (sv.handoff) {
    const h = sv.handoff;
    rows.push({
      label: 'Handoff tax',
      value: money(h.extraHumanCost ?? NaN),
      interval: '',
      // Without recorded handle time the human side cannot be priced: say why, not "— h … (0 resolved)".
      note:
        h.extraHumanHours === null
          ? `${formatCount(h.escalated)} escalated: ${own(h.aiCost)} of AI conversations (in the AI cost); their human time is not priced: ${noBaselineReason(s)}`
          : `${formatCount(h.escalated)} escalated: ${own(h.aiCost)} of AI conversations (in the AI cost) and ${formatNumber(h.extraHumanHours, 1)} h of human time beyond like-for-like human tickets (${formatCount(h.resolvedByHuman)} resolved with handle time)`,
    });
  }
  if (sv.fixedCosts !== null && sv.fixedCosts !== undefined) rows.push({ label: 'Fixed costs', value: money(sv.fixedCosts), interval: '', note: `${own(s.costModel.fixedCostPerMonth ?? 0)} a month over the range` });
  if (sv.netSavings !== null && sv.netSavings !== undefined) {
    rows.push(verdict({ label: 'Net savings', value: money(sv.netSavings), interval: formatInterval(iv?.netSavings, money, approx), note: 'verified − handoff tax − fixed costs' }));
    rows.push(verdict({ label: 'Net ROI', value: sv.netRoi === null ? DASH : times(sv.netRoi), interval: formatInterval(iv?.netRoi, times, approx), note: 'on AI cost and fixed costs' }));
    rows.push(verdict({ label: 'Net run-rate a year', value: money(sv.netSavingsPerYear ?? NaN), interval: formatInterval(iv?.netSavingsPerYear, money, approx), note: 'this range’s pace × 365.25 / days' }));
  } else {
    // Net is undefined for two reasons: nothing to price (no human baseline), or a filter or segment.
    const why = sv.verifiedSavings === null ? `no verified savings to start from: ${noBaselineReason(s)}` : 'fixed costs belong to the whole program: a filter or segment has no share of them';
    rows.push({ label: 'Net savings', value: 'not defined', interval: '', note: why });
  }
  if (sv.verifiedSavingsPerYear !== null && sv.verifiedSavingsPerYear !== undefined) {
    // The verified savings' interval at the same pace (× 365.25 / days), as the claims page gives it.
    const pace = sv.verifiedSavings ? sv.verifiedSavingsPerYear / sv.verifiedSavings : null;
    const yearIv = pace !== null && iv?.verifiedSavings ? { low: iv.verifiedSavings.low * pace, high: iv.verifiedSavings.high * pace } : null;
    rows.push(verdict({ label: 'Verified run-rate a year', value: money(sv.verifiedSavingsPerYear), interval: yearIv ? formatInterval(yearIv, money, approx) : '', note: 'before handoff tax and fixed costs' }));
  }
  return rows;
}

/**
 * The comparison period's value of each row. A period without tickets (before the data began) has
 * no figures: "no tickets" in every row, not a mix of "—", "$0.00" and "not defined" (with fixed
 * costs charged to nothing).
 */
export function comparisonColumn(rows: readonly { label: string }[], comparison: CardSummary, currency: string): Map<string, string> {
  if (comparison.tickets === 0) return new Map(rows.map((r) => [r.label, 'no tickets']));
  return new Map(savingsFacts(comparison, currency).map((r) => [r.label, r.value]));
}
