import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Summary } from '../../../server/src/contract';
import { savingsWaterfall } from './savings-waterfall';

// Fixture case 1: 265 AI resolutions, none pending, 222 verified; 8 reopened (0.0302 x 265) and
// 36 repeat contacts (0.1358 x 265), one ticket both, so 35 came back without a reopen:
// 265 = 222 + 8 + 35.
const expected = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../server/test/fixtures/contract/expected.json'), 'utf8'));
const s = expected.cases[0].summary as Summary;

describe('savingsWaterfall', () => {
  it('steps from claimed to verified add up exactly', () => {
    const steps = savingsWaterfall(s, { reopened: 8, repeatOnly: 35 })!;
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
    const steps = savingsWaterfall(withFixed, { reopened: 8, repeatOnly: 35 })!;
    expect(steps.slice(-3).map((x) => x.name)).toEqual(['Verified', 'Fixed costs', 'Net']);
    expect(steps[7].range[0]).toBeCloseTo(s.savings.verifiedSavings!, 9);
    expect(steps[7].range[1]).toBeCloseTo(1700.74 - 413.96, 1);
    expect(steps[8].value).toBeCloseTo(steps[7].range[1], 9);
  });
  it('is empty without a human baseline', () => {
    expect(savingsWaterfall(expected.cases[5].summary as Summary, { reopened: 0, repeatOnly: 0 })).toBeNull();
  });
});
