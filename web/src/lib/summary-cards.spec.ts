import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Summary } from '../../../server/src/contract';
import { cardDeltas, netNote, savingsBars, savingsGap, summaryCards } from './summary-cards';

// The contract fixture's first case (2026-01-05 .. 2026-01-26), as the API returns it.
const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../server/test/fixtures/contract/expected.json'), 'utf8'));
const summary = expected.cases[0].summary as Summary;
const empty = expected.cases[5].summary as Summary;

describe('summaryCards', () => {
  it('shows claimed next to verified, with the gap in money', () => {
    const cards = Object.fromEntries(summaryCards(summary, 'USD').map((c) => [c.key, c]));
    expect(cards.tickets.value).toBe('840');
    expect(cards.resolution.value).toBe('70.5% → 59.0%'); // 265/376 and 222/376
    // The rate's own denominator (376 AI-involved, escalations judged at once), not the 265 AI resolutions.
    expect(cards.resolution.detail).toMatch(/^222 durable of 376 AI-involved tickets judged; 0 still maturing/);
    expect(cards.savings.value).toBe('$2,244 → $1,701');
    expect(cards.savings.detail).toBe('$543 of the claim gone after the checks (reopened, came back, like-for-like price, AI cost)'); // 2244.16 - 1700.74, nothing pending; whole, like $2,244 beside it
    expect(cards.handle.value).toBe('2m 02s vs 13m 24s'); // medians 122 s and 803.5 s
    expect(cards.handle.detail).toMatch(/^of 265 vs 434 resolved; /); // the fixture's resolved AI and human tickets
    expect(cards.csat.detail).toBe('AI 60%–79% (n=78), human 73%–86% (n=157)'); // expected.json: human top2BoxLow 0.7334, High 0.8573
  });
  it('a range without ratings says so on the CSAT card', () => {
    const cards = Object.fromEntries(summaryCards({ ...empty, tickets: 3 } as Summary, 'USD').map((c) => [c.key, c]));
    expect(cards.csat.detail).toBe('AI: no ratings, human: no ratings');
  });

  it('says so when there is no human baseline', () => {
    const cards = Object.fromEntries(summaryCards(empty, 'USD').map((c) => [c.key, c]));
    expect(cards.savings.value).toBe('— → —');
    expect(cards.savings.detail).toBe('no human-resolved ticket in this range prices the work');
    expect(cards.roi.value).toBe('—');
  });
});

describe('savingsGap', () => {
  it('separates what is not judged yet from what did not hold up', () => {
    // A $1,000 gap with 20 AI resolutions still maturing at $12.50 a ticket: $250 not judged, $750 failed.
    const s = { pendingAiResolved: 20, savings: { humanCostPerTicket: 12.5 } } as Summary;
    expect(savingsGap(1000, s, 'USD')).toBe('$750.00 of the claim gone after the checks (reopened, came back, like-for-like price, AI cost); $250.00 not judged yet (20 still maturing)');
  });
});

