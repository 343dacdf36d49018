// Scenario tables and simulations for the alert detectors. The simulation figures are printed
// and kept in docs/ALERTS.md; the assertions are the targets of the alerts issue.
import { rng } from '../demo/demo-story';
import { DEFAULT_DETECTOR, RateDay, binomialTail, cohensH, detectLogMeanShifts, detectRateShifts, normalQuantile, rateZ } from './alert-detection';

const day = (i: number) => `d${String(i).padStart(3, '0')}`;

describe('detectRateShifts on hand-made series', () => {
  it('a jump from 10% to 30% at day 30 (n = 100) fires the p-chart on day 31, starting day 30', () => {
    // z = (0.30 - 0.10) / sqrt(0.1 * 0.9 / 100) = 6.67 > 3 on days 30 and 31. Day 30's baseline is
    // days 0-26 (28 days back, leaving out the 3 just before): 27 x 10 of 27 x 100.
    const series: RateDay[] = Array.from({ length: 40 }, (_, i) => ({ day: day(i), x: i < 30 ? 10 : 30, n: 100 }));
    const [d, ...rest] = detectRateShifts(series, 'up');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ rule: 'p-chart', startDay: 'd030', detectedDay: 'd031', baseline: { x: 270, n: 2700, value: 0.1 }, current: { x: 60, n: 200, value: 0.3 } });
  });

  it('the bad direction matters: a rise in CSAT is no alert', () => {
    const series: RateDay[] = Array.from({ length: 40 }, (_, i) => ({ day: day(i), x: i < 30 ? 60 : 90, n: 100 }));
    expect(detectRateShifts(series, 'down')).toEqual([]);
    expect(detectRateShifts(series, 'up')).toHaveLength(1);
  });

  it('one wild day is not an alert (sustained breach needed), and days under the minimum n are skipped', () => {
    const oneDay = Array.from({ length: 40 }, (_, i) => ({ day: day(i), x: i === 30 ? 60 : 10, n: 100 }));
    expect(detectRateShifts(oneDay, 'up')).toEqual([]);
    const small = Array.from({ length: 40 }, (_, i) => ({ day: day(i), x: i < 30 ? 10 : 3, n: i < 30 ? 100 : 3 }));
    expect(detectRateShifts(small, 'up')).toEqual([]);
  });

  it('needs 14 baseline days (plus the 3-day gap) before judging anything', () => {
    // Day 17 is the first judged: its baseline is days 0-13.
    const early = Array.from({ length: 18 }, (_, i) => ({ day: day(i), x: i < 17 ? 10 : 50, n: 100 }));
    expect(detectRateShifts(early, 'up')).toEqual([]); // one breach is not sustained
    const enough = Array.from({ length: 19 }, (_, i) => ({ day: day(i), x: i < 17 ? 10 : 50, n: 100 }));
    expect(detectRateShifts(enough, 'up').map((d) => d.detectedDay)).toEqual(['d018']);
  });

  it('one alert per excursion: a lasting shift does not page again; a new one after recovery does', () => {
    // 10% for 30 days, 30% for 60 days (the baseline catches up), back to 10%, then 30% again.
    const level = (i: number) => (i < 30 ? 10 : i < 90 ? 30 : i < 130 ? 10 : 30);
    const series = Array.from({ length: 160 }, (_, i) => ({ day: day(i), x: level(i), n: 100 }));
    const ds = detectRateShifts(series, 'up').map((d) => d.detectedDay);
    expect(ds).toEqual(['d031', 'd131']);
    expect(DEFAULT_DETECTOR.cooldownDays).toBe(7);
  });
});

describe('detectLogMeanShifts (handle time, robust)', () => {
  it('a 50% longer handle time for a week is found; one outlier day in the baseline does not move it', () => {
    const series = Array.from({ length: 45 }, (_, i) => ({
      day: day(i),
      n: 50,
      mean: Math.log(600) + (i === 10 ? 3 : (i % 5) * 0.01) + (i >= 35 ? Math.log(1.5) : 0),
    }));
    const [d] = detectLogMeanShifts(series, 'up');
    expect(d).toMatchObject({ rule: 'robust', startDay: 'd035', detectedDay: 'd036' });
    // Baseline days vary by up to 4% around 600 s; the outlier day (e^3 = 20x longer) does not count.
    expect(d.baseline.value).toBeGreaterThan(600);
    expect(d.baseline.value).toBeLessThan(625);
  });
});

