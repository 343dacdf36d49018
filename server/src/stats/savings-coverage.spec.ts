// The savings intervals hold their stated 95%: many synthetic periods drawn from a known truth
// (savings-simulation.ts), seeded. With 4,000 periods the coverage's own standard error is
// sqrt(0.95 x 0.05 / 4,000) = 0.34 points, so a band of ±1.5 points around 95% fails a real miss.
import { MONTH, SMALL, coverage } from './savings-simulation';

describe('savings intervals: coverage over synthetic periods', () => {
  it('a month of a mid-size helpdesk: 95% ± 1.5 for verified and net savings', () => {
    const c = coverage(MONTH, 4000, 7);
    expect(c.approximate).toBe(false);
    expect(c.verifiedSavings).toBeGreaterThanOrEqual(0.935);
    expect(c.verifiedSavings).toBeLessThanOrEqual(0.965);
    expect(c.netSavings).toBeGreaterThanOrEqual(0.935);
    expect(c.netSavings).toBeLessThanOrEqual(0.965);
  });

  // 30 and 10 human tickets per category with lognormal sdlog 0.9 (the 90th percentile 3x the
  // median): a mean of so few skewed values is low more often than high, and its standard error
  // with it; the t widening recovers part of it. Measured 91.7% verified, 96.5% net; the summary
  // flags such intervals as approximate (intervals.approximate) and docs/METRICS.md says so.
  it('a small filtered week with skewed handle times: at least 90%, flagged approximate', () => {
    const c = coverage(SMALL, 4000, 11);
    expect(c.approximate).toBe(true);
    expect(c.verifiedSavings).toBeGreaterThanOrEqual(0.9);
    expect(c.verifiedSavings).toBeLessThanOrEqual(0.97);
    expect(c.netSavings).toBeGreaterThanOrEqual(0.9);
    expect(c.netSavings).toBeLessThanOrEqual(0.97);
  });
});
