// Scenario tables for the alert detector, with the expected figures worked out by hand in the
// comments. The false-alarm and delay targets on simulated stories are in
// alerts/alert-accuracy.spec.ts.
import { Cell, DEFAULT_DETECTOR, SeriesDay, detectShifts, judgeWindow } from './alert-detection';
import { normalCdf, signedRootG } from './tail-scores';

const day = (i: number) => `d${String(i).padStart(3, '0')}`;
/** A series of one or more strata: cells(i) gives each stratum's cell on day i. */
function series(length: number, cells: (i: number) => Record<string, Cell>): SeriesDay[] {
  return Array.from({ length }, (_, i) => ({ day: day(i), cells: new Map(Object.entries(cells(i))) }));
}
const rate = (x: number, n: number): Cell => ({ n, s1: x, s2: x });
/** n handle times all equal to `seconds` times e^(+-spread) alternately: mean ln(seconds), variance spread^2. */
function handle(n: number, seconds: number, spread = 0.5): Cell {
  const mu = Math.log(seconds);
  return { n, s1: n * mu, s2: n * (mu * mu + spread * spread) };
}

describe('judgeWindow: a window against its baseline', () => {
  it('a rate with nothing but sampling noise: z by hand', () => {
    // Baseline: days 0-27 at 20 of 100 (p = 0.2, n = 2800). Window: days 31-32 at 30 of 100 each.
    // Expected 0.2; observed 0.3; sampling var 0.16 / 200 = 0.0008; the baseline's var
    // 200^2 x 0.16 / (2800 + 20) / 200^2 = 5.67e-5. Normal z = 0.1 / sqrt(8.567e-4) = 3.42; the
    // 2x2 G statistic with continuity correction gives a little less.
    const s = series(33, (i) => ({ a: i < 31 ? rate(20, 100) : rate(30, 100) }));
    const j = judgeWindow(s, 31, 33, 'rate', 'up')!;
    expect(j.expected).toBeCloseTo(0.2, 6);
    expect(j.observed).toEqual({ value: 0.3, n: 200, s1: 60 });
    expect(j.baseline).toMatchObject({ value: 0.2, n: 2800 });
    expect(j.dispersion).toBe(1);
    expect(j.z).toBeGreaterThan(3.1);
    expect(j.z).toBeLessThan(3.42);
    expect(j.practical).toBe(true); // 10 points > 3
  });

  it('a change of mix alone is no change: the expected value follows the window own mix', () => {
    // Stratum "easy" has 10% reopens, "hard" 30%. Baseline days: 80 easy + 20 hard (overall 14%).
    // Window days: 20 easy + 80 hard: overall 26%, yet each stratum is as before.
    const s = series(33, (i) => (i < 31 ? { easy: rate(8, 80), hard: rate(6, 20) } : { easy: rate(2, 20), hard: rate(24, 80) }));
    const j = judgeWindow(s, 31, 33, 'rate', 'up')!;
    expect(j.observed.value).toBeCloseTo(0.26, 6);
    expect(j.baseline.value).toBeCloseTo(0.14, 6);
    // Expected: 0.2 x b(easy) + 0.8 x b(hard), each shrunk by 20 pseudo-tickets towards 14%:
    // b(easy) = (224 + 2.8) / (2240 + 20) = 0.10035, b(hard) = (168 + 2.8) / (560 + 20) = 0.29448.
    expect(j.expected).toBeCloseTo(0.2 * (226.8 / 2260) + 0.8 * (170.8 / 580), 6);
    expect(Math.abs(j.z)).toBeLessThan(1);
  });

  it('handle time: limits follow n, so the same change is certain at 400 tickets a day and not at 10', () => {
    // ln-values with sd 0.5; +20% is +0.182 in ln. At 400 a day over 2 days the standard error is
    // 0.5 / sqrt(800) = 0.0177 -> z about 10; at 10 a day, 0.5 / sqrt(20) = 0.112 -> z about 1.6.
    const big = series(33, (i) => ({ a: handle(400, i < 31 ? 600 : 720) }));
    const small = series(33, (i) => ({ a: handle(10, i < 31 ? 600 : 720) }));
    expect(judgeWindow(big, 31, 33, 'logMean', 'up')!.z).toBeGreaterThan(8);
    const zs = judgeWindow(small, 31, 33, 'logMean', 'up')!.z;
    expect(zs).toBeGreaterThan(1);
    expect(zs).toBeLessThan(2);
  });

  it('floor of practical significance: +5% handle time is real at 5,000 tickets a day, and not worth an alert', () => {
    const s = series(33, (i) => ({ a: handle(5000, i < 31 ? 600 : 630) }));
    const j = judgeWindow(s, 31, 33, 'logMean', 'up')!;
    expect(j.z).toBeGreaterThan(5);
    expect(j.practical).toBe(false); // x1.05 is under the x1.15 floor
    expect(detectShifts(s, 'logMean', 'up')).toEqual([]);
    // The same at +20% (x1.2, +120 s) passes both floors.
    const t = series(33, (i) => ({ a: handle(5000, i < 31 ? 600 : 720) }));
    expect(judgeWindow(t, 31, 33, 'logMean', 'up')!.practical).toBe(true);
  });

  it('over-dispersed days widen the limits by what the baseline shows', () => {
    // Baseline days alternate 14% and 26% of 1,000 (sampling sd 1.3 points, real swings 6 points):
    // the dispersion factor is about (6 / 1.3)^2 = 21, capped per day at 9 -> 9 / 0.9888 = 9.1.
    const s = series(33, (i) => ({ a: i < 31 ? rate(i % 2 ? 140 : 260, 1000) : rate(260, 1000) }));
    const j = judgeWindow(s, 31, 33, 'rate', 'up')!;
    expect(j.dispersion).toBeCloseTo(9 / 0.9888, 2);
    expect(j.z).toBeLessThan(DEFAULT_DETECTOR.limit);
  });

  it('needs 14 baseline days with data (and 30 observations) before judging', () => {
    const s = series(33, (i) => ({ a: i < 18 ? rate(0, 0) : rate(20, 100) }));
    expect(judgeWindow(s, 31, 33, 'rate', 'up')).toBeNull(); // baseline days 0-27: only 10 with data
  });
});

