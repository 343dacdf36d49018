// The savings block of the summary (CONTRACT.md §3): claimed vs verified, like-for-like by category.
import type { CostModel, Savings } from '../contract/api-types';

export interface CategoryVerified {
  /** Mean humanSeconds of the category's resolved human-path tickets, or null when it has none. */
  humanSecondsMean: number | null;
  /** Verified AI resolutions in the category. */
  verified: number;
}

export interface SavingsInput {
  /** H: mean humanSeconds of all resolved human-path tickets in the population, or null. */
  humanSecondsMean: number | null;
  aiInvolved: number;
  aiResolved: number;
  categories: readonly CategoryVerified[];
  costModel: CostModel;
  /** Calendar days in [from, to). */
  days: number;
  /** A filtered population or a segment: the program's fixed costs are not its own to carry. */
  partOfProgram?: boolean;
}

export const DAYS_PER_MONTH = 30.4375; // 365.25 / 12

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
  if (H === null) {
    return {
      humanCostPerTicket, aiCost, claimedSavings, verifiedSavings: null, humanHoursAvoided: null, fteEquivalent: null, roi: null,
      claimedFteEquivalent: null, fixedCosts, netSavings: null, netRoi: null, netSavingsPerYear: null,
    };
  }
  // Each verified AI resolution is priced at its own category's human handle time (H when the
  // category has no resolved human ticket), so an AI that takes the easy tickets is not credited
  // with the hard ones' cost.
  let avoidedSeconds = 0;
  for (const c of i.categories) avoidedSeconds += c.verified * (c.humanSecondsMean ?? H);
  const humanHoursAvoided = avoidedSeconds / 3600;
  const verifiedSavings = humanHoursAvoided * cm.humanHourlyCost - aiCost;
  // Net: what is left once the fixed costs of running the AI over the range are paid too.
  const netSavings = fixedCosts === null ? null : verifiedSavings - fixedCosts;
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
    netRoi: netSavings === null || fixedCosts === null || aiCost + fixedCosts === 0 ? null : netSavings / (aiCost + fixedCosts),
    netSavingsPerYear: netSavings === null || i.days === 0 ? null : (netSavings * 365.25) / i.days,
  };
}
