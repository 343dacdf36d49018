// The savings block of the summary (CONTRACT.md §3): claimed vs verified, like-for-like by
// category, then the handoff tax and fixed costs down to net, each with its 95% interval
// (savings-interval.ts). docs/METRICS.md explains each figure.
import type { CostModel, Interval, Savings } from '../contract/api-types';
import { Sample, Term, countVariance, interval, meanVariance, sampleVariance, varianceOf } from './savings-interval';

export interface CategoryVerified {
  /** Verified AI resolutions in the category (durable and judged). */
  verified: number;
  /** AI-involved tickets judged: AI-involved minus AI resolutions still maturing. */
  judged: number;
  /** Verified AI resolutions the customer rated 1 or 2 of 5. */
  lowRated: number;
  /** humanSeconds of the category's resolved human-path tickets (its cost basis). */
  human: Sample;
  /** humanSeconds of its resolved escalated tickets (the human part of a handoff). */
  escalated: Sample;
}

export interface SavingsInput {
  /** H: mean humanSeconds of all resolved human-path tickets in the population, or null. */
  humanSecondsMean: number | null;
  aiInvolved: number;
  aiResolved: number;
  /** Escalated tickets (AI first, then a human). */
  escalated: number;
  categories: readonly CategoryVerified[];
  costModel: CostModel;
  /** Calendar days in [from, to). */
  days: number;
  /** A filtered population or a segment: the program's fixed costs are not its own to carry. */
  partOfProgram?: boolean;
  /** Leave verified AI resolutions rated 1-2 out of the verified savings (the audit's switch). */
  excludeLowRated?: boolean;
}

export const DAYS_PER_MONTH = 30.4375; // 365.25 / 12
/** A category priced from fewer human tickets than this gives an approximate interval (savings-coverage.spec.ts). */
export const FEW_HUMAN_TICKETS = 30;
const perYear = (x: number, days: number) => (x * 365.25) / days;

const sum = (xs: readonly Sample[]): Sample => xs.reduce((a, s) => ({ n: a.n + s.n, sum: a.sum + s.sum, sq: a.sq + s.sq }), { n: 0, sum: 0, sq: 0 });