describe('a range read within 7 days of its end: its judged days', () => {
  it('the card reads the judged days (claimed and verified over the same tickets), with their n and interval', () => {
    // The walk's last 30 days, as the API answers (by hand from its counts): the whole range 4,250
    // durable of 7,916 judged; its 23 judged days 3,900 of 6,712 AI-involved, none pending.
    const s = {
      ...summary, from: '2026-10-31', to: '2026-11-30', aiInvolved: 9271, aiResolved: 6452, pendingAiResolved: 1355, verifiedAiResolved: 4250,
      judgedDays: { from: '2026-10-31', to: '2026-11-23', days: 23, tickets: 9900, aiInvolved: 6712, aiResolved: 4670, pendingAiResolved: 0, verifiedAiResolved: 3900, aiResolutionRate: 4670 / 6712, verifiedAiResolutionRate: 3900 / 6712, verifiedAiResolutionRateLow: 0.5693, verifiedAiResolutionRateHigh: 0.5929 },
    };
    const card = summaryCards(s, 'USD').find((c) => c.key === 'resolution')!;
    // 4,670 / 6,712 = 69.58%; 3,900 / 6,712 = 58.10%.
    expect(card.value).toBe('69.6% → 58.1%');
    expect(card.detail).toBe(
      "over the 23 days judged so far (2026-10-31 to 2026-11-22): 3,900 durable of 6,712 AI-involved tickets; 95%: 56.9% to 59.3%; the last 7 days' 2,559 AI-involved tickets are not judged yet (1,355 AI resolutions still maturing)",
    );
    // Its tickets link lists those days' durable AI resolutions (3,900), not the range's.
    expect(card.dates).toEqual({ from: '2026-10-31', to: '2026-11-23' });
  });
  it("its change is against the comparison's judged days (same age), or none: not the whole ranges' change", () => {
    const j = { from: '2026-10-31', to: '2026-11-23', days: 23, tickets: 9900, aiInvolved: 6712, aiResolved: 4670, pendingAiResolved: 0, verifiedAiResolved: 3900, aiResolutionRate: 4670 / 6712, verifiedAiResolutionRate: 3900 / 6712, verifiedAiResolutionRateLow: 0.5693, verifiedAiResolutionRateHigh: 0.5929 };
    const deltas = { tickets: 10, involvementRate: 0.01, verifiedAiResolutionRate: -0.08, savings: { verifiedSavings: 100, roi: 0.1, fteEquivalent: 0.1 } };
    const base = { ...summary, to: '2026-11-30', judgedDays: j, deltas };
    // The comparison's judged days: 3,000 durable of 5,500 = 54.55%; 58.10% - 54.55% = +3.6 pt (the whole ranges said -8.0).
    const cj = { ...j, from: '2026-10-01', to: '2026-10-24', aiInvolved: 5500, verifiedAiResolved: 3000, verifiedAiResolutionRate: 3000 / 5500 };
    const withComparison = summaryCards({ ...base, comparison: { tickets: 9000, judgedDays: cj } }, 'USD').find((c) => c.key === 'resolution')!;
    expect(withComparison.delta).toBe('verified +3.6 pt vs previous period');
    const without = summaryCards({ ...base, comparison: { tickets: 9000 } }, 'USD').find((c) => c.key === 'resolution')!;
    expect(without.delta).toBeUndefined();
  });
  it('without judged days, or none judged among them, the whole range as before', () => {
    const none = { ...summary, judgedDays: { from: summary.from, to: summary.to, days: 0, tickets: 0, aiInvolved: 0, aiResolved: 0, pendingAiResolved: 0, verifiedAiResolved: 0, aiResolutionRate: null, verifiedAiResolutionRate: null, verifiedAiResolutionRateLow: null, verifiedAiResolutionRateHigh: null } };
    expect(summaryCards(none, 'USD').find((c) => c.key === 'resolution')!.value).toBe('70.5% → 59.0%');
  });
});

