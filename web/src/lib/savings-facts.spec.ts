import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Summary } from '../../../server/src/contract';
import { comparisonColumn, savingsFacts } from './savings-facts';

// The contract fixture's first case: 222 durable of 376 AI-involved, none pending; verified 1,700.74.
const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../server/test/fixtures/contract/expected.json'), 'utf8'));
const base = expected.cases[0].summary as Summary;

describe('savingsFacts', () => {
  it('each figure with its interval, down to net and the run-rate', () => {
    // Net = 1,700.74 - 40 handoff - 0 fixed = 1,660.74; a year at 21 days: x 365.25 / 21 = 28,885.
    const s = {
      ...base,
      verifiedAiResolutionRateLow: 0.54,
      verifiedAiResolutionRateHigh: 0.64,
      savings: {
        ...base.savings,
        fixedCosts: 0,
        netSavings: 1660.74,
        netRoi: 1660.74 / 169.2,
        netSavingsPerYear: (1660.74 * 365.25) / 21,
        verifiedSavingsPerYear: (1700.74 * 365.25) / 21,
        handoff: { escalated: 111, resolvedByHuman: 100, aiCost: 55.5, extraHumanHours: 40 / 36, extraHumanCost: 40 },
        lowRated: { verified: 3, value: 30, excluded: false },
        intervals: { verifiedSavings: { low: 1400, high: 2000 }, humanHoursAvoided: null, fteEquivalent: null, roi: null, netSavings: { low: 1350, high: 1970 }, netRoi: null, netSavingsPerYear: null, approximate: false },
      },
    } as Summary;
    const rows = Object.fromEntries(savingsFacts(s, 'USD').map((r) => [r.label, r]));
    expect(rows['Verified AI resolution rate']).toMatchObject({ value: '59.0%', interval: '54.0% to 64.0%', note: '222 durable of 376 judged; 0 not judged yet' });
    expect(rows['Verified savings']).toMatchObject({ value: '$1,701', interval: '$1,400 to $2,000' });
    expect(rows['Handoff tax'].value).toBe('$40'); // whole, like the $1,701 above it in the same column
    expect(rows['Handoff tax'].note).toContain('1.1 h of human time');
    expect(rows['Net savings']).toMatchObject({ value: '$1,661', interval: '$1,350 to $1,970' });
    expect(rows['Net run-rate a year'].value).toBe('$28,885');
    expect(rows['Verified run-rate a year'].value).toBe('$29,581');
    // The verified interval at the same pace, × 365.25 / 21: 1,400 -> 24,350, 2,000 -> 34,786.
    expect(rows['Verified run-rate a year'].interval).toBe('$24,350 to $34,786');
  });

  it('a filtered population: net is not defined, and says why', () => {
    const s = { ...base, savings: { ...base.savings, fixedCosts: null, netSavings: null } } as Summary;
    expect(savingsFacts(s, 'USD').find((r) => r.label === 'Net savings')).toMatchObject({ value: 'not defined', note: 'fixed costs belong to the whole program: a filter or segment has no share of them' });
  });

  it('no human baseline (one AI ticket, no filter): net is not defined for that reason, not a filter', () => {
    const s = { ...base, savings: { ...base.savings, verifiedSavings: null, netSavings: null } } as Summary;
    expect(savingsFacts(s, 'USD').find((r) => r.label === 'Net savings')?.note).toMatch(/^no verified savings to start from: no human-resolved ticket/);
    // Human tickets imported without handle time are resolved, only not priced: said as such.
    const imported = { ...s, handleTimeUnrecorded: 3 } as Summary;
    expect(savingsFacts(imported, 'USD').find((r) => r.label === 'Net savings')?.note).toBe(
      'no verified savings to start from: no human handle time recorded: 3 resolved tickets were imported with elapsed times only, which are not priced as work (docs/IMPORT.md, handleTime)',
    );
  });

  it('mostly maturing: every verified figure is "not judged yet", and the rate says why', () => {
    // The walk of 2026-11-30, last 7 days: 104 durable of 824 judged (2,256 AI-involved, 1,432
    // pending) read as a 12.6% rate and negative savings. 1,432 of 1,900 AI resolutions pending.
    const s = { ...base, aiInvolved: 2256, aiResolved: 1900, pendingAiResolved: 1432, verifiedAiResolved: 104, savings: { ...base.savings, fixedCosts: 0, netSavings: -500, netRoi: -0.4, netSavingsPerYear: -74499 } } as Summary;
    const rows = Object.fromEntries(savingsFacts(s, 'USD').map((r) => [r.label, r]));
    expect(rows['Verified AI resolution rate']).toEqual({ label: 'Verified AI resolution rate', value: 'not judged yet', interval: '', note: '1,432 of 1,900 AI resolutions are younger than 7 days; 104 durable of 824 judged so far' });
    for (const label of ['Verified savings', 'ROI (verified)', 'FTE equivalent (verified)', 'Net savings', 'Net ROI', 'Net run-rate a year']) expect([label, rows[label].value, rows[label].interval]).toEqual([label, 'not judged yet', '']);
    // What does not rest on the verdicts stays: the claim.
    expect(rows['Claimed savings'].value).toBe(savingsFacts(base, 'USD')[0].value);
  });
});

