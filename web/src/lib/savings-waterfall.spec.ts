import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Summary } from '../../../server/src/contract';
import { savingsWaterfall, stepColor, waterfallAxis, waterfallCsv, noWaterfallReason } from './savings-waterfall';

// Fixture case 1: 265 AI resolutions, none pending, 222 verified; 8 reopened (0.0302 x 265) and
// 36 repeat contacts (0.1358 x 265), one ticket both, so 35 came back without a reopen:
// 265 = 222 + 8 + 35.
const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../server/test/fixtures/contract/expected.json'), 'utf8'));
// The contract's expected summary predates the two counts: they are added here from the case.
const s = { ...expected.cases[0].summary, reopenedAiResolved: 8, cameBackAiResolved: 35 } as Summary;

describe('savingsWaterfall', () => {
  it('steps from claimed to verified add up exactly', () => {
    const steps = savingsWaterfall(s)!;
    expect(steps.map((x) => x.name)).toEqual(['Claimed', 'Still maturing (< 7 days)', 'Reopened', 'Customer came back', 'Priced like for like', 'AI cost', 'Verified']);
    const hc = s.savings.humanCostPerTicket!;
    expect(steps[2].value).toBeCloseTo(-8 * hc, 9);
    expect(steps[3].value).toBeCloseTo(-35 * hc, 9);
    expect(steps[5].value).toBeCloseTo(-169.2, 9);
    const end = steps[5].range[1];
    expect(end).toBeCloseTo(s.savings.verifiedSavings!, 6);
    expect(steps[6].range).toEqual([0, s.savings.verifiedSavings]);
  });
  it('with fixed costs: a step down from verified to net', () => {
    // 600 a month over the fixture's 21 days: 600 x 21 / 30.4375 = 413.96...; net = verified - that.
    const fixed = (600 * 21) / 30.4375;
    const withFixed = { ...s, savings: { ...s.savings, fixedCosts: fixed, netSavings: s.savings.verifiedSavings! - fixed } } as Summary;
    const steps = savingsWaterfall(withFixed)!;
    expect(steps.slice(-3).map((x) => x.name)).toEqual(['Verified', 'Fixed costs', 'Net']);
    expect(steps[7].range[0]).toBeCloseTo(s.savings.verifiedSavings!, 9);
    expect(steps[7].range[1]).toBeCloseTo(1700.74 - 413.96, 1);
    expect(steps[8].value).toBeCloseTo(steps[7].range[1], 9);
  });
  it('fixed costs above the verified savings: the axis reaches below zero and the net is drawn as a cost', () => {
    // 25,000 a month over 21 days: 25,000 x 21 / 30.4375 = 17,248.46; net = 1,700.74 - 17,248.46 = -15,547.72.
    const fixed = (25_000 * 21) / 30.4375;
    const steps = savingsWaterfall({ ...s, savings: { ...s.savings, fixedCosts: fixed, netSavings: s.savings.verifiedSavings! - fixed } } as Summary)!;
    const net = steps[steps.length - 1];
    expect(net.value).toBeCloseTo(-15_547.72, 1);
    // From -15,547.72 to the claimed 2,244.16: 17,791.88 / 5 = 3,558 a tick, rounded up to 5,000.
    expect(waterfallAxis(steps)).toEqual({ domain: [-20_000, 5_000], ticks: [-20_000, -15_000, -10_000, -5_000, 0, 5_000] });
    expect([stepColor(net), stepColor(steps[0]), stepColor(steps[steps.length - 3])]).toEqual(['var(--cost)', 'var(--claimed)', 'var(--verified)']);
    // Without a net below zero the axis starts at zero: 2,244.16 / 5 = 449 a tick, rounded up to 500.
    expect(waterfallAxis(savingsWaterfall(s)!)).toEqual({ domain: [0, 2_500], ticks: [0, 500, 1_000, 1_500, 2_000, 2_500] });
  });
  it('with the handoff tax and fixed costs: two steps down from verified to net', () => {
    // Handoff tax 120 (escalated tickets' extra human time) and 600 a month over 21 days = 413.96:
    // net = 1,700.74 - 120 - 413.96 = 1,166.78.
    const fixed = (600 * 21) / 30.4375;
    const net = s.savings.verifiedSavings! - 120 - fixed;
    const handoff = { escalated: 50, resolvedByHuman: 48, aiCost: 25, extraHumanHours: 120 / s.costModel.humanHourlyCost, extraHumanCost: 120 };
    const steps = savingsWaterfall({ ...s, savings: { ...s.savings, handoff, fixedCosts: fixed, netSavings: net } } as Summary)!;
    expect(steps.slice(-4).map((x) => [x.name, Math.round(x.range[0] * 100) / 100, Math.round(x.range[1] * 100) / 100])).toEqual([
      ['Verified', 0, 1700.74],
      ['Handoff tax', 1700.74, 1580.74],
      ['Fixed costs', 1580.74, 1166.78],
      ['Net', 0, 1166.78],
    ]);
  });
  it('verified resolutions rated 1-2, left out: their own step, and the steps still add up to verified', () => {
    // 5 of the 222 verified rated 1-2, left out: 5 x hc off at the average price; their hours leave
    // the like-for-like figure too (say 0.5 h): verified falls by 0.5 x the hourly cost.
    const hc = s.savings.humanCostPerTicket!;
    const hours = s.savings.humanHoursAvoided! - 0.5;
    const verified = s.savings.verifiedSavings! - 0.5 * s.costModel.humanHourlyCost;
    const excluded = { ...s, savings: { ...s.savings, humanHoursAvoided: hours, verifiedSavings: verified, lowRated: { verified: 5, value: 0.5 * s.costModel.humanHourlyCost, excluded: true } } } as Summary;
    const steps = savingsWaterfall(excluded)!;
    const low = steps.find((x) => x.name === 'Rated 1–2 (left out)')!;
    expect(low.value).toBeCloseTo(-5 * hc, 9);
    expect(steps[steps.length - 2].range[1]).toBeCloseTo(verified, 6);
    // Kept in (the default): no step.
    expect(savingsWaterfall({ ...excluded, savings: { ...excluded.savings, lowRated: { verified: 5, value: 1, excluded: false } } } as Summary)!.map((x) => x.name)).not.toContain('Rated 1–2 (left out)');
  });
  it('is empty without a human baseline', () => {
    expect(savingsWaterfall({ ...expected.cases[5].summary, reopenedAiResolved: 0, cameBackAiResolved: 0 } as Summary)).toBeNull();
  });
});