describe('a range whose AI resolutions are mostly still maturing', () => {
  it('says "not judged yet" instead of a verified figure that would read as a collapse', () => {
    // 1,418 of 1,557 AI resolutions pending (the last 7 days): verified 13.5% is an early sample.
    const young = { ...summary, aiResolved: 1557, pendingAiResolved: 1418 } as Summary;
    const cards = Object.fromEntries(summaryCards(young, 'USD').map((c) => [c.key, c]));
    expect(cards.resolution.value).toMatch(/→ not judged yet$/);
    expect(cards.savings.value).toMatch(/→ not judged yet$/);
    expect([cards.roi.value, cards.fte.value]).toEqual(['not judged yet', 'not judged yet']);
    // Nor the hours avoided so far beside it.
    expect(cards.fte.detail).toMatch(/^human hours avoided not judged yet; the claim: /);
    // Half or fewer pending: the figures stand.
    const judged = { ...summary, aiResolved: 1557, pendingAiResolved: 700 } as Summary;
    expect(Object.fromEntries(summaryCards(judged, 'USD').map((c) => [c.key, c])).roi.value).not.toBe('not judged yet');
  });
  it('shows no change of a verified figure against the previous period, and no verified bar', () => {
    // The walk of 2026-11-30: the last 7 days printed "verified −44.4 pt" and drew a negative Verified bar.
    const deltas = { tickets: 120, involvementRate: 0.01, verifiedAiResolutionRate: -0.444, savings: { verifiedSavings: -6182, roi: -6.4, fteEquivalent: -6.9 } };
    const young = { ...summary, aiResolved: 1557, pendingAiResolved: 1418, deltas } as Summary & { deltas: typeof deltas };
    const cards = Object.fromEntries(summaryCards(young, 'USD').map((c) => [c.key, c]));
    expect([cards.resolution.delta, cards.savings.delta, cards.roi.delta, cards.fte.delta]).toEqual([undefined, undefined, undefined, undefined]);
    expect(cards.tickets.delta).toBe('+120 vs previous period');
    expect(savingsBars(young).map((b) => b.name)).toEqual(['Claimed', 'AI cost']);
    // Judged: the changes and the bar are back.
    const judged = { ...young, pendingAiResolved: 700 };
    const judgedCards = Object.fromEntries(summaryCards(judged, 'USD').map((c) => [c.key, c]));
    expect(judgedCards.resolution.delta).toBe('verified −44.4 pt vs previous period');
    expect(savingsBars(judged).map((b) => b.name)).toEqual(['Claimed', 'AI cost', 'Verified']);
  });
});

describe('netNote', () => {
  it('the yearly pace; with fixed costs, net of them', () => {
    expect(netNote({ savings: { fixedCosts: 0, netSavings: 1000, netSavingsPerYear: 12000 } } as Summary, 'USD')).toBe('; $12,000 a year at this pace');
    // 1,000 verified over a month, 300 fixed: 700 net, 8,400 a year.
    expect(netNote({ savings: { fixedCosts: 300, netSavings: 700, netSavingsPerYear: 8400 } } as Summary, 'USD')).toBe('; net of $300.00 fixed costs: $700.00 ($8,400 a year at this pace)');
    expect(netNote({ savings: { fixedCosts: 0, netSavings: null, netSavingsPerYear: null } } as Summary, 'USD')).toBe('');
  });
  it('with a handoff tax and an interval: both costs named, the interval beside net', () => {
    // 1,000 verified - 50 handoff - 300 fixed = 650 net; 95% 410 to 890, approximate.
    const savings = {
      fixedCosts: 300, netSavings: 650, netSavingsPerYear: 7800,
      handoff: { escalated: 10, resolvedByHuman: 9, aiCost: 5, extraHumanHours: 1.25, extraHumanCost: 50 },
      intervals: { netSavings: { low: 410, high: 890 }, approximate: true },
    };
    expect(netNote({ savings } as unknown as Summary, 'USD')).toBe('; net of $50.00 handoff tax and $300.00 fixed costs: $650.00 (95%: ≈$410.00 to $890.00) ($7,800 a year at this pace)');
  });
});

describe('intervals on the cards', () => {
  it('verified rate, savings, ROI and FTE carry their 95% intervals', () => {
    const withIv = {
      ...summary,
      verifiedAiResolutionRateLow: 0.5401,
      verifiedAiResolutionRateHigh: 0.6379,
      savings: {
        ...summary.savings,
        intervals: { verifiedSavings: { low: 1500, high: 1900 }, roi: { low: 8.9, high: 11.2 }, fteEquivalent: { low: 0.41, high: 0.52 }, humanHoursAvoided: null, netSavings: null, netRoi: null, netSavingsPerYear: null, approximate: false },
      },
    } as Summary;
    const cards = Object.fromEntries(summaryCards(withIv, 'USD').map((c) => [c.key, c]));
    expect(cards.resolution.detail).toContain('95%: 54.0% to 63.8%');
    expect(cards.savings.detail).toMatch(/^95%: \$1,500 to \$1,900; /);
    expect(cards.roi.detail).toContain('95%: 8.9× to 11.2×');
    // Under one agent with two decimals (one read "0.0 (≈0.0 to 0.0)" for tiny figures).
    expect(cards.fte.detail).toContain('(95%: 0.41 to 0.52 FTE)');
  });
});

