// Scenario table for the savings block; every expected figure is worked out by hand in the comment.
import { CostModel } from '../contract/api-types';
import { CategoryVerified, SavingsInput, computeSavings } from './savings';
import { Z95, t975 } from './savings-interval';

const cm = (o: Partial<CostModel> = {}): CostModel => ({ humanHourlyCost: 36, aiCostPerConversation: 0.5, aiCostPerResolution: 1, fteHoursPerMonth: 120, fixedCostPerMonth: 0, ...o });
const none = { n: 0, sum: 0, sq: 0 };
const cat = (o: Partial<CategoryVerified>): CategoryVerified => ({ verified: 0, judged: 0, lowRated: 0, human: none, escalated: none, ...o });
const input = (o: Partial<SavingsInput> = {}): SavingsInput => ({
  humanSecondsMean: 600,
  aiInvolved: 10,
  aiResolved: 6,
  escalated: 0,
  categories: [
    // Human tickets 200, 250, 350, 400 s: mean 300, sum of squares 385,000.
    cat({ verified: 2, judged: 4, human: { n: 4, sum: 1200, sq: 385_000 } }),
    cat({ verified: 1, judged: 2 }),
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
    expect(computeSavings(input())).toMatchObject({
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
    expect(computeSavings(input({ humanSecondsMean: null }))).toMatchObject({
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

describe('computeSavings: handoff tax', () => {
  it('prices escalated tickets’ human time beyond their category’s human tickets, and subtracts it on the way to net', () => {
    // Category 1: 3 escalated tickets resolved with 1,500 s of human time (mean 500) vs 300 for its
    // human tickets: 3 x 200 = 600 s extra. Category 2 has no human ticket, so H = 600 is its basis:
    // 1 escalated at 450 s is 150 s less. Extra = 600 - 150 = 450 s = 0.125 h x 36 = 4.5.
    // The AI part: 5 escalated conversations x 0.5 = 2.5, already inside aiCost (11 + 2.5 = 13.5).
    const s = computeSavings(
      input({
        aiInvolved: 15,
        escalated: 5,
        categories: [
          cat({ verified: 2, judged: 4, human: { n: 4, sum: 1200, sq: 385_000 }, escalated: { n: 3, sum: 1500, sq: 760_000 } }),
          cat({ verified: 1, judged: 2, escalated: { n: 1, sum: 450, sq: 202_500 } }),
        ],
      }),
    );
    expect(s.aiCost).toBeCloseTo(13.5, 12);
    expect(s.handoff).toEqual({ escalated: 5, resolvedByHuman: 4, aiCost: 2.5, extraHumanHours: expect.closeTo(0.125, 12), extraHumanCost: expect.closeTo(4.5, 12) });
    // Verified = 1/3 h x 36 - 13.5 = -1.5; net = -1.5 - 4.5 - 0 fixed = -6.
    expect(s.verifiedSavings).toBeCloseTo(-1.5, 12);
    expect(s.netSavings).toBeCloseTo(-6, 12);
    expect(s.netRoi).toBeCloseTo(-6 / 13.5, 12);
  });

  it('is zero with no escalated ticket resolved', () => {
    expect(computeSavings(input()).handoff).toEqual({ escalated: 0, resolvedByHuman: 0, aiCost: 0, extraHumanHours: 0, extraHumanCost: 0 });
  });
});

describe('computeSavings: verified resolutions rated 1-2', () => {
  const rated = input({ categories: [cat({ verified: 2, judged: 4, lowRated: 1, human: { n: 4, sum: 1200, sq: 385_000 } }), cat({ verified: 1, judged: 2, lowRated: 1 })] });

  it('counts and values them (300 + 600 s = 0.25 h x 36 = 9), and keeps them in by default', () => {
    const s = computeSavings(rated);
    expect(s.lowRated).toEqual({ verified: 2, value: expect.closeTo(9, 12), excluded: false });
    expect(s.verifiedSavings).toBeCloseTo(1, 12);
  });

  it('excluded, they leave the verified savings: 1 - 9 = -8, hours 1/3 - 1/4 = 1/12', () => {
    const s = computeSavings({ ...rated, excludeLowRated: true });
    expect(s.lowRated).toEqual({ verified: 2, value: expect.closeTo(9, 12), excluded: true });
    expect(s.verifiedSavings).toBeCloseTo(-8, 12);
    expect(s.humanHoursAvoided).toBeCloseTo(1 / 12, 12);
  });
});

describe('t975', () => {
  it.each([
    [3, 3.182446],
    [6, 2.446912],
    [9, 2.262157],
    [11, 2.200985],
    [15, 2.13145],
    [29, 2.04523],
    [120, 1.97993],
  ])('df %i: %f (the t table)', (df, t) => expect(t975(df)).toBeCloseTo(t, 3));
});

describe('computeSavings: 95% intervals', () => {
  it('one category, worked by hand', () => {
    // Human 200, 250, 350, 400 s: s² = (385,000 - 1,200²/4) / 3 = 8,333.3; Var(mean) = 2,083.3,
    // widened for 3 degrees of freedom by (t 3.182446 / z 1.959964)² = 2.63647: 5,492.7.
    // 2 verified of 4 judged: Agresti-Coull p = 4/8, Var(count) = 4 x 0.25 = 1.
    // Var(avoided s) = 300² x 1 + 2² x 5,492.7 = 111,970.8; half-width = 1.959964 x 334.62 = 655.85 s.
    const s = computeSavings(input({ aiInvolved: 4, aiResolved: 2, categories: [cat({ verified: 2, judged: 4, human: { n: 4, sum: 1200, sq: 385_000 } })] }));
    const half = Z95 * Math.sqrt(90_000 + 4 * (25_000 / 3 / 4) * (3.182446 / 1.959964) ** 2);
    expect(half).toBeCloseTo(655.85, 1);
    // aiCost = 4 x 0.5 + 2 x 1 = 4: verified = 6 - 4 = 2.
    expect(s.verifiedSavings).toBeCloseTo(2, 12);
    // In money at 36/h (0.01 a second): 2 ± 6.5585.
    expect(s.intervals.verifiedSavings).toEqual({ low: expect.closeTo(2 - half / 100, 5), high: expect.closeTo(2 + half / 100, 5) });
    // 600 - 655.85 s would be negative hours: the interval of hours avoided stops at 0.
    expect(s.intervals.humanHoursAvoided).toEqual({ low: 0, high: expect.closeTo((600 + half) / 3600, 6) });
    // FTE: hours / 120 (one month); ROI: savings / aiCost 4; no fixed costs: net = verified.
    expect(s.intervals.fteEquivalent!.high).toBeCloseTo((600 + half) / 3600 / 120, 8);
    expect(s.intervals.roi!.low).toBeCloseTo((2 - half / 100) / 4, 5);
    expect(s.intervals.netSavings!.low).toBeCloseTo(2 - half / 100, 5);
    expect(s.intervals.netSavingsPerYear!.high).toBeCloseTo((2 + half / 100) * 12, 4);
  });

  it('the point sits inside its interval and the interval narrows with n', () => {
    const scaled = (k: number) =>
      computeSavings(input({ categories: [cat({ verified: 20 * k, judged: 40 * k, human: { n: 40 * k, sum: 12_000 * k, sq: 3_850_000 * k } })] }));
    const small = scaled(1).intervals.verifiedSavings!;
    const large = scaled(16).intervals.verifiedSavings!;
    expect(scaled(1).verifiedSavings!).toBeGreaterThan(small.low);
    expect(scaled(1).verifiedSavings!).toBeLessThan(small.high);
    // The relative width shrinks about as 1/sqrt(n): 16x the tickets, a quarter of the relative width.
    const rel = (iv: { low: number; high: number }, k: number) => (iv.high - iv.low) / (6000 * k);
    expect(rel(large, 16) / rel(small, 1)).toBeCloseTo(0.25, 1);
  });

  it('a category with one human ticket borrows the pooled spread; none at all: nulls', () => {
    const s = computeSavings(input({ categories: [cat({ verified: 2, judged: 4, human: { n: 4, sum: 1200, sq: 385_000 } }), cat({ verified: 3, judged: 3, human: { n: 1, sum: 500, sq: 250_000 } })] }));
    expect(s.intervals.verifiedSavings!.high).toBeGreaterThan(s.verifiedSavings!);
    expect(computeSavings(input({ humanSecondsMean: null })).intervals.verifiedSavings).toBeNull();
  });
});