describe('comparisonColumn', () => {
  it('a comparison period without tickets reads "no tickets" in every row', () => {
    const rows = savingsFacts(base, 'USD');
    const col = comparisonColumn(rows, { ...base, tickets: 0, savings: { ...base.savings, fixedCosts: 24_641 } } as Summary, 'USD');
    expect([...col.values()]).toEqual(rows.map(() => 'no tickets'));
    // With tickets: the period's own figures, row by row.
    const same = comparisonColumn(rows, base, 'USD');
    expect(rows.map((r) => same.get(r.label))).toEqual(rows.map((r) => r.value));
  });
});

describe('the handoff tax without recorded handle time', () => {
  it('says why its human side is not priced, instead of "— h … (0 resolved)"', () => {
    // An import of elapsed times only: 301 escalated tickets, none with handle time, 2,716 resolved tickets unpriced.
    const s = {
      tickets: 2804, resolved: 2716, aiResolved: 0, pendingAiResolved: 0, verifiedAiResolved: 0, aiInvolved: 301, handleTimeUnrecorded: 2716,
      verifiedAiResolutionRate: null, verifiedAiResolutionRateLow: null, verifiedAiResolutionRateHigh: null,
      costModel: { humanHourlyCost: 32, aiCostPerConversation: 0.45, aiCostPerResolution: 0, fteHoursPerMonth: 120, fixedCostPerMonth: 0 },
      savings: { claimedSavings: null, verifiedSavings: null, roi: null, fteEquivalent: null, claimedFteEquivalent: null, aiCost: 135.45, netSavings: null, handoff: { escalated: 301, resolvedByHuman: 0, aiCost: 135.45, extraHumanHours: null, extraHumanCost: null } },
    } as unknown as Summary;
    const row = savingsFacts(s, 'EUR').find((r) => r.label === 'Handoff tax')!;
    expect(row.note).toBe('301 escalated: €135.45 of AI conversations (in the AI cost); their human time is not priced: no human handle time recorded: 2,716 resolved tickets were imported with elapsed times only, which are not priced as work (docs/IMPORT.md, handleTime)');
  });
});

describe('a range ending within the last 7 days: the rate row on its judged days, as the overview card', () => {
  // The fixture's 21 days read as if its last 7 were young: its first 14 days judged, 150 durable of 240 (62.5%).
  const judgedDays = { from: base.from, to: '2026-01-19', days: 14, tickets: 560, aiInvolved: 240, aiResolved: 180, pendingAiResolved: 0, verifiedAiResolved: 150, aiResolutionRate: 0.75, verifiedAiResolutionRate: 0.625, verifiedAiResolutionRateLow: 0.56, verifiedAiResolutionRateHigh: 0.69 };
  it('value, interval and dates of the judged days, and what is not judged yet', () => {
    const row = savingsFacts({ ...base, judgedDays }, 'USD').find((r) => r.label === 'Verified AI resolution rate')!;
    // 376 AI-involved in all, 240 of them on the judged days: 136 not judged yet, over the last 7 days (19 to 26 January).
    expect(row).toEqual({
      label: 'Verified AI resolution rate',
      value: '62.5%',
      interval: '56.0% to 69.0%',
      note: "over the 14 days judged so far (2026-01-05 to 2026-01-18): 150 durable of 240 AI-involved tickets; the last 7 days' 136 AI-involved tickets are not judged yet (0 AI resolutions still maturing)",
    });
  });
  it("the comparison column shows the comparison's judged days when it has them", () => {
    const col = comparisonColumn([{ label: 'Verified AI resolution rate' }], { ...base, judgedDays: { ...judgedDays, verifiedAiResolved: 120, verifiedAiResolutionRate: 0.5 } } as Summary, 'USD');
    expect(col.get('Verified AI resolution rate')).toBe('50.0%');
  });
});
