// From claimed to verified savings, step by step (the savings audit's waterfall). Each step is what
// one check takes away from the naive claim; the steps add up exactly to the verified savings.
import type { Summary } from '../../../server/src/contract';
import { csvLine } from '../../../server/src/contract/csv-cells';
import { mostlyMaturing } from './maturity';
import { noBaselineReason } from './summary-cards';

export interface WaterfallStep {
  name: string;
  /** Signed change (the first and last steps are totals). */
  value: number;
  /** Bar from..to, for a floating-bar chart. */
  range: [number, number];
  total?: boolean;
}

/**
 * Why there is no waterfall to draw, or null when there is one. A range whose AI resolutions are
 * mostly younger than 7 days has no verified figure to stand behind: its table says "not judged
 * yet", and the chart drew a Verified bar of −$85 and a red Net bar below zero beside it.
 */
export function noWaterfallReason(s: Summary): string | null {
  if (mostlyMaturing(s)) return `not judged yet: ${s.pendingAiResolved.toLocaleString('en-US')} of the ${s.aiResolved.toLocaleString('en-US')} AI resolutions in this range are younger than 7 days; a longer or an earlier range shows it`;
  return savingsWaterfall(s) ? null : noBaselineReason(s);
}

/** Judged AI resolutions not verified, by why (reopened, came back) come with the summary. */
export function savingsWaterfall(s: Summary): WaterfallStep[] | null {
  const hc = s.savings.humanCostPerTicket;
  const claimed = s.savings.claimedSavings;
  const verified = s.savings.verifiedSavings;
  const hours = s.savings.humanHoursAvoided;
  if (hc === null || claimed === null || verified === null || hours === null) return null;
  // Verified AI resolutions rated 1-2, when the switch leaves them out: a step of their own.
  const lowRated = s.savings.lowRated?.excluded ? s.savings.lowRated.verified : 0;
  const atAverage = (s.verifiedAiResolved - lowRated) * hc; // verified resolutions priced at the average ticket
  const likeForLike = hours * s.costModel.humanHourlyCost; // ...and at their own category's cost
  const deltas: [string, number][] = [
    ['Still maturing (< 7 days)', -s.pendingAiResolved * hc],
    ['Reopened', -s.reopenedAiResolved * hc],
    ['Customer came back', -s.cameBackAiResolved * hc],
    ...(lowRated > 0 ? [[LOW_RATED_STEP, -lowRated * hc] as [string, number]] : []),
    ['Priced like for like', likeForLike - atAverage],
    ['AI cost', -s.savings.aiCost],
  ];
  const steps: WaterfallStep[] = [{ name: 'Claimed', value: claimed, range: [0, claimed], total: true }];
  let level = claimed;
  for (const [name, value] of deltas) {
    steps.push({ name, value, range: [level, level + value] });
    level += value;
  }
  steps.push({ name: 'Verified', value: verified, range: [0, verified], total: true });
  // On to net: the handoffs' extra human time and the fixed costs of running the AI, when there are any.
  const net = s.savings.netSavings;
  const after: [string, number][] = [
    ['Handoff tax', -(s.savings.handoff?.extraHumanCost ?? 0)],
    ['Fixed costs', -(s.savings.fixedCosts ?? 0)],
  ].filter(([, v]) => v !== 0) as [string, number][];
  if (after.length > 0 && net !== null && net !== undefined) {
    level = verified;
    for (const [name, value] of after) {
      steps.push({ name, value, range: [level, level + value] });
      level += value;
    }
    steps.push({ name: 'Net', value: net, range: [0, net], total: true });
  }
  return steps;
}

/**
 * The money axis: from the lowest bar end (or 0) to the highest (or 0). A net below zero (fixed
 * costs above the savings) was cut off at an axis that started at 0.
 */
export function waterfallAxis(steps: readonly WaterfallStep[]): { domain: [number, number]; ticks: number[] } {
  const ends = steps.flatMap((s) => s.range);
  const lo = Math.min(0, ...ends);
  const hi = Math.max(0, ...ends);
  // Round ticks (1, 2, 2.5 or 5 times a power of ten, about five of them), 0 among them: an axis
  // from the lowest to the highest bar read "$46,478 $36,294 … −$8,706".
  const raw = (hi - lo || 1) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((x) => x >= raw)!;
  const domain: [number, number] = [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  const ticks: number[] = [];
  for (let t = domain[0]; t <= domain[1] + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  return { domain, ticks };
}

/** A total below zero is a cost, drawn as one (a negative net was drawn green, like a saving). */
export function stepColor(s: WaterfallStep): string {
  if (!s.total || s.value < 0) return 'var(--cost)';
  return s.name === 'Claimed' ? 'var(--claimed)' : 'var(--verified)';
}

export const LOW_RATED_STEP = 'Rated 1–2 (left out)';

/** The tickets behind each step of the waterfall (predicates of GET /api/v1/tickets). */
export const STEP_TICKETS: Record<string, Record<string, string>> = {
  Claimed: { path: 'ai', resolved: 'true' },
  'Still maturing (< 7 days)': { path: 'ai', pending: 'true' },
  Reopened: { path: 'ai', resolved: 'true', pending: 'false', reopened: 'true' },
  'Customer came back': { path: 'ai', resolved: 'true', pending: 'false', reopened: 'false', repeatContact: 'true' },
  'Priced like for like': { path: 'ai', verified: 'true' },
  'AI cost': { path: 'ai,escalated' },
  Verified: { path: 'ai', verified: 'true' },
  [LOW_RATED_STEP]: { path: 'ai', verified: 'true', csatMax: '2' },
  'Handoff tax': { path: 'escalated', resolved: 'true' },
  'Fixed costs': { path: 'ai,escalated' },
  Net: { path: 'ai', verified: 'true' },
};

/**
 * The waterfall as its CSV: one row a step, its signed amount and the level it leaves the bar at
 * (the API's summary CSV is one wide row of every number, not the steps). Amounts to the cent.
 */
export function waterfallCsv(steps: readonly WaterfallStep[], currency: string): string {
  const cents = (v: number) => Math.round(v * 100) / 100;
  return (
    csvLine(['step', `amount_${currency}`, `level_after_${currency}`, 'kind']) +
    steps.map((s) => csvLine([s.name, cents(s.value), cents(s.range[1]), s.total ? 'total' : s.value < 0 ? 'taken away' : 'added'])).join('')
  );
}
