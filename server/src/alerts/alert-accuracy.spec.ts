// The alerts issue's targets on simulated stories (alert-simulation.ts): false alarms on stable
// stories (falling human volume, drifting category mix, several sizes) and a 25-answers-a-day CSAT
// drop in one category found within 3 days with at most one other alert. `npm run
// bench:alert-accuracy` runs the same with more stories and prints the table in docs/ALERTS.md.
import { detection, falseAlarms } from './alert-accuracy';

describe('alert accuracy on simulated stories', () => {
  it('stable stories: at most 0.1 false alarms per segment per 90 days for every metric, and few in all', () => {
    const fa = falseAlarms(4); // 20 stories x 11 segments x 14 metric-path series
    for (const [metric, v] of Object.entries(fa.perSegmentPer90Days)) expect([metric, v <= 0.1]).toEqual([metric, true]);
    const total = Object.values(fa.alerts).reduce((a, b) => a + b, 0);
    expect(total / fa.stories).toBeLessThanOrEqual(0.3);
  });

  it('an AI CSAT drop of 30 points in one category: within 3 days at 35 answers a day, within 5 at 25; at most one other alert', () => {
    const at35 = detection({ label: 'csat', regression: { category: 'shipping', path: 'ai', metric: 'csatTop2Box', size: 0.3 }, perDay: 1100 }, 10);
    expect(at35.nPerDay).toBeGreaterThan(30);
    expect(at35.missed).toBe(0);
    expect(at35.within3Days).toBeGreaterThanOrEqual(9);
    expect(at35.otherAlertsPerRun).toBeLessThanOrEqual(0.5);
    // At 25 answers a day 3 days hold about 75 answers: a 30-point drop is then about 4.5 to 6
    // standard deviations, so most but not all runs are alerted by day 3.
    const at25 = detection({ label: 'csat', regression: { category: 'shipping', path: 'ai', metric: 'csatTop2Box', size: 0.3 }, perDay: 800 }, 10);
    expect(at25.nPerDay).toBeLessThan(30);
    expect(at25.missed).toBe(0);
    expect(at25.within3Days).toBeGreaterThanOrEqual(6);
    expect(at25.medianDays).toBeLessThanOrEqual(3);
  });

  it('a drop on every path of one category is one alert, on all paths', () => {
    const r = detection({ label: 'every path', regression: { category: 'payments', path: 'all', metric: 'csatTop2Box', size: 0.3 }, perDay: 1100 }, 6);
    expect(r.missed).toBe(0);
    expect(r.within3Days).toBeGreaterThanOrEqual(5);
    expect(r.otherAlertsPerRun).toBeLessThanOrEqual(0.5);
  });

  it('a human handle time 30% longer in one category is found; its mix-shifted neighbours are not', () => {
    const r = detection({ label: 'handle', regression: { category: 'disputes', path: 'human', metric: 'handleTime', size: 1.3 }, perDay: 400 }, 6);
    expect(r.missed).toBe(0);
    expect(r.medianDays).toBeLessThanOrEqual(10);
    expect(r.otherAlertsPerRun).toBeLessThanOrEqual(0.5);
  });
});
