// Scenario table for the savings block; every expected figure is worked out by hand in the comment.
import { CostModel } from '../contract/api-types';
import { SavingsInput, computeSavings } from './savings';

const cm = (o: Partial<CostModel> = {}): CostModel => ({ humanHourlyCost: 36, aiCostPerConversation: 0.5, aiCostPerResolution: 1, fteHoursPerMonth: 120, fixedCostPerMonth: 0, ...o });
const input = (o: Partial<SavingsInput> = {}): SavingsInput => ({
  humanSecondsMean: 600,
  aiInvolved: 10,
  aiResolved: 6,
  categories: [
    { humanSecondsMean: 300, verified: 2 },
    { humanSecondsMean: null, verified: 1 },
  ],
  costModel: cm(),
  days: 30.4375,
  ...o,
});

describe('computeSavings', () => {
  it('prices verified resolutions by category, falling back to H', () => {
    // H = 600 s at 36/h -> 6 per ticket; aiCost = 10*0.5 + 6*1 = 11; claimed = 6 * 6 = 36.
    // Avoided = 2*300 + 1*600 = 1200 s = 1/3 h; verified = 1/3 * 36 - 11 = 1.
    // FTE: (1/3) / (120 * 30.4375/30.4375) = 1/360; ROI = 1/11.
    expect(computeSavings(input())).toEqual({
      humanCostPerTicket: 6,
      aiCost: 11,
      claimedSavings: 36,
      verifiedSavings: expect.closeTo(1, 12),
      humanHoursAvoided: expect.closeTo(1 / 3, 12),
      fteEquivalent: expect.closeTo(1 / 360, 12),
      roi: expect.closeTo(1 / 11, 12),
      // The claim in agents: 6 resolutions x 600 s = 1 h of 120 h a month.
      claimedFteEquivalent: expect.closeTo(1 / 120, 12),
      // No fixed costs: net = verified; per year x 365.25 / 30.4375 = x 12.
      fixedCosts: 0,
      netSavings: expect.closeTo(1, 12),
      netRoi: expect.closeTo(1 / 11, 12),
      netSavingsPerYear: expect.closeTo(12, 12),
    });
  });

  it('with no resolved human ticket (H null) every human-priced figure is null, aiCost stays', () => {
    expect(computeSavings(input({ humanSecondsMean: null }))).toEqual({
      humanCostPerTicket: null,
      aiCost: 11,
      claimedSavings: null,
      verifiedSavings: null,
      humanHoursAvoided: null,
      fteEquivalent: null,
      roi: null,
      claimedFteEquivalent: null,
      fixedCosts: 0,
      netSavings: null,
      netRoi: null,
      netSavingsPerYear: null,
    });
  });

  it('with H defined and nothing verified, verified savings are minus the AI cost', () => {
    const s = computeSavings(input({ categories: [] }));
    expect(s).toMatchObject({ verifiedSavings: -11, humanHoursAvoided: 0, fteEquivalent: 0, roi: -1 });
  });

  it('roi is null when the AI cost nothing; fte is null with 0 FTE hours', () => {
    const s = computeSavings(input({ costModel: cm({ aiCostPerConversation: 0, aiCostPerResolution: 0, fteHoursPerMonth: 0 }) }));
    expect(s).toMatchObject({ aiCost: 0, roi: null, fteEquivalent: null, verifiedSavings: expect.closeTo(12, 12) });
  });

  it('fixed costs are prorated over the range, and net savings, net ROI and the yearly pace follow', () => {
    // 300 a month over 7 days: 300 x 7 / 30.4375 = 68.9938...; net = 1 - 68.9938 = -67.9938;
    // net ROI = -67.9938 / (11 + 68.9938) = -0.84998...; per year = -67.9938 x 365.25 / 7 = -3,547.8.
    const s = computeSavings(input({ days: 7, costModel: cm({ fixedCostPerMonth: 300 }) }));
    const fixed = (300 * 7) / 30.4375;
    expect(s.fixedCosts).toBeCloseTo(68.99383983572895, 9);
    expect(s.netSavings).toBeCloseTo(1 - fixed, 9);
    expect(s.netRoi).toBeCloseTo((1 - fixed) / (11 + fixed), 12);
    expect(s.netSavingsPerYear).toBeCloseTo(((1 - fixed) * 365.25) / 7, 9);
    expect(s.netSavingsPerYear).toBeCloseTo(-3547.8, 1);
    // A whole month of 300: exactly 300.
    expect(computeSavings(input({ costModel: cm({ fixedCostPerMonth: 300 }) })).fixedCosts).toBeCloseTo(300, 12);
  });

  it('a part of the program (a filter, a segment) carries no share of fixed costs: no net figures', () => {
    const part = computeSavings(input({ partOfProgram: true, costModel: cm({ fixedCostPerMonth: 300 }) }));
    expect(part).toMatchObject({ fixedCosts: null, netSavings: null, netRoi: null, netSavingsPerYear: null, verifiedSavings: expect.closeTo(1, 12) });
    // Without fixed costs there is nothing to share: net = verified.
    expect(computeSavings(input({ partOfProgram: true })).netSavings).toBeCloseTo(1, 12);
  });

  it('FTE scales with the period: 7 days of 120 h/month', () => {
    // 1/3 h avoided over 7 days: 120 * 7 / 30.4375 = 27.5975... h of one FTE.
    expect(computeSavings(input({ days: 7 })).fteEquivalent).toBeCloseTo(1 / 3 / ((120 * 7) / 30.4375), 12);
  });
});