export function computeSavings(i: SavingsInput): Savings {
  const cm = i.costModel;
  const H = i.humanSecondsMean;
  const humanCostPerTicket = H === null ? null : (H / 3600) * cm.humanHourlyCost;
  const aiCost = i.aiInvolved * cm.aiCostPerConversation + i.aiResolved * cm.aiCostPerResolution;
  const claimedSavings = humanCostPerTicket === null ? null : i.aiResolved * humanCostPerTicket;
  const months = i.days / DAYS_PER_MONTH;
  // With fixed costs, net figures are the whole program's: a part gets none (0 fixed costs divide trivially).
  const fixedCosts = i.partOfProgram && cm.fixedCostPerMonth > 0 ? null : cm.fixedCostPerMonth * months;
  const fteHours = cm.fteHoursPerMonth * months;
  const lowRatedCount = i.categories.reduce((n, c) => n + c.lowRated, 0);
  const handoffAiCost = i.escalated * cm.aiCostPerConversation;
  const escalatedResolved = i.categories.reduce((n, c) => n + c.escalated.n, 0);
  if (H === null) {
    return {
      humanCostPerTicket, aiCost, claimedSavings, verifiedSavings: null, humanHoursAvoided: null, fteEquivalent: null, roi: null,
      claimedFteEquivalent: null, fixedCosts, netSavings: null, netRoi: null, netSavingsPerYear: null, verifiedSavingsPerYear: null,
      handoff: { escalated: i.escalated, resolvedByHuman: escalatedResolved, aiCost: handoffAiCost, extraHumanHours: null, extraHumanCost: null },
      lowRated: { verified: lowRatedCount, value: null, excluded: i.excludeLowRated === true },
      intervals: { verifiedSavings: null, humanHoursAvoided: null, fteEquivalent: null, roi: null, netSavings: null, netRoi: null, netSavingsPerYear: null, approximate: false },
    };
  }
  const rate = cm.humanHourlyCost / 3600;
  const allHuman = sum(i.categories.map((c) => c.human));
  const pooledHuman = sampleVariance(allHuman);
  const pooledEscalated = sampleVariance(sum(i.categories.map((c) => c.escalated)));
  const varH = meanVariance(allHuman, null);
  const humans = allHuman.n;

  // Each verified AI resolution is priced at its own category's human handle time (H when the
  // category has no resolved human ticket), so an AI that takes the easy tickets is not credited
  // with the hard ones' cost. The handoff tax: an escalated ticket's human time beyond its
  // category's human tickets (negative when the AI's attempt shortened the human's work).
  let avoided = 0;
  let lowRatedSeconds = 0;
  let extra = 0;
  const countTerms: Term[] = [];
  const escTerms: Term[] = [];
  const avoidedMeanTerms: Term[] = [];
  const netMeanTerms: Term[] = [];
  let approximate = false;
  let fallbackAvoided = 0;
  let fallbackNet = 0;
  for (const c of i.categories) {
    const own = c.human.n > 0;
    const h = own ? c.human.sum / c.human.n : H;
    const verified = i.excludeLowRated ? c.verified - c.lowRated : c.verified;
    avoided += verified * h;
    if (verified > 0 && (own ? c.human.n : humans) < FEW_HUMAN_TICKETS) approximate = true;
    lowRatedSeconds += c.lowRated * h;
    countTerms.push({ coefficient: h, variance: countVariance(verified, c.judged) });
    const g = c.escalated.n > 0 ? c.escalated.sum / c.escalated.n : 0;
    extra += c.escalated.n * (g - h);
    escTerms.push({ coefficient: c.escalated.n, variance: meanVariance(c.escalated, pooledEscalated) });
    // net human seconds = sum (verified + escalated) h - escalated g: h's coefficient is both counts.
    if (own) {
      const v = meanVariance(c.human, pooledHuman);
      avoidedMeanTerms.push({ coefficient: verified, variance: v });
      netMeanTerms.push({ coefficient: verified + c.escalated.n, variance: v });
    } else {
      fallbackAvoided += verified;
      fallbackNet += verified + c.escalated.n;
    }
  }
  avoidedMeanTerms.push({ coefficient: fallbackAvoided, variance: varH });
  netMeanTerms.push({ coefficient: fallbackNet, variance: varH });
  const varAvoided = varianceOf(countTerms) + varianceOf(avoidedMeanTerms);
  const varNet = varianceOf(countTerms) + varianceOf(netMeanTerms) + varianceOf(escTerms);

  const humanHoursAvoided = avoided / 3600;
  const verifiedSavings = avoided * rate - aiCost;
  const extraHumanCost = extra * rate;
  // Net: what is left once the handoffs' extra human time and the fixed costs over the range are paid too.
  const netSavings = fixedCosts === null ? null : verifiedSavings - extraHumanCost - fixedCosts;
  const netSeconds = avoided - extra;
  const netCost = fixedCosts === null ? null : aiCost + fixedCosts;
  const toNet = (x: number) => x * rate - aiCost - (fixedCosts ?? 0);
  const net: Interval | null = fixedCosts === null ? null : interval(netSeconds, varNet, toNet);
  const saved = interval(avoided, varAvoided, (x) => x * rate - aiCost);
  const scale = (iv: Interval, f: (x: number) => number): Interval => ({ low: f(iv.low), high: f(iv.high) });
  return {
    humanCostPerTicket,
    aiCost,
    claimedSavings,
    verifiedSavings,
    humanHoursAvoided,
    fteEquivalent: fteHours === 0 ? null : humanHoursAvoided / fteHours,
    roi: aiCost === 0 ? null : verifiedSavings / aiCost,
    claimedFteEquivalent: fteHours === 0 ? null : (i.aiResolved * H) / 3600 / fteHours,
    fixedCosts,
    netSavings,
    netRoi: netSavings === null || netCost === null || netCost === 0 ? null : netSavings / netCost,
    netSavingsPerYear: netSavings === null || i.days === 0 ? null : perYear(netSavings, i.days),
    verifiedSavingsPerYear: i.days === 0 ? null : perYear(verifiedSavings, i.days),
    handoff: { escalated: i.escalated, resolvedByHuman: escalatedResolved, aiCost: handoffAiCost, extraHumanHours: extra / 3600, extraHumanCost },
    lowRated: { verified: lowRatedCount, value: lowRatedSeconds * rate, excluded: i.excludeLowRated === true },
    intervals: {
      verifiedSavings: saved,
      // Hours avoided cannot be negative: their interval stops at 0 (savings can, by the AI's cost).
      humanHoursAvoided: interval(avoided, varAvoided, (x) => Math.max(0, x) / 3600),
      fteEquivalent: fteHours === 0 ? null : interval(avoided, varAvoided, (x) => Math.max(0, x) / 3600 / fteHours),
      roi: aiCost === 0 ? null : scale(saved, (x) => x / aiCost),
      netSavings: net,
      netRoi: net === null || netCost === null || netCost === 0 ? null : scale(net, (x) => x / netCost),
      netSavingsPerYear: net === null || i.days === 0 ? null : scale(net, (x) => perYear(x, i.days)),
      approximate,
    },
  };
}