describe('detectShifts: when an alert opens', () => {
  it('a jump from 10% to 30% (n = 100 a day) at day 40 opens one alert at day 41, starting day 40', () => {
    const s = series(60, (i) => ({ a: rate(i < 40 ? 10 : 30, 100) }));
    const d = detectShifts(s, 'rate', 'up');
    expect(d.map((x) => [x.startDay, x.detectedDay])).toEqual([['d040', 'd041']]);
    expect(d[0].judgement.z).toBeGreaterThan(DEFAULT_DETECTOR.limit);
  });

  it('the bad direction matters: a rise in CSAT is no alert, a fall is', () => {
    const up = series(60, (i) => ({ a: rate(i < 40 ? 60 : 90, 100) }));
    expect(detectShifts(up, 'rate', 'down')).toEqual([]);
    const down = series(60, (i) => ({ a: rate(i < 40 ? 90 : 60, 100) }));
    expect(detectShifts(down, 'rate', 'down')).toHaveLength(1);
  });

  it('one wild day is never an alert: windows are 2 days or more and must end on a bad day', () => {
    const s = series(60, (i) => ({ a: rate(i === 45 ? 60 : 10, 100) }));
    expect(detectShifts(s, 'rate', 'up')).toEqual([]);
  });

  it('a change under the floor (2 points at 100,000 a day) is certain and stays quiet', () => {
    const s = series(60, (i) => ({ a: rate(i < 40 ? 10_000 : 12_000, 100_000) }));
    expect(judgeWindow(s, 40, 42, 'rate', 'up')!.z).toBeGreaterThan(10);
    expect(detectShifts(s, 'rate', 'up')).toEqual([]);
  });

  it('one alert per excursion: a lasting shift does not page again; a new one after recovery does', () => {
    // 10% for 40 days, 30% for 50 days (the baseline catches up), 10% for 40, then 30% again.
    const level = (i: number) => (i < 40 ? 10 : i < 90 ? 30 : i < 130 ? 10 : 30);
    const s = series(160, (i) => ({ a: rate(level(i), 100) }));
    expect(detectShifts(s, 'rate', 'up').map((d) => d.detectedDay)).toEqual(['d041', 'd131']);
  });

  it('thin days pool: at 5 answers a day, a fall from 80% to 20% is found once a few days add up', () => {
    // 2 days: 2 of 10 against 80% -> far beyond chance (P(X <= 2 | 10, 0.8) = 7.8e-5), but the
    // G statistic with the baseline's uncertainty and the continuity correction needs more days.
    const s = series(60, (i) => ({ a: rate(i < 40 ? 4 : 1, 5) }));
    const [d] = detectShifts(s, 'rate', 'down');
    expect(d.startDay).toBe('d040');
    expect(d.endIndex - 40 + 1).toBeLessThanOrEqual(4);
  });
});

describe('the statistics underneath', () => {
  it('signedRootG against hand values', () => {
    // 30 of 100 vs 200 of 1000, x moved to 29.5: p = 229.5 / 1100 = 0.20864; G = 2 x (29.5 ln(29.5 /
    // 20.864) + 70.5 ln(70.5 / 79.136) + 200 ln(200 / 208.64) + 800 ln(800 / 791.36)) = 4.60 -> 2.145.
    expect(signedRootG(30, 100, 200, 1000)).toBeCloseTo(2.145, 2);
    expect(signedRootG(20, 100, 200, 1000)).toBe(0);
    expect(signedRootG(10, 100, 200, 1000)).toBeLessThan(-2);
  });

  it('the normal CDF at table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.2816)).toBeCloseTo(0.1, 4);
    expect(normalCdf(-4)).toBeCloseTo(3.167e-5, 6);
  });
});
