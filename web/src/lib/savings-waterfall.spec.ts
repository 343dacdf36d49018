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
  it('is empty without a human baseline', () => {
    expect(savingsWaterfall(expected.cases[5].summary as Summary, { reopened: 0, repeatOnly: 0 })).toBeNull();
  });
});
