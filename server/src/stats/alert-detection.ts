// Statistical detection of quality regressions in daily series (docs/ALERTS.md). Pure functions:
// a series of days in, detections out; simulation tests measure their delay and false-alarm rate.
//
// Rates (CSAT top-2-box, repeat contacts, reopens, escalations, AI resolution) use two charts on
// the same standardised daily value z = (p_day - p_baseline) / sqrt(p_baseline (1 - p_baseline) / n_day),
// so the limits follow each day's n:
//   - a p-chart: |z| beyond 3 on 2 of the last 3 eligible days (big shifts, fast);
//   - an EWMA of z (lambda 0.2): beyond 3 sigma_EWMA on 2 consecutive days (small sustained shifts).
// Handle time uses robust statistics: the day's mean of log(handle seconds) against the median and
// MAD of the baseline days' values. Every rule needs a minimum n per day, a sustained breach, and
// after an alert a cooldown.

export type Direction = 'up' | 'down'; // which way is bad

export interface RateDay {
  day: string;
  /** Events counted (e.g. top-2-box responses) out of n. */
  x: number;
  n: number;
}

export interface LogMeanDay {
  day: string;
  n: number;
  /** Mean of ln(value) over the day's n values. */
  mean: number;
}

export interface DetectorConfig {
  baselineDays: number;
  /** Days just before the judged day left out of its baseline, so a new shift does not leak into it. */
  baselineGapDays: number;
  /** Baseline days needed before anything is judged. */
  minBaselineDays: number;
  /** A day with fewer observations is skipped. */
  minN: number;
  pChartLimit: number;
  ewmaLambda: number;
  ewmaLimit: number;
  /** Robust z limit for the log-mean series. */
  robustLimit: number;
  cooldownDays: number;
}

export const DEFAULT_DETECTOR: DetectorConfig = {
  baselineDays: 28,
  baselineGapDays: 3,
  minBaselineDays: 14,
  minN: 5,
  pChartLimit: 3,
  ewmaLambda: 0.2,
  ewmaLimit: 3.3,
  robustLimit: 3.5,
  cooldownDays: 7,
};

export interface Detection {
  rule: 'p-chart' | 'ewma' | 'robust';
  /** First day of the breach run: when the shift began, as far as the data can tell. */
  startDay: string;
  /** The day the rule fired. */
  detectedDay: string;
  /** Index of detectedDay in the series. */
  index: number;
  baseline: { x: number; n: number; value: number };
  current: { x: number; n: number; value: number };
}

const sign = (d: Direction) => (d === 'up' ? 1 : -1);

interface Judged {
  i: number;
  /** Standardised daily value, positive = worse. */
  z: number;
  baseline: { x: number; n: number; value: number };
}

/**
 * The shared sustained-breach logic: a p-chart (or robust) rule on 2 of the last 3 judged days, an
 * EWMA rule on 2 consecutive judged days, and a cooldown after each alert.
 */
function sustained(judged: readonly Judged[], limit: number, rule: 'p-chart' | 'robust', cfg: DetectorConfig): { at: Judged; start: Judged; rule: Detection['rule'] }[] {
  const out: { at: Judged; start: Judged; rule: Detection['rule'] }[] = [];
  const byIndex = new Map(judged.map((j) => [j.i, j]));
  const sigmaE = Math.sqrt(cfg.ewmaLambda / (2 - cfg.ewmaLambda));
  let ewma = 0;
  let runStart = -1; // first judged day of the current run with ewma > 0
  let prevOver = false;
  let recent: Judged[] = [];
  let cooldownUntil = -1;
  // After an alert the series is latched until it is judged back at or below its baseline: one
  // alert per excursion, not one a week while a shift lasts.
  let latched = false;
  for (const j of judged) {
    if (latched && j.z <= 0 && j.i > cooldownUntil) latched = false;
    // The EWMA gets the value clipped at the p-chart limit, so that one wild day (the p-chart's
    // business) cannot carry it over its limit for a second day.
    ewma = cfg.ewmaLambda * Math.max(-limit, Math.min(limit, j.z)) + (1 - cfg.ewmaLambda) * ewma;
    runStart = ewma > 0 ? (runStart < 0 ? j.i : runStart) : -1;
    const over = ewma > cfg.ewmaLimit * sigmaE;
    recent = [...recent, j].slice(-3);
    const breaches = recent.filter((r) => r.z > limit);
    if (!latched && j.i > cooldownUntil) {
      let fired: { start: number; rule: Detection['rule'] } | null = null;
      if (j.z > limit && breaches.length >= 2) fired = { start: breaches[0].i, rule };
      else if (over && prevOver) fired = { start: runStart, rule: 'ewma' };
      if (fired) {
        out.push({ at: j, start: byIndex.get(fired.start)!, rule: fired.rule });
        cooldownUntil = j.i + cfg.cooldownDays;
        latched = true;
        ewma = 0;
        runStart = -1;
        recent = [];
        prevOver = false;
        continue;
      }
    }
    prevOver = over;
  }
  return out;
}