describe('cohensH', () => {
  it.each([
    [0.5, 0.5, 0],
    [0.1, 0.3, 0.5158],
    [0.74, 0.42, -0.6613],
  ])('%p -> %p = %p', (a, b, h) => expect(cohensH(a, b)).toBeCloseTo(h, 3));
});

/** Binomial draw by summing Bernoulli trials (n is small). */
function binomial(r: () => number, n: number, p: number): number {
  let x = 0;
  for (let k = 0; k < n; k++) if (r() < p) x++;
  return x;
}

/** A day's n around 150 and a true rate with realistic day-to-day noise (±5% relative). */
function simulate(r: () => number, days: number, p: (i: number) => number): RateDay[] {
  return Array.from({ length: days }, (_, i) => {
    const n = 80 + Math.floor(r() * 140);
    const noisy = Math.min(0.99, p(i) * (1 + 0.05 * (r() + r() + r() - 1.5) * 2));
    return { day: day(i), n, x: binomial(r, n, noisy) };
  });
}

describe('simulation', () => {
  it('stable series: false alarms per series per 90 days stay far below one per segment', () => {
    const r = rng(20261122);
    const runs = 400;
    let alarms = 0;
    for (let k = 0; k < runs; k++) alarms += detectRateShifts(simulate(r, 90, () => 0.2), 'up').length;
    const perSeries = alarms / runs;
    // A segment has 12 rate series (4 metrics x 3 paths): at most one false alarm per segment per 90 days.
    console.log(`false alarms: ${alarms} in ${runs} stable 90-day series = ${perSeries.toFixed(4)} per series, ${(perSeries * 12).toFixed(3)} per segment (12 series) per 90 days`);
    expect(perSeries * 12).toBeLessThanOrEqual(1);
  });

  it('injected shifts are found within a stated number of days', () => {
    const r = rng(7);
    const table: string[] = [];
    const medianDelay = (shift: number) => {
      const delays: number[] = [];
      for (let k = 0; k < 200; k++) {
        const found = detectRateShifts(simulate(r, 90, (i) => (i < 60 ? 0.2 : 0.2 + shift)), 'up').find((d) => d.index >= 60);
        delays.push(found ? found.index - 60 : Infinity);
      }
      delays.sort((a, b) => a - b);
      const med = delays[100];
      const missed = delays.filter((d) => d === Infinity).length;
      table.push(`| +${(shift * 100).toFixed(0)} pt (0.20 -> ${(0.2 + shift).toFixed(2)}) | ${med} | ${missed} of 200 |`);
      return med;
    };
    const delays = [0.15, 0.1, 0.05, 0.03, 0.02].map(medianDelay);
    console.log(['| shift | median delay (days after the shift) | not found in 30 days |', '| --- | --- | --- |', ...table].join('\n'));
    expect(delays[0]).toBeLessThanOrEqual(1);
    expect(delays[1]).toBeLessThanOrEqual(2);
    expect(delays[2]).toBeLessThanOrEqual(7);
  });
});

describe('exact small-sample scores', () => {
  it('binomial tails by hand', () => {
    // P(X >= 3 | n = 20, p = 0.03) = 1 - (0.97^20 + 20*0.03*0.97^19 + 190*0.03^2*0.97^18)
    const hand = 1 - (0.97 ** 20 + 20 * 0.03 * 0.97 ** 19 + 190 * 0.03 ** 2 * 0.97 ** 18);
    expect(binomialTail(3, 20, 0.03)).toBeCloseTo(hand, 12);
    expect(binomialTail(0, 10, 0.5)).toBe(1);
    expect(binomialTail(11, 10, 0.5)).toBe(0);
    expect(binomialTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 15);
  });
  it('normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.00135)).toBeCloseTo(-3.0, 3);
  });
  it('3 reopens of 20 against a 3% baseline is unusual but not a 3-sigma event', () => {
    const z = rateZ(3, 20, 0.03, 'up');
    expect(z).toBeCloseTo(normalQuantile(1 - binomialTail(3, 20, 0.03)), 9);
    expect(z).toBeGreaterThan(1.5);
    expect(z).toBeLessThan(3);
  });
});
