// Synthetic periods drawn from a known truth, to measure how often the savings intervals
// (savings-interval.ts) cover it (savings-coverage.spec.ts, docs/METRICS.md "Intervals").
// Each period: per category, the judged AI-involved tickets are fixed, the verified ones a
// binomial draw of the true durable rate; human and escalated handle times are lognormal draws
// around the category's true means. The truth is what those same tickets are worth at the true
// rates and means, with the bill (aiCost) and the escalated counts as they happened.
import { rng } from '../demo/demo-story';
import type { CostModel } from '../contract/api-types';
import { CategoryVerified, computeSavings } from './savings';

export interface TruthCategory {
  /** AI-involved tickets judged per period, and the true share of them verified (durable). */
  judged: number;
  durableRate: number;
  /** Resolved human tickets per period, their true mean handle time and lognormal spread. */
  humans: number;
  humanMean: number;
  sdlog: number;
  /** Share of the judged AI-involved tickets escalated and resolved by a human, and their true mean. */
  escalatedRate: number;
  escalatedMean: number;
}

export interface CoverageResult {
  periods: number;
  /** Share of periods whose 95% interval held the truth, per figure. */
  verifiedSavings: number;
  netSavings: number;
  /** Whether the summary flagged the intervals approximate (in the first period). */
  approximate: boolean;
}

const COST: CostModel = { humanHourlyCost: 36, aiCostPerConversation: 0.5, aiCostPerResolution: 1, fteHoursPerMonth: 120, fixedCostPerMonth: 1000 };

export function coverage(categories: readonly TruthCategory[], periods: number, seed: number): CoverageResult {
  const r = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  // A lognormal with the given mean: meanlog = ln(mean) - sdlog² / 2.
  const draw = (mean: number, sdlog: number) => Math.exp(Math.log(mean) - (sdlog * sdlog) / 2 + sdlog * normal());
  const sample = (n: number, mean: number, sdlog: number) => {
    const s = { n, sum: 0, sq: 0 };
    for (let j = 0; j < n; j++) {
      const x = draw(mean, sdlog);
      s.sum += x;
      s.sq += x * x;
    }
    return s;
  };
  const binomial = (n: number, p: number) => {
    let k = 0;
    for (let j = 0; j < n; j++) if (r() < p) k++;
    return k;
  };
  // A category without human tickets is priced at H, whose expectation is the human-weighted mean.
  const withHumans = categories.filter((c) => c.humans > 0);
  const expectedH = withHumans.reduce((a, c) => a + c.humans * c.humanMean, 0) / withHumans.reduce((a, c) => a + c.humans, 0);
  const rate = COST.humanHourlyCost / 3600;
  let coveredVerified = 0;
  let coveredNet = 0;
  let approximate = false;
  for (let i = 0; i < periods; i++) {
    const cats: CategoryVerified[] = [];
    let trueAvoided = 0;
    let trueExtra = 0;
    let human = { n: 0, sum: 0 };
    let aiResolved = 0;
    let escalated = 0;
    let aiInvolved = 0;
    for (const c of categories) {
      const verified = binomial(c.judged, c.durableRate);
      const esc = binomial(c.judged - verified, c.escalatedRate / (1 - c.durableRate));
      const h = sample(c.humans, c.humanMean, c.sdlog);
      const e = sample(esc, c.escalatedMean, c.sdlog);
      cats.push({ verified, judged: c.judged, lowRated: 0, human: h, escalated: e });
      const basis = c.humans > 0 ? c.humanMean : expectedH;
      trueAvoided += c.judged * c.durableRate * basis;
      trueExtra += esc * (c.escalatedMean - basis);
      human = { n: human.n + h.n, sum: human.sum + h.sum };
      aiResolved += verified;
      escalated += esc;
      aiInvolved += c.judged;
    }
    const s = computeSavings({ humanSecondsMean: human.sum / human.n, aiInvolved, aiResolved, escalated, categories: cats, costModel: COST, days: 30.4375 });
    const truthVerified = trueAvoided * rate - s.aiCost;
    const truthNet = (trueAvoided - trueExtra) * rate - s.aiCost - s.fixedCosts!;
    if (i === 0) approximate = s.intervals.approximate;
    const iv = s.intervals.verifiedSavings!;
    const nv = s.intervals.netSavings!;
    if (iv.low <= truthVerified && truthVerified <= iv.high) coveredVerified++;
    if (nv.low <= truthNet && truthNet <= nv.high) coveredNet++;
  }
  return { periods, verifiedSavings: coveredVerified / periods, netSavings: coveredNet / periods, approximate };
}

/** A month of a mid-size helpdesk: four categories, one without human tickets (priced at H). */
export const MONTH: readonly TruthCategory[] = [
  { judged: 2000, durableRate: 0.55, humans: 1500, humanMean: 540, sdlog: 0.7, escalatedRate: 0.25, escalatedMean: 720 },
  { judged: 800, durableRate: 0.4, humans: 900, humanMean: 900, sdlog: 0.7, escalatedRate: 0.35, escalatedMean: 1100 },
  { judged: 300, durableRate: 0.7, humans: 120, humanMean: 300, sdlog: 0.7, escalatedRate: 0.1, escalatedMean: 360 },
  { judged: 150, durableRate: 0.5, humans: 0, humanMean: 0, sdlog: 0.7, escalatedRate: 0.2, escalatedMean: 800 },
];

/** A week of a small team filtered to two categories: few tickets, skewed handle times. */
export const SMALL: readonly TruthCategory[] = [
  { judged: 60, durableRate: 0.5, humans: 30, humanMean: 600, sdlog: 0.9, escalatedRate: 0.3, escalatedMean: 800 },
  { judged: 25, durableRate: 0.35, humans: 10, humanMean: 1200, sdlog: 0.9, escalatedRate: 0.4, escalatedMean: 1500 },
];