describe('savingsBars', () => {
  it('claimed, minus the AI cost, verified', () => {
    expect(savingsBars(summary)).toEqual([
      { name: 'Claimed', value: summary.savings.claimedSavings },
      { name: 'AI cost', value: -169.20000000000002 },
      { name: 'Verified', value: summary.savings.verifiedSavings },
    ]);
    // No human baseline (fixture case 6): no bars at all, the chart says why.
    expect(savingsBars(empty)).toEqual([]);
  });
});

describe('cardDeltas', () => {
  it('signed changes in points, counts, money and ratios', () => {
    const d = { tickets: -12, involvementRate: 0.0321, verifiedAiResolutionRate: -0.05, savings: { verifiedSavings: 1234.5, roi: 0, fteEquivalent: null } };
    expect(cardDeltas(d, 'USD')).toEqual({ tickets: '−12', involvement: '+3.2 pt', resolution: 'verified −5.0 pt', savings: 'verified +$1,235', roi: '±0.0×' });
  });
  it('appear on the cards when the summary has a comparison', () => {
    const withDeltas = { ...summary, deltas: { tickets: 40, involvementRate: null, verifiedAiResolutionRate: null, savings: { verifiedSavings: null, roi: null, fteEquivalent: null } } };
    const cards = Object.fromEntries(summaryCards(withDeltas, 'USD').map((c) => [c.key, c]));
    expect(cards.tickets.delta).toBe('+40 vs previous period');
    expect(cards.involvement.delta).toBeUndefined();
  });
  it('a comparison period without a ticket (before the data starts) gives no change, and says so', () => {
    // Year to date over data that began in August: the previous period holds nothing.
    const ytd = { ...summary, comparison: { tickets: 0 }, deltas: { tickets: 63208, involvementRate: null, verifiedAiResolutionRate: null, savings: { verifiedSavings: 1000, roi: null, fteEquivalent: null } } };
    const cards = Object.fromEntries(summaryCards(ytd, 'USD', 'vs the previous period').map((c) => [c.key, c]));
    expect(cards.tickets.delta).toBe('no tickets to compare with (the previous period)');
    expect(cards.savings.delta).toBeUndefined();
  });
  it('a comparison period partly before the data marks every change', () => {
    // 90 days compared with the 90 before, of which the data covers the last 30.
    const coverage = { days: 90, daysInDataSpan: 30, dataFrom: '2026-08-03', dataTo: '2026-12-01' };
    const partial = { ...summary, comparison: { tickets: 15000, coverage }, deltas: { tickets: 30000, involvementRate: 0.1, verifiedAiResolutionRate: null, savings: { verifiedSavings: null, roi: null, fteEquivalent: null } } };
    const cards = Object.fromEntries(summaryCards(partial, 'USD', 'vs the previous period').map((c) => [c.key, c]));
    expect(cards.tickets.delta).toBe('+30,000 vs the previous period (against 30 of 90 days within the data)');
    expect(cards.involvement.delta).toBe('+10.0 pt vs the previous period (against 30 of 90 days within the data)');
    const whole = { ...partial, comparison: { tickets: 15000, coverage: { ...coverage, daysInDataSpan: 90 } } };
    expect(Object.fromEntries(summaryCards(whole, 'USD', 'vs the previous period').map((c) => [c.key, c])).tickets.delta).toBe('+30,000 vs the previous period');
  });
});

describe('handle time not recorded (an import of elapsed times)', () => {
  it('the savings and handle cards say why there is no cost basis', () => {
    const imported = { ...empty, tickets: 2804, resolved: 2716, handleTimeUnrecorded: 2716 } as Summary;
    const cards = Object.fromEntries(summaryCards(imported, 'USD').map((c) => [c.key, c]));
    expect(cards.handle.detail).toContain('handle time not recorded for 2,716 imported tickets');
    expect(cards.involvement.detail).toContain('no ticket involves the AI');
    expect(cards.savings.detail).toBe('no human handle time recorded: 2,716 resolved tickets were imported with elapsed times only, which are not priced as work (docs/IMPORT.md, handleTime)');
  });
});