/** Detections in a daily rate series (days in order; a day without data has n = 0). */
export function detectRateShifts(series: readonly RateDay[], bad: Direction, cfg: DetectorConfig = DEFAULT_DETECTOR): Detection[] {
  const judged: Judged[] = [];
  for (let i = 0; i < series.length; i++) {
    let bx = 0;
    let bn = 0;
    let bdays = 0;
    for (let j = i - 1 - cfg.baselineGapDays; j >= 0 && j >= i - cfg.baselineGapDays - cfg.baselineDays; j--) {
      if (series[j].n >= cfg.minN) {
        bx += series[j].x;
        bn += series[j].n;
        bdays++;
      }
    }
    if (bdays < cfg.minBaselineDays || series[i].n < cfg.minN) continue;
    const p0 = bx / bn;
    // A baseline of exactly 0 or 1 has no spread: judge it as if half an event had gone the other way.
    const p = Math.min(Math.max(p0, 0.5 / bn), 1 - 0.5 / bn);
    judged.push({ i, z: rateZ(series[i].x, series[i].n, p, bad), baseline: { x: bx, n: bn, value: p0 } });
  }
  // The baseline reported is the one the shift's first day was judged against.
  return sustained(judged, cfg.pChartLimit, 'p-chart', cfg).map(({ at, start, rule }) => {
    let cx = 0;
    let cn = 0;
    for (let j = start.i; j <= at.i; j++) {
      cx += series[j].x;
      cn += series[j].n;
    }
    return { rule, startDay: series[start.i].day, detectedDay: series[at.i].day, index: at.i, baseline: start.baseline, current: { x: cx, n: cn, value: cx / cn } };
  });
}

/**
 * How unusual x of n is against rate p, in the bad direction, as a standard-normal score. Small or
 * skewed samples (a 3% reopen rate on 20 tickets) use the exact binomial tail, so the limits keep
 * their meaning; large ones the normal approximation.
 */
export function rateZ(x: number, n: number, p: number, bad: Direction): number {
  if (n * p * (1 - p) >= 9) {
    const z = (x / n - p) / Math.sqrt((p * (1 - p)) / n);
    return bad === 'up' ? z : -z;
  }
  // P(X >= x) for 'up', P(X <= x) for 'down'; z = the normal quantile of 1 - tail.
  const tail = bad === 'up' ? binomialTail(x, n, p) : binomialTail(n - x, n, 1 - p);
  return normalQuantile(1 - Math.min(Math.max(tail, 1e-12), 1 - 1e-12));
}

/** P(X >= x) for X ~ Binomial(n, p), summed in log space. */
export function binomialTail(x: number, n: number, p: number): number {
  if (x <= 0) return 1;
  if (x > n) return 0;
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  let logC = 0; // log C(n, k), built up from k = 0
  let sum = 0;
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log((n - k + 1) / k);
    if (k >= x) sum += Math.exp(logC + k * lp + (n - k) * lq);
  }
  return Math.min(1, sum);
}

/** Inverse standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(u: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (u < lo) {
    const q = Math.sqrt(-2 * Math.log(u));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (u > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(1 - u));
    return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const q = u - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Detections in a daily series of log-scale means (handle time): each day against the median and
 * MAD of the baseline days' values, so one wild day in the baseline does not move the limits.
 */
export function detectLogMeanShifts(series: readonly LogMeanDay[], bad: Direction, cfg: DetectorConfig = DEFAULT_DETECTOR): Detection[] {
  const s = sign(bad);
  const judged: Judged[] = [];
  for (let i = 0; i < series.length; i++) {
    const base: LogMeanDay[] = [];
    for (let j = i - 1 - cfg.baselineGapDays; j >= 0 && j >= i - cfg.baselineGapDays - cfg.baselineDays; j--) if (series[j].n >= cfg.minN) base.push(series[j]);
    if (base.length < cfg.minBaselineDays || series[i].n < cfg.minN) continue;
    const med = median(base.map((b) => b.mean));
    const mad = median(base.map((b) => Math.abs(b.mean - med)));
    const sigma = Math.max(1.4826 * mad, 1e-6);
    const n = base.reduce((a, b) => a + b.n, 0);
    judged.push({ i, z: (s * (series[i].mean - med)) / sigma, baseline: { x: 0, n, value: Math.exp(med) } });
  }
  return sustained(judged, cfg.robustLimit, 'robust', cfg).map(({ at, start, rule }) => {
    let sum = 0;
    let n = 0;
    for (let j = start.i; j <= at.i; j++) {
      sum += series[j].mean * series[j].n;
      n += series[j].n;
    }
    return { rule, startDay: series[start.i].day, detectedDay: series[at.i].day, index: at.i, baseline: start.baseline, current: { x: 0, n, value: Math.exp(sum / n) } };
  });
}

/** Cohen's h: the effect size of a change between two proportions (0.2 small, 0.5 medium, 0.8 large). */
export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p2)) - 2 * Math.asin(Math.sqrt(p1));
}