describe('waterfallCsv', () => {
  it('one row a step: its signed amount, where it leaves the bar, and whether it is a total', () => {
    // Claimed 1,000; 120.456 maturing and 30 reopened taken away; verified 849.544.
    const steps = [
      { name: 'Claimed', value: 1000, range: [0, 1000] as [number, number], total: true },
      { name: 'Still maturing (< 7 days)', value: -120.456, range: [1000, 879.544] as [number, number] },
      { name: 'Reopened', value: -30, range: [879.544, 849.544] as [number, number] },
      { name: 'Verified', value: 849.544, range: [0, 849.544] as [number, number], total: true },
    ];
    expect(waterfallCsv(steps, 'EUR').split('\r\n')).toEqual([
      'step,amount_EUR,level_after_EUR,kind',
      'Claimed,1000,1000,total',
      'Still maturing (< 7 days),-120.46,879.54,taken away',
      'Reopened,-30,849.54,taken away',
      'Verified,849.54,849.54,total',
      '',
    ]);
  });
});

describe('noWaterfallReason', () => {
  it('none for a judged range with a baseline: the chart is drawn', () => {
    expect(noWaterfallReason(s)).toBeNull();
  });
  it('a range mostly maturing is not judged yet: no Verified or Net bar to stand behind', () => {
    // 200 of the fixture's 265 AI resolutions made young: most are maturing.
    const young = { ...s, pendingAiResolved: 200, verifiedAiResolved: 22, reopenedAiResolved: 8, cameBackAiResolved: 35 } as Summary;
    expect(noWaterfallReason(young)).toBe('not judged yet: 200 of the 265 AI resolutions in this range are younger than 7 days; a longer or an earlier range shows it');
  });
  it('no human baseline: says why, as every page does', () => {
    expect(noWaterfallReason({ ...expected.cases[5].summary, reopenedAiResolved: 0, cameBackAiResolved: 0 } as Summary)).toBe('no human-resolved ticket in this range prices the work');
  });
});
